using System.Text.Json.Serialization;
using OgpData.Dates;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>A judgement on a commitment, by the government (self-assessment) or the Independent Reporting Mechanism. Codes are kept as written; see <see cref="OgpCodes"/>.</summary>
public sealed record Assessment : ExtensibleObject
{
    /// <summary>Who assessed, and when: <see cref="OgpCodes.AssessmentSource"/>.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>When the assessment was made, as a partial date.</summary>
    [JsonPropertyName("date")]
    public PartialDate? Date { get; init; }

    /// <summary>Whether the commitment is verifiable: <see cref="OgpCodes.Verifiability"/>.</summary>
    [JsonPropertyName("verifiability")]
    public string? Verifiability { get; init; }

    /// <summary>How specific the commitment is: <see cref="OgpCodes.Specificity"/>.</summary>
    [JsonPropertyName("specificity")]
    public string? Specificity { get; init; }

    /// <summary>The potential impact: <see cref="OgpCodes.PotentialImpact"/>.</summary>
    [JsonPropertyName("potentialImpact")]
    public string? PotentialImpact { get; init; }

    /// <summary>How complete the commitment is: <see cref="OgpCodes.Status"/>.</summary>
    [JsonPropertyName("completion")]
    public string? Completion { get; init; }

    /// <summary>Whether the commitment was completed on time.</summary>
    [JsonPropertyName("onTime")]
    public bool? OnTime { get; init; }

    /// <summary>Whether it opened government: <see cref="OgpCodes.DidItOpenGovernment"/>.</summary>
    [JsonPropertyName("didItOpenGovernment")]
    public string? DidItOpenGovernment { get; init; }

    /// <summary>Whether the IRM starred the commitment.</summary>
    [JsonPropertyName("starred")]
    public bool? Starred { get; init; }

    /// <summary>The assessment's own words.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }
}
