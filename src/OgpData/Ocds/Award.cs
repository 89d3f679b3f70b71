using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>An award: the decision of the buyer to contract with one or more suppliers.</summary>
public sealed record Award : ExtensibleObject
{
    /// <summary>The award identifier, unique within the release.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>The award title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The award description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The award status (awardStatus codelist).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>When the award was made (date-time text).</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>The total value of the award.</summary>
    [JsonPropertyName("value")]
    public Value? Value { get; init; }

    /// <summary>The suppliers awarded.</summary>
    [JsonPropertyName("suppliers")]
    public ImmutableArray<OrganizationReference>? Suppliers { get; init; }

    /// <summary>The goods and services awarded.</summary>
    [JsonPropertyName("items")]
    public ImmutableArray<Item>? Items { get; init; }

    /// <summary>The period for the contract(s) awarded.</summary>
    [JsonPropertyName("contractPeriod")]
    public Period? ContractPeriod { get; init; }

    /// <summary>Award documents.</summary>
    [JsonPropertyName("documents")]
    public ImmutableArray<Document>? Documents { get; init; }

    /// <summary>Amendments to the award.</summary>
    [JsonPropertyName("amendments")]
    public ImmutableArray<Amendment>? Amendments { get; init; }

    /// <summary>A single amendment (deprecated in 1.1).</summary>
    [JsonPropertyName("amendment")]
    public Amendment? Amendment { get; init; }
}
