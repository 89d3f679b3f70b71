using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A link to a related contracting or planning process.</summary>
public sealed record RelatedProcess : ExtensibleObject
{
    /// <summary>A local identifier for the relation.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>The kind of relation (relatedProcess codelist).</summary>
    [JsonPropertyName("relationship")]
    public ImmutableArray<string>? Relationship { get; init; }

    /// <summary>The title of the related process.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The scheme of <see cref="Identifier"/> (<c>ocid</c>, ...).</summary>
    [JsonPropertyName("scheme")]
    public string? Scheme { get; init; }

    /// <summary>The identifier of the related process.</summary>
    [JsonPropertyName("identifier")]
    public string? Identifier { get; init; }

    /// <summary>A URI for the related process.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }
}
