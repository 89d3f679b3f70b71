using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>An OGP commitment package: one or more national action plans with their commitments, packaged OCDS-style.</summary>
public sealed record CommitmentPackage : ExtensibleObject
{
    /// <summary>The version of the commitment package format (<c>1.0</c>). Required.</summary>
    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>The URI that identifies this package.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }

    /// <summary>When the package was published (date-time text, kept as written).</summary>
    [JsonPropertyName("publishedDate")]
    public string? PublishedDate { get; init; }

    /// <summary>Who published the package.</summary>
    [JsonPropertyName("publisher")]
    public Publisher? Publisher { get; init; }

    /// <summary>The license of the data.</summary>
    [JsonPropertyName("license")]
    public string? License { get; init; }

    /// <summary>The action plans (the schema requires at least one).</summary>
    [JsonPropertyName("actionPlans")]
    public ImmutableArray<ActionPlan>? ActionPlans { get; init; }
}
