using System.Collections.Generic;

namespace OgpData.Measurability;

/// <summary>
/// Whether a milestone could be checked by an independent reviewer from public evidence, with the words
/// that decided. Never a black box: <see cref="Cues"/> lists every piece of evidence and
/// <see cref="Explanation"/> names the decisive ones.
/// </summary>
public sealed record MeasurabilityVerdict
{
    /// <summary>True when <see cref="Score"/> reaches the threshold of the options: OGP0001 does not fire (the
    /// outcome is <see cref="MeasurabilityOutcome.Uncertain"/> or <see cref="MeasurabilityOutcome.Measurable"/>).</summary>
    public required bool IsMeasurable { get; init; }

    /// <summary>Not measurable, uncertain or measurable, by the thresholds of the options.</summary>
    public required MeasurabilityOutcome Outcome { get; init; }

    /// <summary>
    /// The probability (0..1) that the milestone is measurable: the logistic of the model's bias plus the
    /// weights of the <see cref="Cues"/>, as learned from the labelled corpus.
    /// </summary>
    public required double Score { get; init; }

    /// <summary>The language the text was read in ("fr", "en" or "es").</summary>
    public required string Language { get; init; }

    /// <summary>True when the language was detected from the words rather than given by the caller.</summary>
    public required bool LanguageWasDetected { get; init; }

    /// <summary>Every cue found, in text order, each with the weight it added to the logit.</summary>
    public required IReadOnlyList<MeasurabilityCue> Cues { get; init; }

    /// <summary>
    /// One line for a finding message that names the decisive words, e.g.
    /// <c>no verifiable deliverable or quantified target: "Sensibilisation" (vague activity) -1.21, "éventuellement" (hedge) -0.84</c>.
    /// </summary>
    public required string Explanation { get; init; }
}
