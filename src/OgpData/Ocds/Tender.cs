using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>The activities undertaken to enter into a contract.</summary>
public sealed record Tender : ExtensibleObject
{
    /// <summary>An identifier for the tender.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>The tender title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The tender description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The tender status (tenderStatus codelist).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The entity managing the procurement.</summary>
    [JsonPropertyName("procuringEntity")]
    public OrganizationReference? ProcuringEntity { get; init; }

    /// <summary>The goods and services to be bought.</summary>
    [JsonPropertyName("items")]
    public ImmutableArray<Item>? Items { get; init; }

    /// <summary>The total upper estimated value.</summary>
    [JsonPropertyName("value")]
    public Value? Value { get; init; }

    /// <summary>The minimum estimated value.</summary>
    [JsonPropertyName("minValue")]
    public Value? MinValue { get; init; }

    /// <summary>The procurement method (method codelist).</summary>
    [JsonPropertyName("procurementMethod")]
    public string? ProcurementMethod { get; init; }

    /// <summary>Details of the procurement method.</summary>
    [JsonPropertyName("procurementMethodDetails")]
    public string? ProcurementMethodDetails { get; init; }

    /// <summary>Why this procurement method was used.</summary>
    [JsonPropertyName("procurementMethodRationale")]
    public string? ProcurementMethodRationale { get; init; }

    /// <summary>The main category (procurementCategory codelist).</summary>
    [JsonPropertyName("mainProcurementCategory")]
    public string? MainProcurementCategory { get; init; }

    /// <summary>Additional categories (extendedProcurementCategory codelist).</summary>
    [JsonPropertyName("additionalProcurementCategories")]
    public ImmutableArray<string>? AdditionalProcurementCategories { get; init; }

    /// <summary>The award criteria (awardCriteria codelist).</summary>
    [JsonPropertyName("awardCriteria")]
    public string? AwardCriteria { get; init; }

    /// <summary>Details of the award criteria.</summary>
    [JsonPropertyName("awardCriteriaDetails")]
    public string? AwardCriteriaDetails { get; init; }

    /// <summary>How bids may be submitted (submissionMethod codelist).</summary>
    [JsonPropertyName("submissionMethod")]
    public ImmutableArray<string>? SubmissionMethod { get; init; }

    /// <summary>Details of the submission method.</summary>
    [JsonPropertyName("submissionMethodDetails")]
    public string? SubmissionMethodDetails { get; init; }

    /// <summary>The period when the tender is open for submissions.</summary>
    [JsonPropertyName("tenderPeriod")]
    public Period? TenderPeriod { get; init; }

    /// <summary>The period during which enquiries may be made.</summary>
    [JsonPropertyName("enquiryPeriod")]
    public Period? EnquiryPeriod { get; init; }

    /// <summary>Whether any enquiries were received.</summary>
    [JsonPropertyName("hasEnquiries")]
    public bool? HasEnquiries { get; init; }

    /// <summary>Who is eligible to bid.</summary>
    [JsonPropertyName("eligibilityCriteria")]
    public string? EligibilityCriteria { get; init; }

    /// <summary>The period for decision making on the award.</summary>
    [JsonPropertyName("awardPeriod")]
    public Period? AwardPeriod { get; init; }

    /// <summary>The period over which the contract is expected to be active.</summary>
    [JsonPropertyName("contractPeriod")]
    public Period? ContractPeriod { get; init; }

    /// <summary>The number of parties who bid (an integer in the schema; kept as written).</summary>
    [JsonPropertyName("numberOfTenderers")]
    public JsonNumber? NumberOfTenderers { get; init; }

    /// <summary>The parties who bid.</summary>
    [JsonPropertyName("tenderers")]
    public ImmutableArray<OrganizationReference>? Tenderers { get; init; }

    /// <summary>Tender documents.</summary>
    [JsonPropertyName("documents")]
    public ImmutableArray<Document>? Documents { get; init; }

    /// <summary>Tender milestones.</summary>
    [JsonPropertyName("milestones")]
    public ImmutableArray<Milestone>? Milestones { get; init; }

    /// <summary>Amendments to the tender.</summary>
    [JsonPropertyName("amendments")]
    public ImmutableArray<Amendment>? Amendments { get; init; }

    /// <summary>A single amendment (deprecated in 1.1 in favour of <see cref="Amendments"/>).</summary>
    [JsonPropertyName("amendment")]
    public Amendment? Amendment { get; init; }
}
