using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A record package: publishing metadata and one or more records.</summary>
public sealed record RecordPackage : ExtensibleObject
{
    /// <summary>The URI of this package that identifies it uniquely.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }

    /// <summary>The OCDS schema version, major.minor (<c>1.1</c>).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>URLs of the <c>extension.json</c> files of the OCDS extensions used.</summary>
    [JsonPropertyName("extensions")]
    public ImmutableArray<string>? Extensions { get; init; }

    /// <summary>Who published the package.</summary>
    [JsonPropertyName("publisher")]
    public Publisher? Publisher { get; init; }

    /// <summary>The license of the data.</summary>
    [JsonPropertyName("license")]
    public string? License { get; init; }

    /// <summary>A link to the publisher's publication policy.</summary>
    [JsonPropertyName("publicationPolicy")]
    public string? PublicationPolicy { get; init; }

    /// <summary>When the package was published (date-time text, kept as written).</summary>
    [JsonPropertyName("publishedDate")]
    public string? PublishedDate { get; init; }

    /// <summary>URIs of the release packages used to build these records.</summary>
    [JsonPropertyName("packages")]
    public ImmutableArray<string>? Packages { get; init; }

    /// <summary>The records.</summary>
    [JsonPropertyName("records")]
    public ImmutableArray<Record>? Records { get; init; }
}
