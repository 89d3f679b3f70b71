using System.Collections.Immutable;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>An award: the decision of the buyer to contract with one or more suppliers.</summary>
public sealed record Award : ExtensibleObject
{
    /// <summary>The award identifier, unique within the release.</summary>
    public OcdsId? Id { get; init; }

    /// <summary>The award title.</summary>
    public string? Title { get; init; }

    /// <summary>The award description.</summary>
    public string? Description { get; init; }

    /// <summary>The award status (awardStatus codelist).</summary>
    public string? Status { get; init; }

    /// <summary>When the award was made (date-time text).</summary>
    public string? Date { get; init; }

    /// <summary>The total value of the award.</summary>
    public Value? Value { get; init; }

    /// <summary>The suppliers awarded.</summary>
    public ImmutableArray<OrganizationReference>? Suppliers { get; init; }

    /// <summary>The goods and services awarded.</summary>
    public ImmutableArray<Item>? Items { get; init; }

    /// <summary>The period for the contract(s) awarded.</summary>
    public Period? ContractPeriod { get; init; }

    /// <summary>Award documents.</summary>
    public ImmutableArray<Document>? Documents { get; init; }

    /// <summary>Amendments to the award.</summary>
    public ImmutableArray<Amendment>? Amendments { get; init; }

    /// <summary>A single amendment (deprecated in 1.1).</summary>
    public Amendment? Amendment { get; init; }
}
