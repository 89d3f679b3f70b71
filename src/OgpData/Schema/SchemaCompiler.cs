using OgpData.Json;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary>
/// Turns schema documents into a graph of <see cref="SchemaNode"/>s, once: walks every node the
/// <see cref="SchemaIndex"/> hands out and asks each keyword (one file each, under <c>Keywords/</c>) to
/// compile itself from the schema object. Nothing is left to do per instance.
/// </summary>
internal sealed class SchemaCompiler
{
    private static int anonymousCount;

    /// <summary>
    /// Every keyword's compile step, in evaluation order: references first (before 2019-09 a <c>$ref</c>
    /// hides the rest), cheap assertions next, applicators after, and the unevaluated* keywords last since
    /// they read the annotations of everything above. A keyword the schema's draft lacks adds nothing.
    /// </summary>
    private static readonly KeywordCompile[] Keywords =
    [
        RefKeyword.Compile,
        DynamicRefKeyword.Compile,
        RecursiveRefKeyword.Compile,
        TypeKeyword.Compile,
        EnumKeyword.Compile,
        ConstKeyword.Compile,
        BoundKeyword.Compile,
        MultipleOfKeyword.Compile,
        LengthKeyword.Compile,
        PatternKeyword.Compile,
        FormatKeyword.Compile,
        ItemsKeyword.Compile,
        ItemCountKeyword.Compile,
        UniqueItemsKeyword.Compile,
        ContainsKeyword.Compile,
        PropertiesKeyword.Compile,
        RequiredKeyword.Compile,
        PropertyCountKeyword.Compile,
        PropertyNamesKeyword.Compile,
        DependentSchemasKeyword.Compile,
        AllOfKeyword.Compile,
        AnyOfKeyword.Compile,
        OneOfKeyword.Compile,
        NotKeyword.Compile,
        IfThenElseKeyword.Compile,
        UnevaluatedItemsKeyword.Compile,
        UnevaluatedPropertiesKeyword.Compile,
    ];

    private readonly SchemaIndex _index;
    private readonly Dictionary<string, SchemaRegex> _regexes = new(StringComparer.Ordinal);

    public SchemaCompiler(SchemaOptions options)
    {
        Options = options;
        _index = new SchemaIndex(options);
    }

    public SchemaOptions Options { get; }

    public SchemaNode Compile(JsonElement schema, string? uri)
    {
        var baseUri = uri is null
            ? SchemaUri.AnonymousPrefix + Interlocked.Increment(ref anonymousCount)
            : SchemaUri.Normalize(SchemaUri.Split(uri).Absolute);
        var document = _index.Load(schema, baseUri, Options.DefaultDraft);
        var root = _index.NodeAt(new SchemaPlace(document, ""));
        Drain();
        return root;
    }

    /// <summary>Compiles the node a URI names (for <see cref="SchemaRegistry.Compile(Uri, SchemaOptions?)"/>).</summary>
    public SchemaNode CompileUri(string uri)
    {
        var node = _index.Resolve(uri, "(requested)");
        Drain();
        return node;
    }

    private void Drain()
    {
        while (_index.TryTakePending(out var node, out var place)) Fill(node, place);
    }

    private void Fill(SchemaNode node, SchemaPlace place)
    {
        if (!JsonPointerText.TryNavigate(place.Document.Root, place.Pointer, out var element)) throw SchemaIndex.NothingAt(place);
        var resource = _index.ResourceOf(place);
        node.Resource = resource;
        var local = place.Pointer.Substring(resource.DocumentPointer.Length);
        node.Location = SchemaUri.Display(resource.BaseUri, local);
        if (local.Length == 0) resource.RootNode ??= node;
        if (resource.DynamicAnchorPointers is not null && resource.DynamicAnchors is null)
        {
            resource.DynamicAnchors = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
            foreach (var (name, pointer) in resource.DynamicAnchorPointers)
            {
                resource.DynamicAnchors[name] = _index.NodeAt(new SchemaPlace(resource.Document, pointer));
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

        var context = new KeywordContext(this, _index, element, place, resource, node.Location);
        foreach (var compile in Keywords)
        {
            compile(context);
            if (context.Stopped) break;
        }
        node.Keywords = context.ToArray();
        node.CollectsAnnotations = context.CollectsAnnotations;
    }

    /// <summary>A regex compiled once per pattern text for the whole compilation.</summary>
    public SchemaRegex Regex(string pattern, string location)
    {
        if (_regexes.TryGetValue(pattern, out var regex)) return regex;
        try
        {
            regex = new SchemaRegex(pattern, Options.RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new SchemaCompileException($"the pattern {ValueText.Quote(pattern)} at {location} is not a valid regular expression: {e.Message}", e);
        }
        _regexes.Add(pattern, regex);
        return regex;
    }
}
