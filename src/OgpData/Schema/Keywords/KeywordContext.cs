using OgpData.Json;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary>Compiles the keywords one keyword file owns from the schema object in the context.</summary>
internal delegate void KeywordCompile(KeywordContext c);

/// <summary>
/// What a keyword's compile step sees of one schema object: its members (only those the schema's draft
/// and vocabularies have), its location, its subschemas as nodes, and the index to resolve references.
/// Compile time only: evaluation never sees it.
/// </summary>
internal sealed class KeywordContext(SchemaCompiler compiler, SchemaIndex index, JsonElement element, SchemaPlace place, SchemaResource resource, string location)
{
    private readonly List<Keyword> _keywords = [];

    public SchemaOptions Options => compiler.Options;

    public SchemaIndex Index { get; } = index;

    public SchemaResource Resource { get; } = resource;

    /// <summary>The draft of the schema's resource, read once when the node is compiled.</summary>
    public SchemaDraft Draft { get; } = resource.Draft;

    /// <summary>The node's location: absolute URI of the resource plus the pointer.</summary>
    public string Location { get; } = location;

    /// <summary>True when a keyword reads the annotations of the others (unevaluated*).</summary>
    public bool CollectsAnnotations { get; set; }

    /// <summary>True when a keyword hides every later one (<c>$ref</c> before 2019-09).</summary>
    public bool Stopped { get; private set; }

    /// <summary>
    /// The keyword's value when the object has it and the draft (and vocabularies) know it; a keyword the
    /// draft does not have is just an unknown member.
    /// </summary>
    public bool Has(string keyword, out JsonElement value)
    {
        if (!DraftVocabulary.Has(Draft, keyword, Resource.ValidationVocabulary))
        {
            value = default;
            return false;
        }
        return element.TryGetProperty(keyword, out value);
    }

    public bool Has(string keyword) => Has(keyword, out _);

    public void Add(Keyword keyword) => _keywords.Add(keyword);

    public void Stop() => Stopped = true;

    public Keyword[] ToArray() => _keywords.ToArray();

    /// <summary>The location of a keyword of this object.</summary>
    public string At(string keyword) => Location + "/" + JsonPointerText.Escape(keyword);

    /// <summary>The node of a subschema under this object.</summary>
    public SchemaNode Sub(params string[] path)
    {
        var pointer = place.Pointer;
        foreach (var token in path) pointer += "/" + JsonPointerText.Escape(token);
        return Index.NodeAt(new SchemaPlace(place.Document, pointer));
    }

    /// <summary>The nodes of an array of subschemas.</summary>
    public SchemaNode[] Subs(string keyword, JsonElement array)
    {
        var result = new SchemaNode[array.GetArrayLength()];
        for (var i = 0; i < result.Length; i++) result[i] = Sub(keyword, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return result;
    }

    /// <summary>A reference resolved against this resource's base URI, with its fragment.</summary>
    public string Absolute(string reference, string from)
    {
        try
        {
            var (absolute, fragment) = SchemaUri.Resolve(Resource.BaseUri, reference);
            return fragment is null ? absolute : absolute + "#" + fragment;
        }
        catch (SchemaCompileException e)
        {
            throw new SchemaCompileException($"{e.Message} (at {from})");
        }
    }

    /// <summary>A regex compiled once per pattern text for the whole compilation.</summary>
    public SchemaRegex Regex(string pattern, string at) => compiler.Regex(pattern, at);

    /// <summary>A non-negative integer keyword value (minLength, maxItems, ...).</summary>
    public int Count(JsonElement value, string keyword)
    {
        if (value.ValueKind == JsonValueKind.Number && JsonNumber.IsInteger(value) && value.TryGetDecimal(out var d) && d >= 0)
        {
            return d > int.MaxValue ? int.MaxValue : (int)d;
        }
        throw new SchemaCompileException($"'{keyword}' at {Location} must be a non-negative integer.");
    }

    public SchemaNumber Number(JsonElement value, string keyword) =>
        value.ValueKind == JsonValueKind.Number ? SchemaNumber.From(value) : throw new SchemaCompileException($"'{keyword}' at {Location} must be a number.");

    public string[] Strings(JsonElement array, string keyword)
    {
        var result = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new SchemaCompileException($"'{keyword}' at {Location} must list strings.");
            result[i++] = item.GetString()!;
        }
        return result;
    }
}
