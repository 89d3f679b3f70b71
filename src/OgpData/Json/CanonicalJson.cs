using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OgpData.Json;

/// <summary>
/// A digest of a JSON value that is the same for equal values however they are written: members in any order,
/// any whitespace, any escaping. Two items can be compared for equality by their digests alone, so a stream
/// of items can be checked for duplicates keeping one short string per item.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The SHA-256 of the value's canonical form (members sorted by name), as Base64.</summary>
    public static string Hash(JsonElement value)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, value);
        return Convert.ToBase64String(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<JsonProperty>();
                foreach (var member in value.EnumerateObject()) members.Add(member);
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                hash.AppendData("{"u8);
                foreach (var member in members)
                {
                    AppendText(hash, member.Name);
                    hash.AppendData(":"u8);
                    Append(hash, member.Value);
                }
                hash.AppendData("}"u8);
                break;
            case JsonValueKind.Array:
                hash.AppendData("["u8);
                foreach (var item in value.EnumerateArray())
                {
                    Append(hash, item);
                    hash.AppendData(","u8);
                }
                hash.AppendData("]"u8);
                break;
            case JsonValueKind.String:
                AppendText(hash, value.GetString()!);
                break;
            default:
                // Numbers, true, false, null: their text (1 and 1.0 count as different, a rare edge).
                hash.AppendData(Encoding.UTF8.GetBytes(value.GetRawText()));
                break;
        }
    }

    /// <summary>A string, length-prefixed so that no two sequences of strings hash alike.</summary>
    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(Encoding.ASCII.GetBytes("\"" + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":"));
        hash.AppendData(bytes);
    }
}
