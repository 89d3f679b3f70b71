using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OgpData.Tests.Csv;

/// <summary>Compares two JSON trees: object members in any order (or in order, when asked), arrays in order, numbers by value.</summary>
internal static class JsonTreeDiff
{
    /// <summary>The JSON Pointer of the first difference, with both values, or null when the trees are equal.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string pointer = "", bool memberOrder = false)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var (name, value) in e)
                {
                    if (!a.ContainsKey(name)) return $"{pointer}/{name}: missing (expected {Short(value)})";
                    if (FirstDifference(value, a[name], pointer + "/" + name, memberOrder) is { } inner) return inner;
                }
                if (memberOrder && !e.Select(m => m.Key).SequenceEqual(a.Select(m => m.Key)))
                {
                    return $"{pointer}: members in order {string.Join(",", e.Select(m => m.Key))} expected, {string.Join(",", a.Select(m => m.Key))} found";
                }
                foreach (var (name, value) in a)
                {
                    if (!e.ContainsKey(name)) return $"{pointer}/{name}: unexpected {Short(value)}";
                }
                return null;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    if (FirstDifference(e[i], a[i], pointer + "/" + i, memberOrder) is { } inner) return inner;
                }
                return e.Count == a.Count ? null : $"{pointer}: {e.Count} items expected, {a.Count} found";
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                return SameNumber(e.ToJsonString(), a.ToJsonString()) ? null : $"{pointer}: expected {e.ToJsonString()}, found {a.ToJsonString()}";
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{pointer}: expected {Short(expected)}, found {Short(actual)}";
        }
    }

    private static bool SameNumber(string left, string right)
    {
        if (left == right) return true;
        if (decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var l) && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)) return l == r;
        return double.Parse(left, CultureInfo.InvariantCulture) == double.Parse(right, CultureInfo.InvariantCulture);
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
