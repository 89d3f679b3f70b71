using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A document linked from a release.</summary>
public sealed record Document : ExtensibleObject
{
    /// <summary>The document identifier.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>The document type (documentType codelist).</summary>
    [JsonPropertyName("documentType")]
    public string? DocumentType { get; init; }

    /// <summary>The document title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>A description of the document.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Where the document can be found.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>When the document was published (date-time text).</summary>
    [JsonPropertyName("datePublished")]
    public string? DatePublished { get; init; }

    /// <summary>When the document was last modified (date-time text).</summary>
    [JsonPropertyName("dateModified")]
    public string? DateModified { get; init; }

    /// <summary>The media type of the document.</summary>
    [JsonPropertyName("format")]
    public string? Format { get; init; }

    /// <summary>The language of the document.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }
}
