using System.Diagnostics;
using System.Globalization;
using System.Text;
using OgpData.Measurability;
using OgpData.Testing;
using Xunit.Abstractions;

namespace OgpData.Rules.Tests.Measurability;

/// <summary>The milestones as printed in the Luxembourg plan, read from the shared data.</summary>
public class LuxembourgPlanTests(ITestOutputHelper output)
{
    private const string PlanPath = "ogp/plans/luxembourg-action-plan-2019-2021.fr.txt";

    [SkippableFact]
    public void The_labelled_table_is_every_milestone_of_the_plan_and_each_gets_its_verdict()
    {
        var milestones = ReadMilestones(SharedData.Require(PlanPath));
        var table = MeasurabilityClassifierTests.LuxembourgMilestones.Select(row => ((string)row[0], (bool)row[1])).ToList();

        Assert.Equal(table.Select(row => row.Item1), milestones);
        var agreed = 0;
        var detectedFrench = 0;
        foreach (var (text, measurable) in table)
        {
            // The plan declares its language, as a commitment package does; detection is checked beside it.
            var verdict = MeasurabilityClassifier.Default.Classify(text, "fr");
            if (MeasurabilityClassifier.Default.Classify(text).Language == "fr") detectedFrench++;
            if (verdict.IsMeasurable == measurable) agreed++;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(verdict.IsMeasurable ? "measurable    " : "not measurable")} {verdict.Score:0.00}  {text}\n    {verdict.Explanation}"));
        }
        output.WriteLine($"{agreed} of {table.Count} verdicts agree with the labels; language detected as French for {detectedFrench}");
        Assert.Equal(table.Count, agreed);
        // Only "Hackathon Game of code (www.gameofcode.eu)" has no French word to go by.
        Assert.True(detectedFrench >= table.Count - 1, $"French detected for {detectedFrench} of {table.Count}");
    }

    [SkippableFact]
    public void Throughput_on_the_Luxembourg_milestones_is_reported()
    {
        var milestones = ReadMilestones(SharedData.Require(PlanPath));
        var classifier = MeasurabilityClassifier.Default;
        var expectedCues = milestones.Sum(m => classifier.Classify(m, "fr").Cues.Count);

        // Three timed runs after a warm-up long enough for tiered compilation; the best run is reported,
        // as the machine may be shared. Nothing about time is asserted.
        Measure(milestones, classifier, rounds: 2000, expectedCues);
        var best = 0.0;
        for (var run = 0; run < 3; run++) best = Math.Max(best, Measure(milestones, classifier, rounds: 2000, expectedCues));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best of 3 runs of {2000 * milestones.Count} classifications of the {milestones.Count} Luxembourg milestones: {best:0} per second (one thread; {Environment.ProcessorCount} logical processors)"));
    }

    private static double Measure(List<string> milestones, MeasurabilityClassifier classifier, int rounds, int expectedCues)
    {
        var cues = 0;
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var milestone in milestones) cues += classifier.Classify(milestone, "fr").Cues.Count;
        }
        watch.Stop();
        Assert.Equal(rounds * expectedCues, cues); // the same verdicts every time
        return rounds * milestones.Count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The first cell of every row between "Activités importantes avec des résultats livrables vérifiables"
    /// and "Coordonnées de contact", in each commitment sheet.
    /// </summary>
    internal static List<string> ReadMilestones(string path)
    {
        var milestones = new List<string>();
        var inside = false;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Contains("Activités importantes avec des résultats livrables vérifiables", StringComparison.Ordinal)) { inside = true; continue; }
            if (line.Contains("Coordonnées de contact", StringComparison.Ordinal)) { inside = false; continue; }
            if (!inside) continue;
            var cell = line.Split('\t').Select(StripTags).FirstOrDefault(c => c.Length > 0);
            if (cell is not null) milestones.Add(cell);
        }
        return milestones;
    }

    private static string StripTags(string cell)
    {
        var builder = new StringBuilder(cell.Length);
        var inTag = false;
        foreach (var c in cell)
        {
            if (c == '<') inTag = true;
            else if (c == '>' && inTag) inTag = false;
            else if (!inTag) builder.Append(c);
        }
        return builder.ToString().Trim();
    }
}
