namespace OgpData.Schema;

/// <summary>The JSON Schema drafts the engine understands; a schema names its own with <c>$schema</c>.</summary>
public enum SchemaDraft
{
    /// <summary>Draft 4 (<c>http://json-schema.org/draft-04/schema#</c>), used by OCDS 1.1.</summary>
    Draft4 = 4,
    /// <summary>Draft 6 (<c>http://json-schema.org/draft-06/schema#</c>).</summary>
    Draft6 = 6,
    /// <summary>Draft 7 (<c>http://json-schema.org/draft-07/schema#</c>).</summary>
    Draft7 = 7,
    /// <summary>Draft 2019-09 (<c>https://json-schema.org/draft/2019-09/schema</c>).</summary>
    Draft201909 = 2019,
    /// <summary>Draft 2020-12 (<c>https://json-schema.org/draft/2020-12/schema</c>).</summary>
    Draft202012 = 2020,
}

/// <summary>Whether <c>format</c> fails a value or only describes it.</summary>
public enum FormatMode
{
    /// <summary>A value that does not match a known format is an error (OCDS relies on this for dates and URIs).</summary>
    Assert,
    /// <summary><c>format</c> is an annotation only and never fails validation.</summary>
    Annotate,
}

/// <summary>Names and recognises the <c>$schema</c> URIs of each draft.</summary>
public static class SchemaDrafts
{
    /// <summary>The draft a <c>$schema</c> URI names, or null when the URI is not a known meta-schema.</summary>
    public static SchemaDraft? FromMetaSchemaUri(string? uri)
    {
        if (string.IsNullOrEmpty(uri)) return null;
        var text = uri!.TrimEnd('#');
        if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) text = "http://" + text.Substring(8);
        return text switch
        {
            "http://json-schema.org/draft-04/schema" or "http://json-schema.org/schema" => SchemaDraft.Draft4,
            "http://json-schema.org/draft-06/schema" => SchemaDraft.Draft6,
            "http://json-schema.org/draft-07/schema" => SchemaDraft.Draft7,
            "http://json-schema.org/draft/2019-09/schema" => SchemaDraft.Draft201909,
            "http://json-schema.org/draft/2020-12/schema" => SchemaDraft.Draft202012,
            _ => null,
        };
    }
}

/// <summary>
/// Drafts as data: the keywords each draft has, in one table, so a keyword's compile step asks "does this
/// draft have me?" instead of comparing draft numbers. Where a keyword means something different in one
/// draft (draft 4's boolean <c>exclusiveMaximum</c>, 2020-12's <c>items</c>), that difference stays in the
/// keyword's own file.
/// </summary>
internal static class DraftVocabulary
{
    private static readonly string[] Draft4Keywords =
    [
        "id", "$ref",
        "type", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "format",
        "items", "additionalItems", "minItems", "maxItems", "uniqueItems",
        "properties", "patternProperties", "additionalProperties", "required", "minProperties", "maxProperties", "dependencies",
        "allOf", "anyOf", "oneOf", "not",
    ];

    private static readonly HashSet<string> Draft4 = new(Draft4Keywords, StringComparer.Ordinal);
    private static readonly HashSet<string> Draft6 = Change(Draft4, add: ["$id", "const", "contains", "propertyNames"], remove: ["id"]);
    private static readonly HashSet<string> Draft7 = Change(Draft6, add: ["if", "then", "else"], remove: []);
    private static readonly HashSet<string> Draft201909 = Change(Draft7,
        add: ["$anchor", "$recursiveRef", "$recursiveAnchor", "minContains", "maxContains", "dependentRequired", "dependentSchemas",
            "unevaluatedItems", "unevaluatedProperties"],
        remove: ["dependencies"]);
    private static readonly HashSet<string> Draft202012 = Change(Draft201909,
        add: ["$dynamicRef", "$dynamicAnchor", "prefixItems"],
        remove: ["$recursiveRef", "$recursiveAnchor", "additionalItems"]);

    /// <summary>
    /// The keywords a custom meta-schema drops when its <c>$vocabulary</c> leaves out the validation
    /// vocabulary (with <c>format</c>, which this engine has always counted with them).
    /// </summary>
    private static readonly HashSet<string> Validation = new(
    [
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "format", "minItems", "maxItems", "uniqueItems",
        "required", "minProperties", "maxProperties", "dependentRequired",
    ], StringComparer.Ordinal);

    /// <summary>True when schemas of the draft have the keyword (and, for a validation keyword, the vocabulary is on).</summary>
    public static bool Has(SchemaDraft draft, string keyword, bool validationVocabulary = true) =>
        KeywordsOf(draft).Contains(keyword) && (validationVocabulary || !Validation.Contains(keyword));

    /// <summary>The keyword that gives a schema its id: <c>id</c> in draft 4, <c>$id</c> after.</summary>
    public static string IdKeyword(SchemaDraft draft) => Has(draft, "id") ? "id" : "$id";

    /// <summary>Before 2019-09, <c>$ref</c> makes every sibling keyword (including the id) be ignored.</summary>
    public static bool RefHidesSiblings(SchemaDraft draft) => draft <= SchemaDraft.Draft7;

    /// <summary>Before 2019-09 (which has <c>$anchor</c>), an id's plain-name fragment (<c>"#foo"</c>) is the anchor.</summary>
    public static bool IdFragmentIsAnchor(SchemaDraft draft) => !Has(draft, "$anchor");

    private static HashSet<string> KeywordsOf(SchemaDraft draft) => draft switch
    {
        SchemaDraft.Draft4 => Draft4,
        SchemaDraft.Draft6 => Draft6,
        SchemaDraft.Draft7 => Draft7,
        SchemaDraft.Draft201909 => Draft201909,
        _ => Draft202012,
    };

    private static HashSet<string> Change(HashSet<string> from, string[] add, string[] remove)
    {
        var result = new HashSet<string>(from, StringComparer.Ordinal);
        result.UnionWith(add);
        result.ExceptWith(remove);
        return result;
    }
}
