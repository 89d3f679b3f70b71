using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using OgpData.Measurability;

namespace OgpData.Analyzers.Infrastructure;

/// <summary>
/// The rule options read from <c>.editorconfig</c> (or a global config). Severities are not read here:
/// the compiler applies <c>dotnet_diagnostic.OGP0001.severity</c> itself. Keys are case-insensitive.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>ogpdata.OGP0001.threshold</c>: below this measurability score (0..1) OGP0001 warns; default
/// <see cref="MeasurabilityOptions.DefaultThreshold"/>.</item>
/// <item><c>ogpdata.OGP0001.uncertain_below</c>: from the threshold up to this score a milestone is uncertain;
/// default <see cref="MeasurabilityOptions.DefaultUncertainBelow"/>.</item>
/// <item><c>ogpdata.OGP0001.uncertain</c>: <c>info</c> (the default) reports uncertain milestones at info,
/// <c>none</c> says nothing.</item>
/// <item><c>ogpdata.language</c>: <c>fr</c>, <c>en</c>, <c>es</c>, or <c>auto</c> (detect from the words, the default).</item>
/// </list>
/// </remarks>
internal sealed class OgpOptions
{
    /// <summary>The key of the OGP0001 threshold.</summary>
    public const string ThresholdKey = "ogpdata.OGP0001.threshold";

    /// <summary>The key of the upper edge of the uncertain band.</summary>
    public const string UncertainBelowKey = "ogpdata.OGP0001.uncertain_below";

    /// <summary>The key of how uncertain milestones are reported (info or none).</summary>
    public const string UncertainKey = "ogpdata.OGP0001.uncertain";

    /// <summary>The key of the language of the milestone texts.</summary>
    public const string LanguageKey = "ogpdata.language";

    private static readonly ConcurrentDictionary<MeasurabilityOptions, MeasurabilityClassifier> Classifiers = new();

    private OgpOptions(MeasurabilityOptions measurability, string? language)
    {
        Measurability = measurability;
        Language = language;
    }

    /// <summary>The options when nothing is configured.</summary>
    public static OgpOptions Default { get; } = new(MeasurabilityOptions.Default, null);

    /// <summary>The measurability thresholds and how uncertain milestones are reported.</summary>
    public MeasurabilityOptions Measurability { get; }

    /// <summary>The language of the texts, or null to detect it.</summary>
    public string? Language { get; }

    /// <summary>The classifier for <see cref="Measurability"/>, built once per distinct configuration and shared.</summary>
    public MeasurabilityClassifier Classifier =>
        Measurability == MeasurabilityOptions.Default
            ? MeasurabilityClassifier.Default
            : Classifiers.GetOrAdd(Measurability, m => new MeasurabilityClassifier(m));

    /// <summary>Reads the options of one file; a value that cannot be read is ignored, never an error.</summary>
    public static OgpOptions Read(AnalyzerConfigOptions options)
    {
        var measurability = MeasurabilityOptions.Default;
        if (ReadScore(options, ThresholdKey) is { } threshold) measurability = measurability with { Threshold = threshold };
        if (ReadScore(options, UncertainBelowKey) is { } below) measurability = measurability with { UncertainBelow = below };
        if (options.TryGetValue(UncertainKey, out var uncertainText))
        {
            switch (uncertainText.Trim().ToLowerInvariant())
            {
                case "info": case "suggestion": measurability = measurability with { ReportUncertain = true }; break;
                case "none": case "silent": measurability = measurability with { ReportUncertain = false }; break;
            }
        }

        string? language = null;
        if (options.TryGetValue(LanguageKey, out var languageText))
        {
            var trimmed = languageText.Trim().ToLowerInvariant();
            if (trimmed.Length > 0 && trimmed != "auto") language = trimmed;
        }

        return measurability == MeasurabilityOptions.Default && language is null ? Default : new OgpOptions(measurability, language);
    }

    private static double? ReadScore(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var text)
        && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
        && parsed >= 0 && parsed <= 1 ? parsed : null;

    /// <summary>A stable key for caches whose content depends on the options.</summary>
    public string CacheKey =>
        Measurability.Threshold.ToString("R", CultureInfo.InvariantCulture) + "|" + Measurability.UncertainBelow.ToString("R", CultureInfo.InvariantCulture)
        + "|" + (Measurability.ReportUncertain ? "info" : "none") + "|" + (Language ?? "auto");
}
