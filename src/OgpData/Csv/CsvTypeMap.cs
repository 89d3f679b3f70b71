using System.Collections.Frozen;
using System.Text.Json;

namespace OgpData.Csv;

/// <summary>What a column holds, and so how its cells are read.</summary>
public enum FieldKind
{
    /// <summary>Text, kept exactly (an id like <c>00123</c> stays <c>00123</c>).</summary>
    String,
    /// <summary>A number; decimal commas and spaces as thousands separators are accepted.</summary>
    Number,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary><c>true</c>/<c>false</c> (also <c>vrai</c>/<c>faux</c>, <c>oui</c>/<c>non</c>, <c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c>).</summary>
    Boolean,
    /// <summary>An array of strings, written as one cell split on <c>;</c>.</summary>
    StringArray,
    /// <summary>An array of numbers, one cell split on <c>;</c>.</summary>
    NumberArray,
    /// <summary>An array of booleans, one cell split on <c>;</c>.</summary>
    BooleanArray,
    /// <summary>An object: its members are columns of their own.</summary>
    Object,
    /// <summary>An array of objects: rows (or numbered columns) of their own.</summary>
    ObjectArray,
}

/// <summary>
/// The kind of every field, by its path without array indices (<c>awards/value/amount</c>). Built from a JSON
/// Schema (local <c>$ref</c>s into <c>definitions</c>/<c>$defs</c> resolved here), from the types a writer
/// recorded beside its sheets, or both (<see cref="Overlay"/>). A path it does not know is text.
/// </summary>
public sealed class CsvTypeMap
{
    private readonly FrozenDictionary<string, FieldKind> _kinds;

    private CsvTypeMap(IDictionary<string, FieldKind> kinds) => _kinds = kinds.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A map that knows nothing: every column is text.</summary>
    public static CsvTypeMap Empty { get; } = new(new Dictionary<string, FieldKind>());

    /// <summary>Every path the map knows, with its kind.</summary>
    public IReadOnlyDictionary<string, FieldKind> Kinds => _kinds;

    /// <summary>The kind of a path without indices, or null when unknown.</summary>
    public FieldKind? Find(string genericPath) => _kinds.TryGetValue(genericPath, out var kind) ? kind : null;

    /// <summary>A map from explicit kinds.</summary>
    public static CsvTypeMap From(IEnumerable<KeyValuePair<string, FieldKind>> kinds)
    {
        var map = new Dictionary<string, FieldKind>(StringComparer.Ordinal);
        foreach (var (path, kind) in kinds) map[path] = kind;
        return new CsvTypeMap(map);
    }

    /// <summary>This map with <paramref name="over"/>'s kinds replacing or adding to its own.</summary>
    public CsvTypeMap Overlay(CsvTypeMap over)
    {
        var map = new Dictionary<string, FieldKind>(_kinds, StringComparer.Ordinal);
        foreach (var (path, kind) in over._kinds) map[path] = kind;
        return new CsvTypeMap(map);
    }

    /// <summary>The part of this map under a path (<c>actionPlans/commitments</c>), with that prefix removed.</summary>
    public CsvTypeMap Under(string genericPrefix)
    {
        var prefix = genericPrefix.TrimEnd('/') + "/";
        var map = new Dictionary<string, FieldKind>(StringComparer.Ordinal);
        foreach (var (path, kind) in _kinds)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal)) map[path[prefix.Length..]] = kind;
        }
        return new CsvTypeMap(map);
    }

    /// <summary>
    /// Walks a JSON Schema from its root (the schema of one record of the root list, e.g. the release schema)
    /// and records the kind of every property path. Only local references are followed; a reference cycle
    /// stops at the second visit. Where a property allows several types, the first that is not <c>null</c> wins.
    /// </summary>
    public static CsvTypeMap FromSchema(JsonElement schema)
    {
        var map = new Dictionary<string, FieldKind>(StringComparer.Ordinal);
        Visit(schema, schema, "", map, new HashSet<string>(StringComparer.Ordinal), 0);
        return new CsvTypeMap(map);
    }

    private static void Visit(JsonElement root, JsonElement node, string path, Dictionary<string, FieldKind> map, HashSet<string> refsOnPath, int depth)
    {
        if (node.ValueKind != JsonValueKind.Object || depth > 64) return;
        if (node.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            var target = reference.GetString()!;
            if (refsOnPath.Add(target))
            {
                if (Resolve(root, target) is { } resolved) Visit(root, resolved, path, map, refsOnPath, depth + 1);
                refsOnPath.Remove(target);
            }
        }
        foreach (var keyword in (ReadOnlySpan<string>)["allOf", "anyOf", "oneOf"])
        {
            if (!node.TryGetProperty(keyword, out var branches) || branches.ValueKind != JsonValueKind.Array) continue;
            foreach (var branch in branches.EnumerateArray()) Visit(root, branch, path, map, refsOnPath, depth + 1);
        }
        var type = TypeOf(node);
        if (type == "array")
        {
            var items = node.TryGetProperty("items", out var i) ? Deref(root, i) : default;
            var itemType = items.ValueKind == JsonValueKind.Object ? TypeOf(items) ?? (items.TryGetProperty("properties", out _) ? "object" : null) : null;
            var kind = itemType switch
            {
                "object" => FieldKind.ObjectArray,
                "number" or "integer" => FieldKind.NumberArray,
                "boolean" => FieldKind.BooleanArray,
                _ => FieldKind.StringArray,
            };
            if (path.Length > 0) map.TryAdd(path, kind);
            if (kind == FieldKind.ObjectArray) Visit(root, i, path, map, refsOnPath, depth + 1);
            return;
        }
        if (type is null or "object" && node.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            if (path.Length > 0) map.TryAdd(path, FieldKind.Object);
            foreach (var property in properties.EnumerateObject())
            {
                Visit(root, property.Value, path.Length == 0 ? property.Name : path + "/" + property.Name, map, refsOnPath, depth + 1);
            }
            return;
        }
        if (path.Length == 0 || type is null) return;
        map.TryAdd(path, type switch
        {
            "number" => FieldKind.Number,
            "integer" => FieldKind.Integer,
            "boolean" => FieldKind.Boolean,
            "object" => FieldKind.Object,
            _ => FieldKind.String,
        });
    }

    private static string? TypeOf(JsonElement node)
    {
        if (!node.TryGetProperty("type", out var type)) return null;
        if (type.ValueKind == JsonValueKind.String) return type.GetString();
        if (type.ValueKind != JsonValueKind.Array) return null;
        foreach (var entry in type.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.String && entry.GetString() != "null") return entry.GetString();
        }
        return null;
    }

    private static JsonElement Deref(JsonElement root, JsonElement node)
    {
        for (var hops = 0; hops < 16 && node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String; hops++)
        {
            if (Resolve(root, reference.GetString()!) is not { } next) break;
            node = next;
        }
        return node;
    }

    /// <summary>Resolves <c>#</c>, <c>#/definitions/X</c>, <c>#/$defs/X</c> and any local JSON Pointer; remote references are not followed.</summary>
    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith('#')) return null;
        var current = root;
        foreach (var raw in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = OgpData.Json.JsonPointerText.Unescape(Uri.UnescapeDataString(raw));
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var next)) current = next;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, out var index) && index < current.GetArrayLength()) current = current[index];
            else return null;
        }
        return current;
    }

    /// <summary>The name written in sheet metadata (<c>string</c>, <c>number</c>, <c>string[]</c>, ...).</summary>
    public static string NameOf(FieldKind kind) => kind switch
    {
        FieldKind.String => "string",
        FieldKind.Number => "number",
        FieldKind.Integer => "integer",
        FieldKind.Boolean => "boolean",
        FieldKind.StringArray => "string[]",
        FieldKind.NumberArray => "number[]",
        FieldKind.BooleanArray => "boolean[]",
        FieldKind.Object => "object",
        _ => "object[]",
    };

    /// <summary>Reads a name written by <see cref="NameOf"/>.</summary>
    public static bool TryParseName(string? name, out FieldKind kind)
    {
        foreach (var candidate in Enum.GetValues<FieldKind>())
        {
            if (NameOf(candidate) == name)
            {
                kind = candidate;
                return true;
            }
        }
        kind = FieldKind.String;
        return false;
    }
}
