using OgpData.Json;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary>
/// Turns schema documents into a graph of <see cref="SchemaNode"/>s, once: indexes every resource
/// (<c>$id</c>/<c>id</c>), anchor and dynamic anchor, resolves every <c>$ref</c> to a node (cycles are just
/// edges of the graph), compiles regexes and hashes enums. Nothing is left to do per instance.
/// </summary>
internal sealed class SchemaCompiler
{
    private static int anonymousCount;

    private readonly SchemaOptions options;
    private readonly Dictionary<string, SchemaResource> resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Place> anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<Place, SchemaResource> placeResources = new();
    private readonly Dictionary<Place, SchemaNode> nodes = new();
    private readonly Queue<(SchemaNode Node, Place Place)> pending = new();
    private readonly HashSet<string> loadedUris = new(StringComparer.Ordinal);

    public SchemaCompiler(SchemaOptions options) => this.options = options;

    private readonly record struct Place(SchemaDocument Document, string Pointer);

    public SchemaNode Compile(JsonElement schema, string? uri)
    {
        var baseUri = uri is null
            ? SchemaUri.AnonymousPrefix + Interlocked.Increment(ref anonymousCount)
            : SchemaUri.Normalize(SchemaUri.Split(uri).Absolute);
        var document = Load(schema, baseUri, options.DefaultDraft);
        var root = NodeAt(new Place(document, ""));
        Drain();
        return root;
    }

    /// <summary>Compiles the node a URI names (for <see cref="SchemaRegistry.Compile(Uri, SchemaOptions?)"/>).</summary>
    public SchemaNode CompileUri(string uri)
    {
        var node = Resolve(uri, "(requested)");
        Drain();
        return node;
    }

    private void Drain()
    {
        while (pending.Count > 0)
        {
            var (node, place) = pending.Dequeue();
            Fill(node, place);
        }
    }

    // ---------------------------------------------------------------- indexing

    private SchemaDocument Load(JsonElement root, string retrievalUri, SchemaDraft fallbackDraft)
    {
        var document = new SchemaDocument { Root = root.Clone(), RetrievalUri = retrievalUri };
        loadedUris.Add(retrievalUri);
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
        resources.TryAdd(retrievalUri, resource);
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
        var place = new Place(document, pointer);
        if (element.ValueKind != JsonValueKind.Object)
        {
            placeResources.TryAdd(place, resource);
            return;
        }

        var draft = resource.Draft;
        var idKeyword = draft == SchemaDraft.Draft4 ? "id" : "$id";
        var hasId = element.TryGetProperty(idKeyword, out var idElement) && idElement.ValueKind == JsonValueKind.String;
        if (hasId && pointer.Length > 0 && element.TryGetProperty("$schema", out var meta) && meta.ValueKind == JsonValueKind.String)
        {
            draft = DraftOf(meta.GetString()!, draft);
            idKeyword = draft == SchemaDraft.Draft4 ? "id" : "$id";
            hasId = element.TryGetProperty(idKeyword, out idElement) && idElement.ValueKind == JsonValueKind.String;
        }
        var legacy = draft <= SchemaDraft.Draft7;
        // Before 2019-09, $ref makes every sibling keyword (including the id) be ignored.
        if (hasId && legacy && element.TryGetProperty("$ref", out _)) hasId = false;
        if (hasId)
        {
            var id = idElement.GetString()!;
            if (legacy && id.StartsWith('#'))
            {
                anchors.TryAdd(resource.BaseUri + id, place);
            }
            else
            {
                var (absolute, fragment) = SchemaUri.Resolve(resource.BaseUri, id);
                if (pointer.Length == 0)
                {
                    resource.BaseUri = absolute;
                    resource.Draft = draft;
                    resources.TryAdd(absolute, resource);
                }
                else
                {
                    resource = new SchemaResource { BaseUri = absolute, Document = document, DocumentPointer = pointer, Draft = draft };
                    resources.TryAdd(absolute, resource);
                }
                if (legacy && !string.IsNullOrEmpty(fragment)) anchors.TryAdd(absolute + "#" + fragment, place);
            }
        }
        placeResources.TryAdd(place, resource);

        if (draft >= SchemaDraft.Draft201909)
        {
            if (element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
            {
                anchors.TryAdd(resource.BaseUri + "#" + anchor.GetString(), place);
            }
            if (draft == SchemaDraft.Draft202012 && element.TryGetProperty("$dynamicAnchor", out var dynamic) && dynamic.ValueKind == JsonValueKind.String)
            {
                var name = dynamic.GetString()!;
                anchors.TryAdd(resource.BaseUri + "#" + name, place);
                (resource.DynamicAnchorPointers ??= new Dictionary<string, string>(StringComparer.Ordinal)).TryAdd(name, pointer);
                NodeAt(place);
            }
            if (draft == SchemaDraft.Draft201909 && pointer == resource.DocumentPointer &&
                element.TryGetProperty("$recursiveAnchor", out var recursive) && recursive.ValueKind == JsonValueKind.True)
            {
                resource.RecursiveAnchor = true;
            }
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
        "items" => draft == SchemaDraft.Draft202012 ? Shape.Single : Shape.SingleOrList,
        _ => Shape.None,
    };

    // ---------------------------------------------------------------- resolution

    private SchemaNode NodeAt(Place place)
    {
        if (nodes.TryGetValue(place, out var node)) return node;
        node = new SchemaNode();
        nodes.Add(place, node);
        pending.Enqueue((node, place));
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

    private SchemaResource? FindResource(string absolute)
    {
        if (resources.TryGetValue(absolute, out var resource)) return resource;
        if (SchemaUri.OtherScheme(absolute) is { } other && resources.TryGetValue(other, out resource)) return resource;
        if (loadedUris.Contains(absolute)) return null;
        if (FindDocument(absolute) is not { } document) return null;
        Load(document, absolute, options.DefaultDraft);
        resources.TryGetValue(absolute, out resource);
        return resource;
    }

    /// <summary>Resolves an absolute reference (with fragment) to a node; throws when nothing holds it.</summary>
    private SchemaNode Resolve(string reference, string from)
    {
        var (absolute, fragment) = SchemaUri.Split(reference);
        absolute = SchemaUri.Normalize(absolute);
        var resource = FindResource(absolute) ?? throw new SchemaCompileException(
            $"cannot resolve $ref '{reference}' at {from}: no schema is registered for '{absolute}' (remote schemas are never fetched; register the document in a SchemaRegistry or pass a resolver).");
        if (string.IsNullOrEmpty(fragment)) return NodeAt(new Place(resource.Document, resource.DocumentPointer));
        if (fragment[0] == '/')
        {
            var pointer = resource.DocumentPointer + Uri.UnescapeDataString(fragment);
            if (!JsonPointerText.TryNavigate(resource.Document.Root, pointer, out _))
            {
                throw new SchemaCompileException($"cannot resolve $ref '{reference}' at {from}: the pointer '{fragment}' names nothing in '{absolute}'.");
            }
            return NodeAt(new Place(resource.Document, pointer));
        }
        if (anchors.TryGetValue(resource.BaseUri + "#" + fragment, out var place) ||
            anchors.TryGetValue(absolute + "#" + fragment, out place))
        {
            return NodeAt(place);
        }
        throw new SchemaCompileException($"cannot resolve $ref '{reference}' at {from}: there is no anchor '{fragment}' in '{absolute}'.");
    }

    private SchemaResource ResourceOf(Place place)
    {
        if (placeResources.TryGetValue(place, out var resource)) return resource;
        // A place reached by a pointer into a non-schema keyword: its nearest indexed ancestor's resource.
        var pointer = place.Pointer;
        while (pointer.Length > 0)
        {
            pointer = pointer.Substring(0, pointer.LastIndexOf('/'));
            if (placeResources.TryGetValue(new Place(place.Document, pointer), out resource))
            {
                // Index it as a schema now, so ids and anchors inside it count.
                if (!JsonPointerText.TryNavigate(place.Document.Root, place.Pointer, out var element)) throw NothingAt(place);
                Index(element, place.Document, place.Pointer, resource, 0);
                return placeResources[place];
            }
        }
        throw new SchemaCompileException($"internal error: no schema resource for '{place.Pointer}'.");
    }

    // ---------------------------------------------------------------- compiling

    // A place indexed through one member and read through another: an object that repeats a keyword
    // ({"anyOf": [...], "anyOf": 0}) is indexed member by member but read by name, where the last one wins.
    private static SchemaCompileException NothingAt(Place place) =>
        new($"the schema has nothing at '{place.Pointer}' (is a keyword repeated in one object?).");

    private void Fill(SchemaNode node, Place place)
    {
        if (!JsonPointerText.TryNavigate(place.Document.Root, place.Pointer, out var element)) throw NothingAt(place);
        var resource = ResourceOf(place);
        node.Resource = resource;
        var local = place.Pointer.Substring(resource.DocumentPointer.Length);
        node.Location = SchemaUri.Display(resource.BaseUri, local);
        if (local.Length == 0) resource.RootNode ??= node;
        if (resource.DynamicAnchorPointers is not null && resource.DynamicAnchors is null)
        {
            resource.DynamicAnchors = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
            foreach (var (name, pointer) in resource.DynamicAnchorPointers)
            {
                resource.DynamicAnchors[name] = NodeAt(new Place(resource.Document, pointer));
            }
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                node.Constant = true;
                return;
            case JsonValueKind.False:
                node.Constant = false;
                return;
            case JsonValueKind.Object:
                break;
            default:
                throw new SchemaCompileException($"the schema at {node.Location} is {element.ValueKind.ToString().ToLowerInvariant()}; a schema must be an object or a boolean.");
        }

        var context = new NodeContext(this, element, place, resource, node.Location);
        var draft = resource.Draft;
        if (resource.Document.Root.ValueKind == JsonValueKind.Object && place.Pointer == resource.DocumentPointer)
        {
            draft = resource.Draft;
        }
        node.Keywords = BuildKeywords(context, draft, out var collects);
        node.CollectsAnnotations = collects;
    }

    private sealed class NodeContext(SchemaCompiler compiler, JsonElement element, Place place, SchemaResource resource, string location)
    {
        public SchemaCompiler Compiler { get; } = compiler;
        public JsonElement Element { get; } = element;
        public Place Place { get; } = place;
        public SchemaResource Resource { get; } = resource;
        public string Location { get; } = location;

        public string At(string keyword) => Location + "/" + JsonPointerText.Escape(keyword);

        public SchemaNode Sub(params string[] path)
        {
            var pointer = Place.Pointer;
            foreach (var token in path) pointer += "/" + JsonPointerText.Escape(token);
            return Compiler.NodeAt(new Place(Place.Document, pointer));
        }

        public bool Has(string keyword, out JsonElement value) => Element.TryGetProperty(keyword, out value);
    }

    private Keyword[] BuildKeywords(NodeContext c, SchemaDraft draft, out bool collectsAnnotations)
    {
        var list = new List<Keyword>();
        collectsAnnotations = false;
        var legacy = draft <= SchemaDraft.Draft7;

        if (c.Has("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            var target = Resolve(Absolute(c.Resource.BaseUri, reference.GetString()!, c.At("$ref")), c.At("$ref"));
            list.Add(new RefKeyword(c.At("$ref"), target));
            if (legacy) return list.ToArray();
        }
        if (draft == SchemaDraft.Draft202012 && c.Has("$dynamicRef", out var dynamicRef) && dynamicRef.ValueKind == JsonValueKind.String)
        {
            var text = dynamicRef.GetString()!;
            var absolute = Absolute(c.Resource.BaseUri, text, c.At("$dynamicRef"));
            var target = Resolve(absolute, c.At("$dynamicRef"));
            var (_, fragment) = SchemaUri.Split(absolute);
            string? anchorName = null;
            // Dynamic only when the initial target is itself a $dynamicAnchor of that name.
            if (!string.IsNullOrEmpty(fragment) && fragment[0] != '/' &&
                target.Resource?.DynamicAnchorPointers is { } dyn && dyn.ContainsKey(fragment))
            {
                anchorName = fragment;
            }
            else if (!string.IsNullOrEmpty(fragment) && fragment[0] != '/')
            {
                // The target may not be filled yet; look the anchor up through the index.
                var (abs, _) = SchemaUri.Split(absolute);
                if (FindResource(SchemaUri.Normalize(abs)) is { DynamicAnchorPointers: { } pointers } && pointers.ContainsKey(fragment))
                {
                    anchorName = fragment;
                }
            }
            list.Add(new DynamicRefKeyword(c.At("$dynamicRef"), target, anchorName));
        }
        if (draft == SchemaDraft.Draft201909 && c.Has("$recursiveRef", out var recursiveRef) && recursiveRef.ValueKind == JsonValueKind.String)
        {
            var target = Resolve(Absolute(c.Resource.BaseUri, recursiveRef.GetString()!, c.At("$recursiveRef")), c.At("$recursiveRef"));
            list.Add(new RecursiveRefKeyword(c.At("$recursiveRef"), target));
        }

        var validation = c.Resource.ValidationVocabulary;
        if (validation && c.Has("type", out var type)) list.Add(new TypeKeyword(c.At("type"), TypesOf(type, c.At("type"))));
        if (validation && c.Has("enum", out var enumeration) && enumeration.ValueKind == JsonValueKind.Array) list.Add(new EnumKeyword(c.At("enum"), enumeration));
        if (validation && draft >= SchemaDraft.Draft6 && c.Has("const", out var constant)) list.Add(new ConstKeyword(c.At("const"), constant));

        if (validation)
        {
            AddNumberKeywords(c, draft, list);
            AddStringKeywords(c, list);
        }
        AddArrayKeywords(c, draft, list);
        AddObjectKeywords(c, draft, list);

        if (c.Has("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array) list.Add(new AllOfKeyword(c.At("allOf"), Subs(c, "allOf", allOf)));
        if (c.Has("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array) list.Add(new AnyOfKeyword(c.At("anyOf"), Subs(c, "anyOf", anyOf)));
        if (c.Has("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array) list.Add(new OneOfKeyword(c.At("oneOf"), Subs(c, "oneOf", oneOf)));
        if (c.Has("not", out _)) list.Add(new NotKeyword(c.At("not"), c.Sub("not")));
        if (draft >= SchemaDraft.Draft7 && c.Has("if", out _))
        {
            list.Add(new IfThenElseKeyword(c.At("if"), c.Sub("if"),
                c.Has("then", out _) ? c.Sub("then") : null,
                c.Has("else", out _) ? c.Sub("else") : null));
        }

        if (draft >= SchemaDraft.Draft201909)
        {
            // Last: they read the annotations of everything above.
            if (c.Has("unevaluatedItems", out _))
            {
                list.Add(new UnevaluatedItemsKeyword(c.At("unevaluatedItems"), c.Sub("unevaluatedItems")));
                collectsAnnotations = true;
            }
            if (c.Has("unevaluatedProperties", out _))
            {
                list.Add(new UnevaluatedPropertiesKeyword(c.At("unevaluatedProperties"), c.Sub("unevaluatedProperties")));
                collectsAnnotations = true;
            }
        }
        return list.ToArray();
    }

    private static string Absolute(string baseUri, string reference, string from)
    {
        try
        {
            var (absolute, fragment) = SchemaUri.Resolve(baseUri, reference);
            return fragment is null ? absolute : absolute + "#" + fragment;
        }
        catch (SchemaCompileException e)
        {
            throw new SchemaCompileException($"{e.Message} (at {from})");
        }
    }

    private static SchemaNode[] Subs(NodeContext c, string keyword, JsonElement array)
    {
        var result = new SchemaNode[array.GetArrayLength()];
        for (var i = 0; i < result.Length; i++) result[i] = c.Sub(keyword, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return result;
    }

    private static JsonTypes TypesOf(JsonElement type, string location)
    {
        var types = JsonTypes.None;
        if (type.ValueKind == JsonValueKind.String) return TypeOf(type.GetString()!, location);
        if (type.ValueKind != JsonValueKind.Array) throw new SchemaCompileException($"'type' at {location} must be a string or an array of strings.");
        foreach (var item in type.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new SchemaCompileException($"'type' at {location} must list type names.");
            types |= TypeOf(item.GetString()!, location);
        }
        return types;
    }

    private static JsonTypes TypeOf(string name, string location) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "string" => JsonTypes.String,
        "integer" => JsonTypes.Integer,
        _ => throw new SchemaCompileException($"'type' at {location} names an unknown type '{name}'."),
    };

    private static int Count(JsonElement value, string keyword, string location)
    {
        if (value.ValueKind == JsonValueKind.Number && JsonNumber.IsInteger(value) && value.TryGetDecimal(out var d) && d >= 0)
        {
            return d > int.MaxValue ? int.MaxValue : (int)d;
        }
        throw new SchemaCompileException($"'{keyword}' at {location} must be a non-negative integer.");
    }

    private static SchemaNumber Number(JsonElement value, string keyword, string location) =>
        value.ValueKind == JsonValueKind.Number ? SchemaNumber.From(value) : throw new SchemaCompileException($"'{keyword}' at {location} must be a number.");

    private static void AddNumberKeywords(NodeContext c, SchemaDraft draft, List<Keyword> list)
    {
        var legacyExclusive = draft == SchemaDraft.Draft4;
        if (c.Has("minimum", out var minimum))
        {
            var exclusive = legacyExclusive && c.Has("exclusiveMinimum", out var flag) && flag.ValueKind == JsonValueKind.True;
            list.Add(new BoundKeyword(exclusive ? "exclusiveMinimum" : "minimum", c.At("minimum"),
                exclusive ? BoundKind.ExclusiveMinimum : BoundKind.Minimum, Number(minimum, "minimum", c.Location)));
        }
        if (c.Has("maximum", out var maximum))
        {
            var exclusive = legacyExclusive && c.Has("exclusiveMaximum", out var flag) && flag.ValueKind == JsonValueKind.True;
            list.Add(new BoundKeyword(exclusive ? "exclusiveMaximum" : "maximum", c.At("maximum"),
                exclusive ? BoundKind.ExclusiveMaximum : BoundKind.Maximum, Number(maximum, "maximum", c.Location)));
        }
        if (!legacyExclusive)
        {
            if (c.Has("exclusiveMinimum", out var exclusiveMinimum) && exclusiveMinimum.ValueKind == JsonValueKind.Number)
            {
                list.Add(new BoundKeyword("exclusiveMinimum", c.At("exclusiveMinimum"), BoundKind.ExclusiveMinimum, SchemaNumber.From(exclusiveMinimum)));
            }
            if (c.Has("exclusiveMaximum", out var exclusiveMaximum) && exclusiveMaximum.ValueKind == JsonValueKind.Number)
            {
                list.Add(new BoundKeyword("exclusiveMaximum", c.At("exclusiveMaximum"), BoundKind.ExclusiveMaximum, SchemaNumber.From(exclusiveMaximum)));
            }
        }
        if (c.Has("multipleOf", out var multipleOf))
        {
            var divisor = Number(multipleOf, "multipleOf", c.Location);
            if (divisor.Double <= 0) throw new SchemaCompileException($"'multipleOf' at {c.Location} must be greater than 0.");
            list.Add(new MultipleOfKeyword(c.At("multipleOf"), divisor));
        }
    }

    private void AddStringKeywords(NodeContext c, List<Keyword> list)
    {
        if (c.Has("minLength", out var minLength)) list.Add(new LengthKeyword("minLength", c.At("minLength"), true, Count(minLength, "minLength", c.Location)));
        if (c.Has("maxLength", out var maxLength)) list.Add(new LengthKeyword("maxLength", c.At("maxLength"), false, Count(maxLength, "maxLength", c.Location)));
        if (c.Has("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
        {
            list.Add(new PatternKeyword(c.At("pattern"), Regex(pattern.GetString()!, c.At("pattern"))));
        }
        if (options.Formats == FormatMode.Assert && c.Has("format", out var format) && format.ValueKind == JsonValueKind.String &&
            Formats.Find(format.GetString()!) is { } check)
        {
            list.Add(new FormatKeyword(c.At("format"), format.GetString()!, check));
        }
    }

    private readonly Dictionary<string, SchemaRegex> regexes = new(StringComparer.Ordinal);

    private SchemaRegex Regex(string pattern, string location)
    {
        if (regexes.TryGetValue(pattern, out var regex)) return regex;
        try
        {
            regex = new SchemaRegex(pattern, options.RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new SchemaCompileException($"the pattern {ValueText.Quote(pattern)} at {location} is not a valid regular expression: {e.Message}", e);
        }
        regexes.Add(pattern, regex);
        return regex;
    }

    private static void AddArrayKeywords(NodeContext c, SchemaDraft draft, List<Keyword> list)
    {
        if (draft == SchemaDraft.Draft202012)
        {
            SchemaNode[]? prefix = c.Has("prefixItems", out var prefixItems) && prefixItems.ValueKind == JsonValueKind.Array
                ? Subs(c, "prefixItems", prefixItems)
                : null;
            var rest = c.Has("items", out _) ? c.Sub("items") : null;
            if (prefix is not null || rest is not null)
            {
                list.Add(new ItemsKeyword(prefix is not null ? "prefixItems" : "items", c.At(prefix is not null ? "prefixItems" : "items"),
                    prefix, rest, "items", c.At("items")));
            }
        }
        else if (c.Has("items", out var items))
        {
            if (items.ValueKind == JsonValueKind.Array)
            {
                var rest = c.Has("additionalItems", out _) ? c.Sub("additionalItems") : null;
                list.Add(new ItemsKeyword("items", c.At("items"), Subs(c, "items", items), rest, "additionalItems", c.At("additionalItems")));
            }
            else
            {
                list.Add(new ItemsKeyword("items", c.At("items"), null, c.Sub("items"), "items", c.At("items")));
            }
        }
        var validation = c.Resource.ValidationVocabulary;
        if (validation && c.Has("minItems", out var minItems)) list.Add(new ItemCountKeyword("minItems", c.At("minItems"), true, Count(minItems, "minItems", c.Location)));
        if (validation && c.Has("maxItems", out var maxItems)) list.Add(new ItemCountKeyword("maxItems", c.At("maxItems"), false, Count(maxItems, "maxItems", c.Location)));
        if (validation && c.Has("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True) list.Add(new UniqueItemsKeyword(c.At("uniqueItems")));
        if (draft >= SchemaDraft.Draft6 && c.Has("contains", out _))
        {
            var minimum = 1;
            int? maximum = null;
            if (draft >= SchemaDraft.Draft201909)
            {
                if (c.Has("minContains", out var minContains)) minimum = Count(minContains, "minContains", c.Location);
                if (c.Has("maxContains", out var maxContains)) maximum = Count(maxContains, "maxContains", c.Location);
            }
            list.Add(new ContainsKeyword(c.At("contains"), c.Sub("contains"), minimum, maximum, draft == SchemaDraft.Draft202012));
        }
    }

    private void AddObjectKeywords(NodeContext c, SchemaDraft draft, List<Keyword> list)
    {
        var hasProperties = c.Has("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        var hasPatterns = c.Has("patternProperties", out var patternProperties) && patternProperties.ValueKind == JsonValueKind.Object;
        var hasAdditional = c.Has("additionalProperties", out _);
        if (hasProperties || hasPatterns || hasAdditional)
        {
            Utf8NameTable? names = null;
            var schemas = new List<SchemaNode>();
            if (hasProperties)
            {
                var keys = new List<string>();
                foreach (var property in properties.EnumerateObject())
                {
                    keys.Add(property.Name);
                    schemas.Add(c.Sub("properties", property.Name));
                }
                names = new Utf8NameTable(keys);
            }
            var regexList = new List<SchemaRegex>();
            var patternSchemas = new List<SchemaNode>();
            if (hasPatterns)
            {
                foreach (var property in patternProperties.EnumerateObject())
                {
                    regexList.Add(Regex(property.Name, c.At("patternProperties")));
                    patternSchemas.Add(c.Sub("patternProperties", property.Name));
                }
            }
            var name = hasProperties ? "properties" : hasPatterns ? "patternProperties" : "additionalProperties";
            list.Add(new PropertiesKeyword(name, c.At(name), names, schemas.ToArray(), regexList.ToArray(), patternSchemas.ToArray(),
                hasAdditional ? c.Sub("additionalProperties") : null, c.At("additionalProperties")));
        }
        var validation = c.Resource.ValidationVocabulary;
        if (validation && c.Has("required", out var required) && required.ValueKind == JsonValueKind.Array && required.GetArrayLength() > 0)
        {
            list.Add(new RequiredKeyword(c.At("required"), Strings(required, "required", c.Location)));
        }
        if (validation && c.Has("minProperties", out var minProperties)) list.Add(new PropertyCountKeyword("minProperties", c.At("minProperties"), true, Count(minProperties, "minProperties", c.Location)));
        if (validation && c.Has("maxProperties", out var maxProperties)) list.Add(new PropertyCountKeyword("maxProperties", c.At("maxProperties"), false, Count(maxProperties, "maxProperties", c.Location)));
        if (draft >= SchemaDraft.Draft6 && c.Has("propertyNames", out _)) list.Add(new PropertyNamesKeyword(c.At("propertyNames"), c.Sub("propertyNames")));

        if (draft <= SchemaDraft.Draft7 && c.Has("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
        {
            AddDependencies(c, "dependencies", dependencies, list, allowSchemas: true, allowArrays: true);
        }
        if (draft >= SchemaDraft.Draft201909)
        {
            if (validation && c.Has("dependentRequired", out var dependentRequired) && dependentRequired.ValueKind == JsonValueKind.Object)
            {
                AddDependencies(c, "dependentRequired", dependentRequired, list, allowSchemas: false, allowArrays: true);
            }
            if (c.Has("dependentSchemas", out var dependentSchemas) && dependentSchemas.ValueKind == JsonValueKind.Object)
            {
                AddDependencies(c, "dependentSchemas", dependentSchemas, list, allowSchemas: true, allowArrays: false);
            }
        }
    }

    private static void AddDependencies(NodeContext c, string keyword, JsonElement map, List<Keyword> list, bool allowSchemas, bool allowArrays)
    {
        var schemaNames = new List<string>();
        var schemas = new List<SchemaNode>();
        var requiredNames = new List<string>();
        var required = new List<string[]>();
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Array && allowArrays)
            {
                requiredNames.Add(entry.Name);
                required.Add(Strings(entry.Value, keyword, c.Location));
            }
            else if (allowSchemas)
            {
                schemaNames.Add(entry.Name);
                schemas.Add(c.Sub(keyword, entry.Name));
            }
        }
        if (requiredNames.Count > 0) list.Add(new DependentRequiredKeyword(keyword, c.At(keyword), requiredNames.ToArray(), required.ToArray()));
        if (schemas.Count > 0) list.Add(new DependentSchemasKeyword(keyword, c.At(keyword), schemaNames.ToArray(), schemas.ToArray()));
    }

    private static string[] Strings(JsonElement array, string keyword, string location)
    {
        var result = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new SchemaCompileException($"'{keyword}' at {location} must list strings.");
            result[i++] = item.GetString()!;
        }
        return result;
    }
}
