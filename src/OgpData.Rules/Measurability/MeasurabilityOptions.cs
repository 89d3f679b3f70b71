using System;
using System.Collections.Generic;

namespace OgpData.Measurability;

/// <summary>How the measurability classifier decides: its threshold, its fallback language and extra words.</summary>
public sealed record MeasurabilityOptions
{
    /// <summary>The options used when nothing is configured.</summary>
    public static MeasurabilityOptions Default { get; } = new();

    /// <summary>The default of <see cref="Threshold"/>, chosen from the cross-validated evaluation (docs/measurability.md).</summary>
    public const double DefaultThreshold = 0.35;

    /// <summary>The default of <see cref="UncertainBelow"/>, chosen from the cross-validated evaluation (docs/measurability.md).</summary>
    public const double DefaultUncertainBelow = 0.6;

    /// <summary>
    /// A milestone whose score (0..1, the probability that it is measurable) is below this is not measurable:
    /// OGP0001 fires. Default <see cref="DefaultThreshold"/>.
    /// </summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>
    /// A milestone scoring at least <see cref="Threshold"/> but below this is uncertain (reported at info, or not
    /// at all); at or above it, measurable. A value below the threshold means no uncertain band. Default
    /// <see cref="DefaultUncertainBelow"/>.
    /// </summary>
    public double UncertainBelow { get; init; } = DefaultUncertainBelow;

    /// <summary>
    /// Whether OGP0001 reports an uncertain milestone at info (true, the default) or says nothing (false).
    /// The classifier's verdict is the same either way.
    /// </summary>
    public bool ReportUncertain { get; init; } = true;

    /// <summary>
    /// The language assumed when neither the caller nor the words say which ("fr", "en" or "es"). Default "en".
    /// </summary>
    public string FallbackLanguage { get; init; } = "en";

    /// <summary>
    /// Extra lexicon texts in the format of the built-in files (<c>kind weight words</c> lines, <c>#</c> comments,
    /// an optional <c>@language xx</c> line; without it the entries apply to every language). Entries add to
    /// the built-in ones; an entry with the same words replaces the built-in entry.
    /// </summary>
    public IReadOnlyList<string> ExtraLexicons { get; init; } = Array.Empty<string>();
}
