using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>A milestone of a commitment: an activity with a verifiable deliverable ("jalon d'activité avec un livrable vérifiable").</summary>
public sealed record Milestone : ExtensibleObject
{
    /// <summary>The milestone identifier, unique within its commitment (<c>LU0001-1</c>). Required.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>What will be done: the text judged for measurability. Required.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>The verifiable output, when stated separately.</summary>
    [JsonPropertyName("deliverable")]
    public string? Deliverable { get; init; }

    /// <summary>When the milestone runs.</summary>
    [JsonPropertyName("period")]
    public Period? Period { get; init; }

    /// <summary>The progress status, a code of <see cref="OgpCodes.Status"/>; an unknown code is kept as written.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The status as printed in the source (<c>Susbtantiel voire complet</c>).</summary>
    [JsonPropertyName("statusText")]
    public string? StatusText { get; init; }
}
