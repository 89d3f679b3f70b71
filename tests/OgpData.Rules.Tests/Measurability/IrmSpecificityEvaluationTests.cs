using System.Globalization;
using System.Text;
using OgpData.Measurability;
using OgpData.Testing;
using Xunit.Abstractions;

namespace OgpData.Rules.Tests.Measurability;

/// <summary>
/// How well the measurability score separates the commitments the IRM rated None/Low on specificity from
/// those it rated High (IRM explorer, 2016). Countries are split in two halves by a hash of their name: the
/// hand-weighted lexicon was adjusted looking at the development half only; the learned weights come from the
/// measurability corpus, which holds milestones of some of these commitments (both halves), so this is continuity,
/// not a held-out measure (docs/measurability.md).
/// Run: <c>dotnet test tests/OgpData.Rules.Tests --filter FullyQualifiedName~IrmSpecificityEvaluation --logger "console;verbosity=detailed"</c>.
/// </summary>
public class IrmSpecificityEvaluationTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void The_score_separates_low_from_high_specificity_on_held_out_countries()
    {
        var commitments = IrmSpecificityData.Read(SharedData.Require(IrmSpecificityData.RelativePath));
        var classifier = MeasurabilityClassifier.Default;
        var scored = commitments.Select(c => (Commitment: c, Verdict: classifier.Classify(c.Text))).ToList();

        var rows = new List<SplitFigures>();
        var baselines = new List<string>();
        foreach (var (name, heldOut) in new[] { ("development", false), ("held-out", true) })
        {
            foreach (var language in new[] { "en", "es" })
            {
                var subset = scored.Where(s => s.Commitment.IsHeldOut == heldOut && s.Verdict.Language == language).ToList();
                rows.Add(IrmSpecificityData.Evaluate($"{name} {language}", subset));
                baselines.Add(LengthBaseline($"{name} {language}", subset));
            }
            var all = scored.Where(s => s.Commitment.IsHeldOut == heldOut).ToList();
            rows.Add(IrmSpecificityData.Evaluate($"{name} all", all));
            baselines.Add(LengthBaseline($"{name} all", all));
        }

        var report = new StringBuilder();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"IRM explorer 2016: {commitments.Count} commitments; languages read: {string.Join(", ", scored.GroupBy(s => s.Verdict.Language).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}; threshold {classifier.Options.Threshold}"));
        report.AppendLine(SplitFigures.Header);
        foreach (var row in rows) report.AppendLine(row.ToRow());
        report.AppendLine();
        report.AppendLine("Baseline for comparison, AUC of the text length alone (no words read):");
        foreach (var line in baselines) report.AppendLine(line);
        output.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "measurability-irm-evaluation.md"), report.ToString());

        var heldOutEnglish = rows.Single(r => r.Name == "held-out en");
        var heldOutAll = rows.Single(r => r.Name == "held-out all");
        Assert.True(heldOutEnglish.Low > 100 && heldOutEnglish.High > 100, "the held-out English half should hold enough labelled commitments");
        Assert.True(heldOutEnglish.Auc > 0.6, $"held-out English AUC {heldOutEnglish.Auc:0.000} should exceed 0.6");
        Assert.True(heldOutAll.Auc > 0.6, $"held-out AUC {heldOutAll.Auc:0.000} should exceed 0.6");
        Assert.True(heldOutAll.MeanHigh > heldOutAll.MeanLow, "High commitments should score higher on average than None/Low ones");
    }

    private static string LengthBaseline(string name, List<(IrmCommitment Commitment, MeasurabilityVerdict Verdict)> subset)
    {
        var low = subset.Where(s => s.Commitment.IsLowSpecificity).Select(s => (double)s.Commitment.Text.Length).ToList();
        var high = subset.Where(s => s.Commitment.IsHighSpecificity).Select(s => (double)s.Commitment.Text.Length).ToList();
        return string.Create(CultureInfo.InvariantCulture, $"- {name}: {IrmSpecificityData.Auc(low, high):0.000}");
    }
}
