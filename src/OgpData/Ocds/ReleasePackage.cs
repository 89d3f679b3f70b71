using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A release package: publishing metadata and one or more releases.</summary>
public sealed record ReleasePackage : ExtensibleObject
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

    /// <summary>When the package was published (date-time text, kept as written).</summary>
    [JsonPropertyName("publishedDate")]
    public string? PublishedDate { get; init; }

    /// <summary>The releases.</summary>
    [JsonPropertyName("releases")]
    public ImmutableArray<Release>? Releases { get; init; }

    /// <summary>Who published the package.</summary>
    [JsonPropertyName("publisher")]
    public Publisher? Publisher { get; init; }

    /// <summary>The license of the data.</summary>
    [JsonPropertyName("license")]
    public string? License { get; init; }

    /// <summary>A link to the publisher's publication policy.</summary>
    [JsonPropertyName("publicationPolicy")]
    public string? PublicationPolicy { get; init; }
}
