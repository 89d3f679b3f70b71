using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A milestone of a contracting process (OCDS, not an OGP milestone).</summary>
public sealed record Milestone : ExtensibleObject
{
    /// <summary>The milestone identifier.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>The milestone title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The milestone type (milestoneType codelist).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The milestone description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>A local code for the milestone.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>When the milestone is due (date-time text).</summary>
    [JsonPropertyName("dueDate")]
    public string? DueDate { get; init; }

    /// <summary>When the milestone was met (date-time text).</summary>
    [JsonPropertyName("dateMet")]
    public string? DateMet { get; init; }

    /// <summary>When the milestone was last reviewed (date-time text).</summary>
    [JsonPropertyName("dateModified")]
    public string? DateModified { get; init; }

    /// <summary>The milestone status (milestoneStatus codelist).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Documents of the milestone.</summary>
    [JsonPropertyName("documents")]
    public ImmutableArray<Document>? Documents { get; init; }
}
