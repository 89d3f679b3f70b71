using System.Collections.Immutable;

namespace OgpData.Ogp;

/// <summary>
/// The codes of the OGP commitment package codelists. Model properties keep codes as strings, so a
/// misspelt or unknown code still loads and round-trips; the quality rules compare against these lists.
/// </summary>
public static class OgpCodes
{
    /// <summary>Progress of a milestone (<c>status</c>) or of a commitment (<c>completion</c>).</summary>
    public static class Status
    {
        /// <summary>Not started.</summary>
        public const string NotStarted = "notStarted";

        /// <summary>Limited progress.</summary>
        public const string Limited = "limited";

        /// <summary>Substantial progress.</summary>
        public const string Substantial = "substantial";

        /// <summary>Complete.</summary>
        public const string Complete = "complete";

        /// <summary>Withdrawn.</summary>
        public const string Withdrawn = "withdrawn";

        /// <summary>Every code, in order of progress.</summary>
        public static ImmutableArray<string> All { get; } = [NotStarted, Limited, Substantial, Complete, Withdrawn];

        /// <summary>True when <paramref name="code"/> is one of <see cref="All"/> (exactly, case included).</summary>
        public static bool IsKnown(string? code) => IsIn(All, code);
    }

    /// <summary>The OGP values a commitment serves (<c>ogpValues</c>).</summary>
    public static class OgpValue
    {
        /// <summary>Access to information.</summary>
        public const string AccessToInformation = "accessToInformation";

        /// <summary>Civic participation.</summary>
        public const string CivicParticipation = "civicParticipation";

        /// <summary>Public accountability.</summary>
        public const string PublicAccountability = "publicAccountability";

        /// <summary>Technology and innovation for openness and accountability.</summary>
        public const string TechnologyAndInnovation = "technologyAndInnovation";

        /// <summary>Every code.</summary>
        public static ImmutableArray<string> All { get; } = [AccessToInformation, CivicParticipation, PublicAccountability, TechnologyAndInnovation];

        /// <summary>True when <paramref name="code"/> is one of <see cref="All"/>.</summary>
        public static bool IsKnown(string? code) => IsIn(All, code);
    }

    /// <summary>Who made an assessment (<c>source</c>).</summary>
    public static class AssessmentSource
    {
        /// <summary>The government's self-assessment report.</summary>
        public const string SelfAssessment = "selfAssessment";

        /// <summary>The IRM design report.</summary>
        public const string IrmDesign = "irmDesign";

        /// <summary>The IRM results report.</summary>
        public const string IrmResults = "irmResults";

        /// <summary>Every code.</summary>
        public static ImmutableArray<string> All { get; } = [SelfAssessment, IrmDesign, IrmResults];

        /// <summary>True when <paramref name="code"/> is one of <see cref="All"/>.</summary>
        public static bool IsKnown(string? code) => IsIn(All, code);
    }

    /// <summary>Whether a commitment is verifiable (<c>verifiability</c>).</summary>
    public static class Verifiability
    {
        /// <summary>Verifiable.</summary>
        public const string Verifiable = "verifiable";

        /// <summary>Not verifiable.</summary>
        public const string NotVerifiable = "notVerifiable";

        /// <summary>Every code.</summary>
        public static ImmutableArray<string> All { get; } = [Verifiable, NotVerifiable];

        /// <summary>True when <paramref name="code"/> is one of <see cref="All"/>.</summary>
        public static bool IsKnown(string? code) => IsIn(All, code);
    }

    /// <summary>How specific a commitment is (<c>specificity</c>), as the IRM grades it.</summary>
    public static class Specificity
    {
        /// <summary>None.</summary>
        public const string None = "none";

        /// <summary>Low.</summary>
        public const string Low = "low";

        /// <summary>Medium.</summary>
        public const string Medium = "medium";

        /// <summary>High.</summary>
        public const string High = "high";

        /// <summary>Every code, from least to most specific.</summary>
        public static ImmutableArray<string> All { get; } = [None, Low, Medium, High];

        /// <summary>True when <paramref name="code"/> is one of <see cref="All"/>.</summary>
        public static bool IsKnown(string? code) => IsIn(All, code);
    }

    /// <summary>The potential impact of a commitment (<c>potentialImpact</c>).</summary>
    public static class PotentialImpact
    {
        /// <summary>None.</summary>
        public const string None = "none";

        /// <summary>Minor.</summary>
        public const string Minor = "minor";

        /// <summary>Moderate.</summary>
        public const string Moderate = "moderate";

        /// <summary>Transformative.</summary>
        public const string Transformative = "transformative";

        /// <summary>Every code, from least to most impact.</summary>
        public static ImmutableArray<string> All { get; } = [None, Minor, Moderate, Transformative];

        /// <summary>True when <paramref name="code"/> is one of <see cref="All"/>.</summary>
        public static bool IsKnown(string? code) => IsIn(All, code);
    }

    /// <summary>Whether a commitment opened government (<c>didItOpenGovernment</c>).</summary>
    public static class DidItOpenGovernment
    {
        /// <summary>Worsened.</summary>
        public const string Worsened = "worsened";

        /// <summary>Did not change.</summary>
        public const string DidNotChange = "didNotChange";

        /// <summary>Marginal.</summary>
        public const string Marginal = "marginal";

        /// <summary>Major.</summary>
        public const string Major = "major";

        /// <summary>Outstanding.</summary>
        public const string Outstanding = "outstanding";

        /// <summary>Every code, from worst to best.</summary>
        public static ImmutableArray<string> All { get; } = [Worsened, DidNotChange, Marginal, Major, Outstanding];

        /// <summary>True when <paramref name="code"/> is one of <see cref="All"/>.</summary>
        public static bool IsKnown(string? code) => IsIn(All, code);
    }

    private static bool IsIn(ImmutableArray<string> codes, string? code) => code is not null && codes.Contains(code, StringComparer.Ordinal);
}
