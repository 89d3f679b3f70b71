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
        var table = MeasurabilityClassifierTests.LuxembourgMilestones.Select(row => ((string)row[0], (char)row[1])).ToList();

        Assert.Equal(table.Select(row => row.Item1), milestones);
        var agreed = 0;
        var detectedFrench = 0;
        foreach (var (text, label) in table)
        {
            // The plan declares its language, as a commitment package does; detection is checked beside it.
            var verdict = MeasurabilityClassifier.Default.Classify(text, "fr");
            if (MeasurabilityClassifier.Default.Classify(text).Language == "fr") detectedFrench++;
            // M never flagged, N never called measurable, B anywhere (MeasurabilityClassifierTests.AssertOutcome).
            if (MeasurabilityClassifierTests.Agrees(label, verdict)) agreed++;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} {verdict.Outcome,-14} {verdict.Score:0.00}  {text}\n    {verdict.Explanation}"));
        }
        output.WriteLine($"{agreed} of {table.Count} verdicts agree with the labels; language detected as French for {detectedFrench}");
        Assert.Equal(table.Count, agreed);
        // Only "Hackathon Game of code (www.gameofcode.eu)" has no French word to go by.
        Assert.True(detectedFrench >= table.Count - 1, $"French detected for {detectedFrench} of {table.Count}");
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
