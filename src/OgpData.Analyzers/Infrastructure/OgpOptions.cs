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
/// <item><c>ogpdata.OGP0001.threshold</c>: the measurability score (0..1) a milestone must reach; default 0.5.</item>
/// <item><c>ogpdata.language</c>: <c>fr</c>, <c>en</c>, <c>es</c>, or <c>auto</c> (detect from the words, the default).</item>
/// </list>
/// </remarks>
internal sealed class OgpOptions
{
    /// <summary>The key of the OGP0001 threshold.</summary>
    public const string ThresholdKey = "ogpdata.OGP0001.threshold";

    /// <summary>The key of the language of the milestone texts.</summary>
    public const string LanguageKey = "ogpdata.language";

    private static readonly ConcurrentDictionary<double, MeasurabilityClassifier> ClassifiersByThreshold = new();

    private OgpOptions(double threshold, string? language)
    {
        Threshold = threshold;
        Language = language;
    }

    /// <summary>The options when nothing is configured.</summary>
    public static OgpOptions Default { get; } = new(MeasurabilityOptions.Default.Threshold, null);

    /// <summary>The measurability threshold, on 0..1.</summary>
    public double Threshold { get; }

    /// <summary>The language of the texts, or null to detect it.</summary>
    public string? Language { get; }

    /// <summary>The classifier for <see cref="Threshold"/>, built once per distinct threshold and shared.</summary>
    public MeasurabilityClassifier Classifier =>
        Threshold == MeasurabilityOptions.Default.Threshold
            ? MeasurabilityClassifier.Default
            : ClassifiersByThreshold.GetOrAdd(Threshold, t => new MeasurabilityClassifier(new MeasurabilityOptions { Threshold = t }));

    /// <summary>Reads the options of one file; a value that cannot be read is ignored, never an error.</summary>
    public static OgpOptions Read(AnalyzerConfigOptions options)
    {
        var threshold = Default.Threshold;
        if (options.TryGetValue(ThresholdKey, out var thresholdText)
            && double.TryParse(thresholdText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && parsed >= 0 && parsed <= 1)
        {
            threshold = parsed;
        }

        string? language = null;
        if (options.TryGetValue(LanguageKey, out var languageText))
        {
            var trimmed = languageText.Trim().ToLowerInvariant();
            if (trimmed.Length > 0 && trimmed != "auto") language = trimmed;
        }

        return threshold == Default.Threshold && language is null ? Default : new OgpOptions(threshold, language);
    }

    /// <summary>A stable key for caches whose content depends on the options.</summary>
    public string CacheKey => Threshold.ToString("R", CultureInfo.InvariantCulture) + "|" + (Language ?? "auto");
}
