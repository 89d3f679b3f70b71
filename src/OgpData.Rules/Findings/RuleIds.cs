namespace OgpData.Findings;

/// <summary>Every rule id, in one place. An id never changes meaning.</summary>
public static class RuleIds
{
    /// <summary>A JSON Schema violation; the finding carries the keyword.</summary>
    public const string Schema = "schema";

    /// <summary>Milestone is not measurable: no verifiable deliverable or quantified target.</summary>
    public const string MilestoneNotMeasurable = "OGP0001";
    /// <summary>Milestone has no end date, or one that cannot be read.</summary>
    public const string MilestoneWithoutDeadline = "OGP0002";
    /// <summary>A period ends before it starts.</summary>
    public const string EndBeforeStart = "OGP0003";
    /// <summary>A milestone outside its commitment's period, or a commitment outside its plan's.</summary>
    public const string PeriodOutsideParent = "OGP0004";
    /// <summary>A commitment has no milestones.</summary>
    public const string CommitmentWithoutMilestones = "OGP0005";
    /// <summary>Duplicate id (action plan, commitment, milestone).</summary>
    public const string DuplicateId = "OGP0006";
    /// <summary>Date text that could not be read as a partial date.</summary>
    public const string UnreadableDateText = "OGP0007";
    /// <summary>Status not in the codelist.</summary>
    public const string StatusNotInCodelist = "OGP0008";
    /// <summary>Commitment claims no OGP value.</summary>
    public const string NoOgpValue = "OGP0009";
    /// <summary>Personal data in a public field.</summary>
    public const string PersonalDataInPublicField = "OGP0010";
    /// <summary>Commitment has no lead agency or no contact.</summary>
    public const string NoLeadAgencyOrContact = "OGP0011";
}
