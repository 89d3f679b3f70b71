using OgpData.Json;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary>Where a schema sits: a document and a JSON Pointer into it.</summary>
internal readonly record struct SchemaPlace(SchemaDocument Document, string Pointer);

/// <summary>
/// The index of one compilation, apart from keyword construction: every resource (<c>$id</c>/<c>id</c>),
/// anchor and dynamic anchor of the documents loaded, and the one node per place that a <c>$ref</c>,
/// <c>$dynamicRef</c> or subschema resolves to (cycles are just edges of the graph). Nodes handed out are
/// filled later by <see cref="SchemaCompiler"/>, which takes them from <see cref="TryTakePending"/>.
/// </summary>
internal sealed class SchemaIndex(SchemaOptions options)
{
    private readonly Dictionary<string, SchemaResource> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaPlace> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<SchemaPlace, SchemaResource> _placeResources = new();
    private readonly Dictionary<SchemaPlace, SchemaNode> _nodes = new();
    private readonly Queue<(SchemaNode Node, SchemaPlace Place)> _pending = new();
    private readonly HashSet<string> _loadedUris = new(StringComparer.Ordinal);

    /// <summary>The next node handed out but not yet compiled.</summary>
    public bool TryTakePending(out SchemaNode node, out SchemaPlace place)
    {
        if (_pending.Count == 0)
        {
            node = null!;
            place = default;
            return false;
        }
        (node, place) = _pending.Dequeue();
        return true;
    }

    // ---------------------------------------------------------------- indexing

    public SchemaDocument Load(JsonElement root, string retrievalUri, SchemaDraft fallbackDraft)
    {
        var document = new SchemaDocument { Root = root.Clone(), RetrievalUri = retrievalUri };
        _loadedUris.Add(retrievalUri);
        var draft = fallbackDraft;
        var validation = true;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var meta) && meta.ValueKind == JsonValueKind.String)
        {
            draft = DraftOf(meta.GetString()!, fallbackDraft);
            validation = HasValidationVocabulary(meta.GetString()!);
        }
        var resource = new SchemaResource
        {
            BaseUri = retrievalUri, Document = document, DocumentPointer = "", Draft = draft, ValidationVocabulary = validation,
        };
        _resources.TryAdd(retrievalUri, resource);
        Index(document.Root, document, "", resource, 0);
        return document;
    }

    private SchemaDraft DraftOf(string metaSchema, SchemaDraft fallback)
    {
        if (SchemaDrafts.FromMetaSchemaUri(metaSchema) is { } known) return known;
        // A custom meta-schema: follow it (when registered) to the draft it is written in.
        var (absolute, _) = SchemaUri.Split(metaSchema);
        if (FindDocument(absolute) is { } doc && doc.ValueKind == JsonValueKind.Object &&
            doc.TryGetProperty("$schema", out var inner) && inner.ValueKind == JsonValueKind.String &&
            SchemaDrafts.FromMetaSchemaUri(inner.GetString()) is { } draft)
        {
            return draft;
        }
        return fallback;
    }

    /// <summary>
    /// A custom meta-schema may leave the validation vocabulary out of <c>$vocabulary</c>; then the
    /// validation keywords (type, minimum, required, ...) of schemas written against it are not applied.
    /// </summary>
    private bool HasValidationVocabulary(string metaSchema)
    {
        if (SchemaDrafts.FromMetaSchemaUri(metaSchema) is not null) return true;
        var (absolute, _) = SchemaUri.Split(metaSchema);
        if (FindDocument(absolute) is { } doc && doc.ValueKind == JsonValueKind.Object &&
            doc.TryGetProperty("$vocabulary", out var vocabularies) && vocabularies.ValueKind == JsonValueKind.Object)
        {
            foreach (var vocabulary in vocabularies.EnumerateObject())
            {
                if (vocabulary.Name.EndsWith("/vocab/validation", StringComparison.Ordinal)) return true;
            }
            return false;
        }
        return true;
    }

    private void Index(JsonElement element, SchemaDocument document, string pointer, SchemaResource resource, int depth)
    {
        if (depth > 512) throw new SchemaCompileException($"the schema nests deeper than 512 levels at '{pointer}'.");
        var place = new SchemaPlace(document, pointer);
        if (element.ValueKind != JsonValueKind.Object)
        {
            _placeResources.TryAdd(place, resource);
            return;
        }

        var draft = resource.Draft;
        var idKeyword = DraftVocabulary.IdKeyword(draft);
        var hasId = element.TryGetProperty(idKeyword, out var idElement) && idElement.ValueKind == JsonValueKind.String;
        if (hasId && pointer.Length > 0 && element.TryGetProperty("$schema", out var meta) && meta.ValueKind == JsonValueKind.String)
        {
            draft = DraftOf(meta.GetString()!, draft);
            idKeyword = DraftVocabulary.IdKeyword(draft);
            hasId = element.TryGetProperty(idKeyword, out idElement) && idElement.ValueKind == JsonValueKind.String;
        }
        if (hasId && DraftVocabulary.RefHidesSiblings(draft) && element.TryGetProperty("$ref", out _)) hasId = false;
        var legacy = DraftVocabulary.IdFragmentIsAnchor(draft);
        if (hasId)
        {
            var id = idElement.GetString()!;
            if (legacy && id.StartsWith('#'))
            {
                _anchors.TryAdd(resource.BaseUri + id, place);
            }
            else
            {
                var (absolute, fragment) = SchemaUri.Resolve(resource.BaseUri, id);
                if (pointer.Length == 0)
                {
                    resource.BaseUri = absolute;
                    resource.Draft = draft;
                    _resources.TryAdd(absolute, resource);
                }
                else
                {
                    resource = new SchemaResource { BaseUri = absolute, Document = document, DocumentPointer = pointer, Draft = draft };
                    _resources.TryAdd(absolute, resource);
                }
                if (legacy && !string.IsNullOrEmpty(fragment)) _anchors.TryAdd(absolute + "#" + fragment, place);
            }
        }
        _placeResources.TryAdd(place, resource);

        if (DraftVocabulary.Has(draft, "$anchor") && element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
        {
            _anchors.TryAdd(resource.BaseUri + "#" + anchor.GetString(), place);
        }
        if (DraftVocabulary.Has(draft, "$dynamicAnchor") && element.TryGetProperty("$dynamicAnchor", out var dynamic) && dynamic.ValueKind == JsonValueKind.String)
        {
            var name = dynamic.GetString()!;
            _anchors.TryAdd(resource.BaseUri + "#" + name, place);
            (resource.DynamicAnchorPointers ??= new Dictionary<string, string>(StringComparer.Ordinal)).TryAdd(name, pointer);
            NodeAt(place);
        }
        if (DraftVocabulary.Has(draft, "$recursiveAnchor") && pointer == resource.DocumentPointer &&
            element.TryGetProperty("$recursiveAnchor", out var recursive) && recursive.ValueKind == JsonValueKind.True)
        {
            resource.RecursiveAnchor = true;
        }

        foreach (var property in element.EnumerateObject())
        {
            var child = pointer + "/" + JsonPointerText.Escape(property.Name);
            var value = property.Value;
            switch (SubschemaShape(property.Name, draft))
            {
                case Shape.Single:
                    Index(value, document, child, resource, depth + 1);
                    break;
                case Shape.Map when value.ValueKind == JsonValueKind.Object:
                    foreach (var entry in value.EnumerateObject())
                    {
                        Index(entry.Value, document, child + "/" + JsonPointerText.Escape(entry.Name), resource, depth + 1);
                    }
                    break;
                case Shape.List when value.ValueKind == JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in value.EnumerateArray()) Index(item, document, child + "/" + i++, resource, depth + 1);
                    break;
                case Shape.SingleOrList:
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        var k = 0;
                        foreach (var item in value.EnumerateArray()) Index(item, document, child + "/" + k++, resource, depth + 1);
                    }
                    else
                    {
                        Index(value, document, child, resource, depth + 1);
                    }
                    break;
            }
        }
    }

    private enum Shape
    {
        None,
        Single,
        Map,
        List,
        SingleOrList,
    }

    private static Shape SubschemaShape(string keyword, SchemaDraft draft) => keyword switch
    {
        "properties" or "patternProperties" or "definitions" or "$defs" or "dependentSchemas" or "dependencies" => Shape.Map,
        "additionalProperties" or "additionalItems" or "not" or "contains" or "propertyNames" or "if" or "then" or "else"
            or "unevaluatedItems" or "unevaluatedProperties" => Shape.Single,
        "allOf" or "anyOf" or "oneOf" or "prefixItems" => Shape.List,
        // 2020-12 moved the array form of items to prefixItems.
        "items" => DraftVocabulary.Has(draft, "prefixItems") ? Shape.Single : Shape.SingleOrList,
        _ => Shape.None,
    };

    // ---------------------------------------------------------------- resolution

    /// <summary>The node of a place, created (and queued for compiling) on first request.</summary>
    public SchemaNode NodeAt(SchemaPlace place)
    {
        if (_nodes.TryGetValue(place, out var node)) return node;
        node = new SchemaNode();
        _nodes.Add(place, node);
        _pending.Enqueue((node, place));
        return node;
    }

    private JsonElement? FindDocument(string absolute)
    {
        if (options.Registry?.Find(absolute) is { } registered) return registered;
        if (options.Resolver is not null && Uri.TryCreate(absolute, UriKind.Absolute, out var uri) && options.Resolver(uri) is { } resolved)
        {
            return resolved;
        }
        return null;
    }

    /// <summary>The resource with an absolute URI, loading its document from the registry or resolver once.</summary>
    public SchemaResource? FindResource(string absolute)
    {
        if (_resources.TryGetValue(absolute, out var resource)) return resource;
        if (SchemaUri.OtherScheme(absolute) is { } other && _resources.TryGetValue(other, out resource)) return resource;
        if (_loadedUris.Contains(absolute)) return null;
        if (FindDocument(absolute) is not { } document) return null;
        Load(document, absolute, options.DefaultDraft);
        _resources.TryGetValue(absolute, out resource);
        return resource;
    }

    /// <summary>Resolves an absolute reference (with fragment) to a node; throws when nothing holds it.</summary>
    public SchemaNode Resolve(string reference, string from)
    {
        var (absolute, fragment) = SchemaUri.Split(reference);
        absolute = SchemaUri.Normalize(absolute);
        var resource = FindResource(absolute) ?? throw new SchemaCompileException(
            $"cannot resolve $ref '{reference}' at {from}: no schema is registered for '{absolute}' (remote schemas are never fetched; register the document in a SchemaRegistry or pass a resolver).");
        if (string.IsNullOrEmpty(fragment)) return NodeAt(new SchemaPlace(resource.Document, resource.DocumentPointer));
        if (fragment[0] == '/')
        {
            var pointer = resource.DocumentPointer + Uri.UnescapeDataString(fragment);
            if (!JsonPointerText.TryNavigate(resource.Document.Root, pointer, out _))
            {
                throw new SchemaCompileException($"cannot resolve $ref '{reference}' at {from}: the pointer '{fragment}' names nothing in '{absolute}'.");
            }
            return NodeAt(new SchemaPlace(resource.Document, pointer));
        }
        if (_anchors.TryGetValue(resource.BaseUri + "#" + fragment, out var place) ||
            _anchors.TryGetValue(absolute + "#" + fragment, out place))
        {
            return NodeAt(place);
        }
        throw new SchemaCompileException($"cannot resolve $ref '{reference}' at {from}: there is no anchor '{fragment}' in '{absolute}'.");
    }

    /// <summary>The resource a place belongs to.</summary>
    public SchemaResource ResourceOf(SchemaPlace place)
    {
        if (_placeResources.TryGetValue(place, out var resource)) return resource;
        // A place reached by a pointer into a non-schema keyword: its nearest indexed ancestor's resource.
        var pointer = place.Pointer;
        while (pointer.Length > 0)
        {
            pointer = pointer.Substring(0, pointer.LastIndexOf('/'));
            if (_placeResources.TryGetValue(new SchemaPlace(place.Document, pointer), out resource))
            {
                // Index it as a schema now, so ids and anchors inside it count.
                if (!JsonPointerText.TryNavigate(place.Document.Root, place.Pointer, out var element)) throw NothingAt(place);
                Index(element, place.Document, place.Pointer, resource, 0);
                return _placeResources[place];
            }
        }
        throw new SchemaCompileException($"internal error: no schema resource for '{place.Pointer}'.");
    }

    // A place indexed through one member and read through another: an object that repeats a keyword
    // ({"anyOf": [...], "anyOf": 0}) is indexed member by member but read by name, where the last one wins.
    public static SchemaCompileException NothingAt(SchemaPlace place) =>
        new($"the schema has nothing at '{place.Pointer}' (is a keyword repeated in one object?).");
}
