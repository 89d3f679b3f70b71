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
