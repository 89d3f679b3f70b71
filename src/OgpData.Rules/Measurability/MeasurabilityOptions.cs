using System;
using System.Collections.Generic;

namespace OgpData.Measurability;

/// <summary>How the measurability classifier decides: its threshold, its fallback language and extra words.</summary>
public sealed record MeasurabilityOptions
{
    /// <summary>The options used when nothing is configured.</summary>
    public static MeasurabilityOptions Default { get; } = new();

    /// <summary>A milestone is measurable when its score (0..1) is at least this. Default 0.5.</summary>
    public double Threshold { get; init; } = 0.5;

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
