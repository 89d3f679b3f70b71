using System.Collections.Immutable;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>The activities undertaken to enter into a contract.</summary>
public sealed record Tender : ExtensibleObject
{
    /// <summary>An identifier for the tender.</summary>
    public OcdsId? Id { get; init; }

    /// <summary>The tender title.</summary>
    public string? Title { get; init; }

    /// <summary>The tender description.</summary>
    public string? Description { get; init; }

    /// <summary>The tender status (tenderStatus codelist).</summary>
    public string? Status { get; init; }

    /// <summary>The entity managing the procurement.</summary>
    public OrganizationReference? ProcuringEntity { get; init; }

    /// <summary>The goods and services to be bought.</summary>
    public ImmutableArray<Item>? Items { get; init; }

    /// <summary>The total upper estimated value.</summary>
    public Value? Value { get; init; }

    /// <summary>The minimum estimated value.</summary>
    public Value? MinValue { get; init; }

    /// <summary>The procurement method (method codelist).</summary>
    public string? ProcurementMethod { get; init; }

    /// <summary>Details of the procurement method.</summary>
    public string? ProcurementMethodDetails { get; init; }

    /// <summary>Why this procurement method was used.</summary>
    public string? ProcurementMethodRationale { get; init; }

    /// <summary>The main category (procurementCategory codelist).</summary>
    public string? MainProcurementCategory { get; init; }

    /// <summary>Additional categories (extendedProcurementCategory codelist).</summary>
    public ImmutableArray<string>? AdditionalProcurementCategories { get; init; }

    /// <summary>The award criteria (awardCriteria codelist).</summary>
    public string? AwardCriteria { get; init; }

    /// <summary>Details of the award criteria.</summary>
    public string? AwardCriteriaDetails { get; init; }

    /// <summary>How bids may be submitted (submissionMethod codelist).</summary>
    public ImmutableArray<string>? SubmissionMethod { get; init; }

    /// <summary>Details of the submission method.</summary>
    public string? SubmissionMethodDetails { get; init; }

    /// <summary>The period when the tender is open for submissions.</summary>
    public Period? TenderPeriod { get; init; }

    /// <summary>The period during which enquiries may be made.</summary>
    public Period? EnquiryPeriod { get; init; }

    /// <summary>Whether any enquiries were received.</summary>
    public bool? HasEnquiries { get; init; }

    /// <summary>Who is eligible to bid.</summary>
    public string? EligibilityCriteria { get; init; }

    /// <summary>The period for decision making on the award.</summary>
    public Period? AwardPeriod { get; init; }

    /// <summary>The period over which the contract is expected to be active.</summary>
    public Period? ContractPeriod { get; init; }

    /// <summary>The number of parties who bid (an integer in the schema; kept as written).</summary>
    public JsonNumber? NumberOfTenderers { get; init; }

    /// <summary>The parties who bid.</summary>
    public ImmutableArray<OrganizationReference>? Tenderers { get; init; }

    /// <summary>Tender documents.</summary>
    public ImmutableArray<Document>? Documents { get; init; }

    /// <summary>Tender milestones.</summary>
    public ImmutableArray<Milestone>? Milestones { get; init; }

    /// <summary>Amendments to the tender.</summary>
    public ImmutableArray<Amendment>? Amendments { get; init; }

    /// <summary>A single amendment (deprecated in 1.1 in favour of <see cref="Amendments"/>).</summary>
    public Amendment? Amendment { get; init; }
}
