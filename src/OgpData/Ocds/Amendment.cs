using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>An amendment: a formal change to a tender, award or contract.</summary>
public sealed record Amendment : ExtensibleObject
{
    /// <summary>When the amendment was made (date-time text).</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>Why the amendment was made.</summary>
    [JsonPropertyName("rationale")]
    public string? Rationale { get; init; }

    /// <summary>The amendment identifier.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>A description of the changes.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The release the amendment changes.</summary>
    [JsonPropertyName("amendsReleaseID")]
    public string? AmendsReleaseId { get; init; }

    /// <summary>The release with the amended values.</summary>
    [JsonPropertyName("releaseID")]
    public string? ReleaseId { get; init; }

    /// <summary>The fields changed and their former values (deprecated in 1.1).</summary>
    [JsonPropertyName("changes")]
    public ImmutableArray<Change>? Changes { get; init; }
}
