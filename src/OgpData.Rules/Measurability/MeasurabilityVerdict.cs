using System.Collections.Generic;

namespace OgpData.Measurability;

/// <summary>
/// Whether a milestone could be checked by an independent reviewer from public evidence, with the words
/// that decided. Never a black box: <see cref="Cues"/> lists every piece of evidence and
/// <see cref="Explanation"/> names the decisive ones.
/// </summary>
public sealed record MeasurabilityVerdict
{
    /// <summary>True when <see cref="Score"/> reaches the threshold of the options.</summary>
    public required bool IsMeasurable { get; init; }

    /// <summary>
    /// The score on 0..1: the logistic of the summed cue weights plus a bias. 0.5 means the evidence for and
    /// against balance; the default threshold is 0.5.
    /// </summary>
    public required double Score { get; init; }

    /// <summary>The language the text was read in ("fr", "en" or "es").</summary>
    public required string Language { get; init; }

    /// <summary>True when the language was detected from the words rather than given by the caller.</summary>
    public required bool LanguageWasDetected { get; init; }

    /// <summary>Every cue found, in text order.</summary>
    public required IReadOnlyList<MeasurabilityCue> Cues { get; init; }

    /// <summary>
    /// One line for a finding message that names the decisive words, e.g.
    /// <c>no verifiable deliverable: vague activity "sensibilisation", hedge "éventuellement"</c>.
    /// </summary>
    public required string Explanation { get; init; }
}
