using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A release: information about one contracting process at one point in time.</summary>
public record Release : ExtensibleObject
{
    /// <summary>The Open Contracting ID of the process.</summary>
    [JsonPropertyName("ocid")]
    public string? Ocid { get; init; }

    /// <summary>The release identifier, unique within the process.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>When the release was published (date-time text, kept as written).</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>Release tags from the releaseTag codelist (<c>tender</c>, <c>award</c>, ...).</summary>
    [JsonPropertyName("tag")]
    public ImmutableArray<string>? Tag { get; init; }

    /// <summary>How the process was started (<c>tender</c>).</summary>
    [JsonPropertyName("initiationType")]
    public string? InitiationType { get; init; }

    /// <summary>Every organization involved, with its roles.</summary>
    [JsonPropertyName("parties")]
    public ImmutableArray<Organization>? Parties { get; init; }

    /// <summary>The buyer, a reference to an entry of <see cref="Parties"/>.</summary>
    [JsonPropertyName("buyer")]
    public OrganizationReference? Buyer { get; init; }

    /// <summary>The planning stage.</summary>
    [JsonPropertyName("planning")]
    public Planning? Planning { get; init; }

    /// <summary>The tender stage.</summary>
    [JsonPropertyName("tender")]
    public Tender? Tender { get; init; }

    /// <summary>The awards.</summary>
    [JsonPropertyName("awards")]
    public ImmutableArray<Award>? Awards { get; init; }

    /// <summary>The contracts.</summary>
    [JsonPropertyName("contracts")]
    public ImmutableArray<Contract>? Contracts { get; init; }

    /// <summary>The default language of the release (BCP47 / ISO 639-1).</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>Processes this one relates to.</summary>
    [JsonPropertyName("relatedProcesses")]
    public ImmutableArray<RelatedProcess>? RelatedProcesses { get; init; }
}
