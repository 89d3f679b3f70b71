using System.Collections.Immutable;
using System.Text.Json;

namespace OgpData.OcdsPublishing;

/// <summary>How the OCDS merging specification treats one field when releases are compiled.</summary>
public enum MergeRule
{
    /// <summary>No rule of its own: objects merge field by field, arrays of objects by <c>id</c>, values replace.</summary>
    None,
    /// <summary><c>omitWhenMerged</c> (or 1.0's <c>mergeStrategy: ocdsOmit</c>): the field is left out of merged releases.</summary>
    OmitWhenMerged,
    /// <summary><c>wholeListMerge</c> (or 1.0's <c>mergeStrategy: ocdsVersion</c>), or an array whose items are not objects with an <c>id</c>: a later array replaces the earlier one whole.</summary>
    WholeListMerge,
}

/// <summary>
/// The merge rules of a release schema, read from the schema itself (never a hard-coded list of fields), so
/// extensions merged into the schema bring their own rules. Paths are field names only: an array's items
/// share the array's path, as in the merging specification.
/// </summary>
public sealed class MergeRules
{
    // Deep enough for any real release schema; a $ref cycle stops here instead of recursing for ever.
    private const int MaxDepth = 32;

    private MergeRules(Node root) => Root = root;

    internal Node Root { get; }

    /// <summary>One field's place in the tree of rules; children only where a rule lies at or below them.</summary>
    internal sealed class Node
    {
        public MergeRule Rule { get; set; }
        public Dictionary<string, Node>? Children { get; set; }

        public Node? Child(string name) => Children is not null && Children.TryGetValue(name, out var child) ? child : null;
    }

    /// <summary>
    /// Reads the rules of a release schema. <paramref name="resolveDocument"/> finds the document an absolute
    /// <c>$ref</c> names (for example <see cref="OcdsValidation.OcdsSchemaSet.ResolveDocument"/>); references
    /// within the schema (<c>#/definitions/...</c>) need nothing.
    /// </summary>
    public static MergeRules FromReleaseSchema(JsonElement releaseSchema, Func<string, JsonElement?>? resolveDocument = null)
    {
        var reader = new SchemaReader(releaseSchema, resolveDocument);
        var root = new Node();
        if (reader.Deref(releaseSchema).TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            reader.Collect(properties, root, 0);
        }
        return new MergeRules(root);
    }

    /// <summary>The rules of a schema set's release schema (its extensions included).</summary>
    public static MergeRules FromSchemaSet(OcdsValidation.OcdsSchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        return FromReleaseSchema(schemas.ReleaseSchema, schemas.ResolveDocument);
    }

    /// <summary>Every path with a rule, as dotted field names (<c>parties.roles</c>), for documentation and tests.</summary>
    public ImmutableSortedDictionary<string, MergeRule> ToDictionary()
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, MergeRule>(StringComparer.Ordinal);
        Walk(Root, "", result);
        return result.ToImmutable();

        static void Walk(Node node, string path, ImmutableSortedDictionary<string, MergeRule>.Builder into)
        {
            if (node.Rule != MergeRule.None) into[path] = node.Rule;
            if (node.Children is null) return;
            foreach (var (name, child) in node.Children) Walk(child, path.Length == 0 ? name : path + "." + name, into);
        }
    }

    private sealed class SchemaReader(JsonElement root, Func<string, JsonElement?>? resolveDocument)
    {
        /// <summary>Follows <c>$ref</c> until a schema without one: the referenced schema replaces the object, siblings and all.</summary>
        public JsonElement Deref(JsonElement schema)
        {
            for (var hops = 0; hops < MaxDepth && schema.ValueKind == JsonValueKind.Object
                && schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String; hops++)
            {
                var target = Resolve(reference.GetString()!);
                if (target is null) return default;
                schema = target.Value;
            }
            return schema;
        }

        private JsonElement? Resolve(string reference)
        {
            var hash = reference.IndexOf('#', StringComparison.Ordinal);
            var documentPart = hash < 0 ? reference : reference[..hash];
            var fragment = hash < 0 ? "" : reference[(hash + 1)..];
            var document = documentPart.Length == 0 ? root : resolveDocument?.Invoke(documentPart);
            if (document is not { } current) return null;
            foreach (var segment in Json.JsonPointerText.Segments(fragment))
            {
                if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next)) current = next;
                else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < current.GetArrayLength()) current = current[index];
                else return null;
            }
            return current;
        }

        public void Collect(JsonElement properties, Node into, int depth)
        {
            if (depth > MaxDepth) return;
            foreach (var property in properties.EnumerateObject())
            {
                var value = Deref(property.Value);
                if (value.ValueKind != JsonValueKind.Object) continue;
                var node = new Node();
                var types = Types(value);
                if (IsTrue(value, "omitWhenMerged") || HasString(value, "mergeStrategy", "ocdsOmit"))
                {
                    node.Rule = MergeRule.OmitWhenMerged;
                }
                else if (types.Contains("array") && (IsTrue(value, "wholeListMerge") || HasString(value, "mergeStrategy", "ocdsVersion")))
                {
                    node.Rule = MergeRule.WholeListMerge;
                }
                else if (types.Contains("object") && value.TryGetProperty("properties", out var nested) && nested.ValueKind == JsonValueKind.Object)
                {
                    Collect(nested, node, depth + 1);
                }
                else if (types.Contains("array") && value.TryGetProperty("items", out var itemsSchema))
                {
                    var items = Deref(itemsSchema);
                    var itemTypes = items.ValueKind == JsonValueKind.Object ? Types(items) : [];
                    if (itemTypes.Exists(type => type != "object"))
                    {
                        node.Rule = MergeRule.WholeListMerge;
                    }
                    else if (itemTypes.Contains("object") && items.TryGetProperty("properties", out var itemProperties) && itemProperties.ValueKind == JsonValueKind.Object)
                    {
                        // Items without an id cannot be merged by identifier: the merging specification replaces the list.
                        if (!itemProperties.TryGetProperty("id", out _)) node.Rule = MergeRule.WholeListMerge;
                        else Collect(itemProperties, node, depth + 1);
                    }
                }
                if (node.Rule != MergeRule.None || node.Children is not null)
                {
                    into.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                    into.Children[property.Name] = node;
                }
            }
        }

        private static List<string> Types(JsonElement schema)
        {
            if (!schema.TryGetProperty("type", out var type)) return [];
            if (type.ValueKind == JsonValueKind.String) return [type.GetString()!];
            var list = new List<string>();
            if (type.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in type.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.String) list.Add(entry.GetString()!);
                }
            }
            return list;
        }

        // Python truthiness of the keyword's value, as the reference implementation reads it.
        private static bool IsTrue(JsonElement schema, string keyword) =>
            schema.TryGetProperty(keyword, out var value) && value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.String => value.GetString()!.Length > 0,
                JsonValueKind.Number => value.GetDouble() != 0,
                JsonValueKind.Object => value.EnumerateObject().Any(),
                JsonValueKind.Array => value.GetArrayLength() > 0,
                _ => false,
            };

        private static bool HasString(JsonElement schema, string keyword, string expected) =>
            schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.String && value.ValueEquals(expected);
    }
}
