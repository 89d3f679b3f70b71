using OgpData.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OgpData.OcdsValidation;

/// <summary>What a field's schema says, beyond validation: how it is deprecated.</summary>
internal sealed record Deprecation(string Version, string Description);

/// <summary>
/// The facts the non-validating OCDS checks need about one place in the schema: which properties are known
/// (and patterns of known names), the schema of array items, deprecation, codelist annotations, and
/// whether array items are merged by <c>id</c>. Built once per schema; shared, read-only, by all threads.
/// </summary>
internal sealed class SchemaNode
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    public Dictionary<string, SchemaNode> Properties { get; } = new(StringComparer.Ordinal);
    public List<Schema.SchemaRegex> PatternProperties { get; } = [];
    public SchemaNode? Items { get; set; }
    public Deprecation? Deprecated { get; set; }
    public string? Codelist { get; set; }
    public bool OpenCodelist { get; set; }
    public bool WholeListMerge { get; set; }
    public bool IdRequired { get; set; }
    /// <summary>True when the schema asks an array's items to be unique (OCDS: unique by <c>id</c>).</summary>
    public bool UniqueItems { get; set; }
    /// <summary>True when the schema's <c>type</c> allows an object.</summary>
    public bool AllowsObject { get; set; }
    /// <summary>The definition this node was reached through (<c>Period</c>, <c>OrganizationReference</c>, ...).</summary>
    public string? Definition { get; set; }

    /// <summary>
    /// True when a member the schema does not list is an additional field: the schema lists properties, or it
    /// is an object that lists none (<c>details</c>: its fields come from extensions, as lib-cove-ocds reads it).
    /// </summary>
    public bool DeclaresProperties => Properties.Count > 0 || (AllowsObject && PatternProperties.Count == 0 && Items is null);

    public SchemaNode? Property(string name)
    {
        if (Properties.TryGetValue(name, out var node)) return node;
        return null;
    }

    /// <summary>
    /// Looks up a member of the document: its schema when the schema lists it, else whether a pattern property
    /// knows it. The name handed back is the schema's own key string or a remembered one, so the walker's path
    /// needs no new string for the names that recur from item to item; both lookups read the name's UTF-8 bytes
    /// straight from the document, with no string or transcoding per member.
    /// </summary>
    public bool TryFind(in JsonProperty property, out string name, out SchemaNode? node, out bool knownByPattern)
    {
        var listed = _listed ??= ListedNames.Of(Properties);
        var slot = listed.Table.Find(property);
        if (slot >= 0)
        {
            (name, node, knownByPattern) = (listed.Table.Names[slot], listed.Nodes[slot], false);
            return true;
        }
        node = null;
        if (_others.TryFind(property, out name, out knownByPattern)) return false;
        name = property.Name;
        knownByPattern = MatchesPattern(name);
        _others.Remember(name, knownByPattern);
        return false;
    }

    // The listed names, built on first use: the builder fills Properties first, and every thread then only reads.
    // Two threads that race here build equal tables; either is kept (a reference, so no thread sees half of one).
    private ListedNames? _listed;

    private sealed record ListedNames(Schema.Utf8NameTable Table, SchemaNode[] Nodes)
    {
        public static ListedNames Of(Dictionary<string, SchemaNode> properties)
        {
            var names = properties.Keys.ToArray();
            return new ListedNames(new Schema.Utf8NameTable(names), Array.ConvertAll(names, key => properties[key]));
        }
    }

    // Names met in the data that the schema does not list, with whether a patternProperties regex knows them:
    // the same additional fields recur in every release of a file, so each is allocated and matched once.
    private readonly NameMemory<bool> _others = new();

    // The schema engine's own matcher: the same ECMA-to-.NET translation, and a non-backtracking automaton
    // whose answer does not depend on the machine's load (a match timeout did, under load, and made the
    // count of additional fields vary from run to run).
    private bool MatchesPattern(string name)
    {
        foreach (var pattern in PatternProperties)
        {
            if (pattern.IsMatch(name)) return true;
        }
        return false;
    }

    public void AddPattern(string pattern)
    {
        try
        {
            PatternProperties.Add(new Schema.SchemaRegex(pattern, PatternTimeout));
        }
        catch (ArgumentException)
        {
            // A pattern .NET cannot read leaves names unrecognised; the schema engine reports bad schemas.
        }
    }
}

/// <summary>
/// Walks a JSON Schema (as <see cref="JsonElement"/>) into <see cref="SchemaNode"/> facts, following local and
/// mapped absolute <c>$ref</c>s and taking the union of <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> alternatives.
/// </summary>
internal sealed class SchemaFactsBuilder(Func<string, JsonElement?> resolveDocument)
{
    private readonly Dictionary<string, SchemaNode> _byReference = new(StringComparer.Ordinal);

    /// <summary>Facts for <paramref name="schema"/>, a subschema of the document known as <paramref name="documentUri"/>.</summary>
    public SchemaNode Build(JsonElement schema, string documentUri)
    {
        var node = new SchemaNode();
        Fill(node, schema, documentUri, depth: 0);
        return node;
    }

    private void Fill(SchemaNode node, JsonElement schema, string documentUri, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 64) return;
        ReadAnnotations(node, schema);

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            var target = Resolve(reference.GetString()!, documentUri);
            if (target is { } found)
            {
                var (element, uri, key, definition) = found;
                node.Definition ??= definition;
                ReadAnnotations(node, element, keepExisting: true);
                // Reuse what the target already gave: a definition used many times is walked once.
                if (_byReference.TryGetValue(key, out var shared)) Merge(node, shared);
                else
                {
                    var built = new SchemaNode { Definition = definition };
                    _byReference[key] = built;
                    Fill(built, element, uri, depth + 1);
                    Merge(node, built);
                }
            }
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (!node.Properties.TryGetValue(property.Name, out var child))
                {
                    child = new SchemaNode();
                    node.Properties[property.Name] = child;
                }
                Fill(child, property.Value, documentUri, depth + 1);
            }
        }
        if (schema.TryGetProperty("patternProperties", out var patterns) && patterns.ValueKind == JsonValueKind.Object)
        {
            foreach (var pattern in patterns.EnumerateObject()) node.AddPattern(pattern.Name);
        }
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String && name.ValueEquals("id")) node.IdRequired = true;
            }
        }
        if (schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
        {
            node.Items ??= new SchemaNode();
            Fill(node.Items, items, documentUri, depth + 1);
        }
        foreach (var keyword in (ReadOnlySpan<string>)["oneOf", "anyOf", "allOf"])
        {
            if (!schema.TryGetProperty(keyword, out var alternatives) || alternatives.ValueKind != JsonValueKind.Array) continue;
            foreach (var alternative in alternatives.EnumerateArray()) Fill(node, alternative, documentUri, depth + 1);
        }
    }

    private static void ReadAnnotations(SchemaNode node, JsonElement schema, bool keepExisting = false)
    {
        if (schema.TryGetProperty("codelist", out var codelist) && codelist.ValueKind == JsonValueKind.String && (!keepExisting || node.Codelist is null))
        {
            node.Codelist = codelist.GetString();
            node.OpenCodelist = schema.TryGetProperty("openCodelist", out var open) && open.ValueKind == JsonValueKind.True;
        }
        if (schema.TryGetProperty("deprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.Object && node.Deprecated is null)
        {
            node.Deprecated = new Deprecation(Text(deprecated, "deprecatedVersion"), Text(deprecated, "description"));
        }
        if (schema.TryGetProperty("wholeListMerge", out var whole) && whole.ValueKind == JsonValueKind.True) node.WholeListMerge = true;
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True) node.UniqueItems = true;
        if (schema.TryGetProperty("type", out var type) && (type.ValueKind == JsonValueKind.String ? type.ValueEquals("object")
            : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.ValueEquals("object"))))
        {
            node.AllowsObject = true;
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>Copies what <paramref name="from"/> knows into <paramref name="into"/> (children are shared, not copied).</summary>
    private static void Merge(SchemaNode into, SchemaNode from)
    {
        foreach (var (name, child) in from.Properties) into.Properties.TryAdd(name, child);
        into.PatternProperties.AddRange(from.PatternProperties);
        into.Items ??= from.Items;
        into.Deprecated ??= from.Deprecated;
        if (into.Codelist is null && from.Codelist is not null)
        {
            into.Codelist = from.Codelist;
            into.OpenCodelist = from.OpenCodelist;
        }
        into.WholeListMerge |= from.WholeListMerge;
        into.UniqueItems |= from.UniqueItems;
        into.AllowsObject |= from.AllowsObject;
        into.IdRequired |= from.IdRequired;
        into.Definition ??= from.Definition;
    }

    private (JsonElement Element, string Uri, string Key, string? Definition)? Resolve(string reference, string documentUri)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var documentPart = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? "" : reference[(hash + 1)..];
        var uri = documentPart.Length == 0 ? documentUri : documentPart;
        if (resolveDocument(uri) is not { } document) return null;
        var element = document;
        string? definition = null;
        foreach (var segment in OgpData.Json.JsonPointerText.Segments(fragment))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element)) return null;
            definition = segment;
        }
        return (element, uri, uri + "#" + fragment, definition);
    }
}
