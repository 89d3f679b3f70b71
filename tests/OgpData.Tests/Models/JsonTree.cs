using System.Text;
using System.Text.Json;

namespace OgpData.Tests.Models;

/// <summary>
/// Compares two JSON trees: objects as sets of members (order ignored), arrays in order, strings by value,
/// numbers by their exact text (<c>1.5</c> and <c>1.50</c> differ), and reports the first difference as a
/// JSON Pointer with both values.
/// </summary>
internal static class JsonTree
{
    /// <summary>Null when the trees are equal, else "pointer: expected ... but was ...".</summary>
    public static string? FirstDifference(JsonElement expected, JsonElement actual) =>
        Compare(expected, actual, new StringBuilder());

    /// <summary>Parses both texts and compares them.</summary>
    public static string? FirstDifference(ReadOnlySpan<byte> expectedUtf8, ReadOnlySpan<byte> actualUtf8)
    {
        using var expected = JsonDocument.Parse(expectedUtf8.ToArray());
        using var actual = JsonDocument.Parse(actualUtf8.ToArray());
        return FirstDifference(expected.RootElement, actual.RootElement);
    }

    private static string? Compare(JsonElement expected, JsonElement actual, StringBuilder pointer)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return Describe(pointer, $"expected {expected.ValueKind} {Show(expected)} but was {actual.ValueKind} {Show(actual)}");
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                return CompareObjects(expected, actual, pointer);
            case JsonValueKind.Array:
                var expectedLength = expected.GetArrayLength();
                var actualLength = actual.GetArrayLength();
                for (var i = 0; i < Math.Min(expectedLength, actualLength); i++)
                {
                    var length = pointer.Length;
                    pointer.Append('/').Append(i);
                    var difference = Compare(expected[i], actual[i], pointer);
                    if (difference is not null) return difference;
                    pointer.Length = length;
                }
                return expectedLength == actualLength
                    ? null
                    : Describe(pointer, $"expected {expectedLength} items but was {actualLength}");
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString()
                    ? null
                    : Describe(pointer, $"expected {Show(expected)} but was {Show(actual)}");
            case JsonValueKind.Number:
                return expected.GetRawText() == actual.GetRawText()
                    ? null
                    : Describe(pointer, $"expected number {expected.GetRawText()} but was {actual.GetRawText()}");
            default:
                return null; // true, false, null: the kind says it all
        }
    }

    private static string? CompareObjects(JsonElement expected, JsonElement actual, StringBuilder pointer)
    {
        // Members by name; a name written twice is compared by its last value, as readers keep it.
        var actualMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in actual.EnumerateObject()) actualMembers[member.Name] = member.Value;
        var expectedMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in expected.EnumerateObject()) expectedMembers[member.Name] = member.Value;
        foreach (var (name, value) in expectedMembers)
        {
            var length = pointer.Length;
            pointer.Append('/').Append(name.Replace("~", "~0").Replace("/", "~1"));
            if (!actualMembers.TryGetValue(name, out var other)) return Describe(pointer, $"missing (expected {Show(value)})");
            var difference = Compare(value, other, pointer);
            if (difference is not null) return difference;
            pointer.Length = length;
        }
        foreach (var (name, value) in actualMembers)
        {
            if (!expectedMembers.ContainsKey(name))
            {
                pointer.Append('/').Append(name.Replace("~", "~0").Replace("/", "~1"));
                return Describe(pointer, $"unexpected member {Show(value)}");
            }
        }
        return null;
    }

    private static string Describe(StringBuilder pointer, string what) =>
        (pointer.Length == 0 ? "(root)" : pointer.ToString()) + ": " + what;

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
