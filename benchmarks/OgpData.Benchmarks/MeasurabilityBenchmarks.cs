using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OgpData.Measurability;

namespace OgpData.Benchmarks;

/// <summary>
/// The OGP0001 classifier alone, one thread: every milestone of the labelled corpus (553 real milestones,
/// French, English and Spanish, 4 to 90 words), each in its stated language, then with the language detected.
/// Milestones per second = 553 / the mean time of one operation. This replaces the timing loop the
/// Luxembourg tests used to run (no test measures time).
/// <c>dotnet run -c Release --project benchmarks/OgpData.Benchmarks -- --filter '*Measurability*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class MeasurabilityBenchmarks
{
    private (string Text, string Language)[] _milestones = [];
    private MeasurabilityClassifier _classifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(BenchmarkData.PathOf("ogp/measurability/milestones.json")));
        _milestones = document.RootElement.EnumerateArray()
            .Select(item => (item.GetProperty("text").GetString()!, item.GetProperty("language").GetString()!))
            .ToArray();
        _classifier = MeasurabilityClassifier.Default;
        _classifier.Classify("warm-up: compile the lexicons and load the weights", "fr");
    }

    /// <summary>The corpus, each milestone in its plan's language (what the rule does with a plan's <c>language</c>).</summary>
    [Benchmark(Baseline = true)]
    public int CorpusWithLanguage()
    {
        var flagged = 0;
        foreach (var (text, language) in _milestones)
        {
            if (_classifier.Classify(text, language).Outcome == MeasurabilityOutcome.NotMeasurable) flagged++;
        }
        return flagged;
    }

    /// <summary>The same, the language detected from the words.</summary>
    [Benchmark]
    public int CorpusLanguageDetected()
    {
        var flagged = 0;
        foreach (var (text, _) in _milestones)
        {
            if (_classifier.Classify(text).Outcome == MeasurabilityOutcome.NotMeasurable) flagged++;
        }
        return flagged;
    }
}
