using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A document linked from a release.</summary>
public sealed record Document : ExtensibleObject
{
    /// <summary>The document identifier.</summary>
    public OcdsId? Id { get; init; }

    /// <summary>The document type (documentType codelist).</summary>
    public string? DocumentType { get; init; }

    /// <summary>The document title.</summary>
    public string? Title { get; init; }

    /// <summary>A description of the document.</summary>
    public string? Description { get; init; }

    /// <summary>Where the document can be found.</summary>
    public string? Url { get; init; }

    /// <summary>When the document was published (date-time text).</summary>
    public string? DatePublished { get; init; }

    /// <summary>When the document was last modified (date-time text).</summary>
    public string? DateModified { get; init; }

    /// <summary>The media type of the document.</summary>
    public string? Format { get; init; }

    /// <summary>The language of the document.</summary>
    public string? Language { get; init; }
}
