using System.Globalization;
using System.Text.Json;

namespace OgpData.Streaming;

/// <summary>Building and reading JSON Pointers (RFC 6901) and finding where one points inside UTF-8 JSON.</summary>
public static class JsonPointerText
{
    /// <summary>The pointer to a property of the object at <paramref name="parent"/>.</summary>
    public static string Append(string parent, string property)
    {
        if (property.AsSpan().IndexOfAny('~', '/') < 0) return parent + "/" + property;
        return parent + "/" + property.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    /// <summary>The pointer to an item of the array at <paramref name="parent"/>.</summary>
    public static string Append(string parent, int index) =>
        parent + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The unescaped reference tokens of a pointer (<c>""</c> has none).</summary>
    public static IReadOnlyList<string> Segments(string pointer)
    {
        if (pointer.Length == 0) return [];
        if (pointer[0] != '/') throw new ArgumentException($"'{pointer}' is not a JSON Pointer.", nameof(pointer));
        var parts = pointer[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Contains('~')) parts[i] = parts[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }
        return parts;
    }

    /// <summary>
    /// Finds the byte offset of the value <paramref name="pointer"/> designates in a complete UTF-8 JSON text.
    /// When the pointer leads nowhere (a missing property), the offset of the deepest value that exists on the
    /// way is returned, so a finding about something absent points at its would-be parent.
    /// Only the values on the way are read; every other subtree is skipped.
    /// </summary>
    public static int Locate(ReadOnlySpan<byte> json, string pointer)
    {
        var segments = Segments(pointer);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4096, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read()) return 0;
            var found = (int)reader.TokenStartIndex;
            foreach (var segment in segments)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    if (!MoveToProperty(ref reader, segment)) return found;
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return found;
                    if (!MoveToItem(ref reader, index)) return found;
                }
                else
                {
                    return found;
                }
                found = (int)reader.TokenStartIndex;
            }
            return found;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static bool MoveToProperty(ref Utf8JsonReader reader, string name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match) return true;
            reader.Skip();
        }
        return false;
    }

    private static bool MoveToItem(ref Utf8JsonReader reader, int index)
    {
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index) return true;
            reader.Skip();
        }
        return false;
    }
}
