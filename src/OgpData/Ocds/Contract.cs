using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A contract: the obligations entered into, signed or not.</summary>
public sealed record Contract : ExtensibleObject
{
    /// <summary>The contract identifier, unique within the release.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>The <see cref="Award.Id"/> of the award this contract comes from.</summary>
    [JsonPropertyName("awardID")]
    public OcdsId? AwardId { get; init; }

    /// <summary>The contract title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The contract description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The contract status (contractStatus codelist).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The start and end of the contract.</summary>
    [JsonPropertyName("period")]
    public Period? Period { get; init; }

    /// <summary>The total value of the contract.</summary>
    [JsonPropertyName("value")]
    public Value? Value { get; init; }

    /// <summary>The goods and services contracted.</summary>
    [JsonPropertyName("items")]
    public ImmutableArray<Item>? Items { get; init; }

    /// <summary>When the contract was signed (date-time text).</summary>
    [JsonPropertyName("dateSigned")]
    public string? DateSigned { get; init; }

    /// <summary>Contract documents.</summary>
    [JsonPropertyName("documents")]
    public ImmutableArray<Document>? Documents { get; init; }

    /// <summary>Information on the implementation of the contract.</summary>
    [JsonPropertyName("implementation")]
    public Implementation? Implementation { get; init; }

    /// <summary>Processes related to this contract.</summary>
    [JsonPropertyName("relatedProcesses")]
    public ImmutableArray<RelatedProcess>? RelatedProcesses { get; init; }

    /// <summary>Contract milestones.</summary>
    [JsonPropertyName("milestones")]
    public ImmutableArray<Milestone>? Milestones { get; init; }

    /// <summary>Amendments to the contract.</summary>
    [JsonPropertyName("amendments")]
    public ImmutableArray<Amendment>? Amendments { get; init; }

    /// <summary>A single amendment (deprecated in 1.1).</summary>
    [JsonPropertyName("amendment")]
    public Amendment? Amendment { get; init; }
}
