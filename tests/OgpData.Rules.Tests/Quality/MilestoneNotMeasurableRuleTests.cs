using OgpData.Findings;
using OgpData.Measurability;
using OgpData.Quality;
using OgpData.Quality.Rules;
using static OgpData.Rules.Tests.Quality.CommitmentFixture;

namespace OgpData.Rules.Tests.Quality;

public class MilestoneNotMeasurableRuleTests
{
    [Fact]
    public void Fires_exactly_on_the_descriptions_the_classifier_finds_not_measurable_or_uncertain()
    {
        var findings = FixtureFindings(RuleIds.MilestoneNotMeasurable);
        var document = OgpData.Text.JsonTextParser.Parse(Package);
        var descriptions = Descriptions(document.Root!).ToList();
        // Not measurable: a warning; uncertain: info; measurable: nothing.
        var expected = descriptions
            .Select(d => (d.Pointer, MeasurabilityClassifier.Default.Classify(d.StringValue!, "fr").Outcome))
            .Where(d => d.Outcome != MeasurabilityOutcome.Measurable)
            .Select(d => (d.Pointer, d.Outcome == MeasurabilityOutcome.NotMeasurable ? Severity.Warning : Severity.Info))
            .ToList();
        Assert.Contains(expected, e => e.Item2 == Severity.Warning);
        Assert.True(expected.Count < descriptions.Count, "the fixture should hold measurable milestones too");
        Assert.Equal(expected, findings.Select(f => (f.Pointer, f.Severity)));
    }

    [Fact]
    public void The_finding_sits_on_the_description_and_names_the_words_that_decided()
    {
        var finding = Assert.Single(FixtureFindings(RuleIds.MilestoneNotMeasurable),
            f => f.Value == "Analyses, prises de position et échanges de la part de la société civile");
        AssertAt(finding, "\"Analyses, prises de position et échanges de la part de la société civile\"");
        Assert.EndsWith("/description", finding.Pointer);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("fr", finding.Language);
        Assert.Contains(finding.Cues!, cue => cue.Contains("échanges", StringComparison.Ordinal));
        Assert.Contains("échanges", finding.Message);
        Assert.Contains("score", finding.Message);
    }

    [Fact]
    public void A_launch_event_is_measurable()
    {
        Assert.DoesNotContain(FixtureFindings(RuleIds.MilestoneNotMeasurable), f => f.Value == "Lancement du Hub via un event officiel");
    }

    [Fact]
    public void A_separate_deliverable_can_make_a_vague_description_checkable()
    {
        const string vague = """
            { "version": "1.0", "actionPlans": [{ "id": "P", "member": "LU", "language": "fr", "commitments": [{ "id": "C", "title": "T",
              "milestones": [{ "id": "C-1", "description": "Poursuite des travaux de sensibilisation" }] }] }] }
            """;
        var withDeliverable = vague.Replace("\"description\": \"Poursuite des travaux de sensibilisation\"",
            "\"description\": \"Poursuite des travaux de sensibilisation\", \"deliverable\": \"Publication d'un rapport annuel sur le portail\"");
        Assert.Single(CommitmentChecker.Check(vague).Findings, f => f.RuleId == RuleIds.MilestoneNotMeasurable);
        Assert.DoesNotContain(CommitmentChecker.Check(withDeliverable).Findings, f => f.RuleId == RuleIds.MilestoneNotMeasurable);
    }

    [Fact]
    public void A_stricter_threshold_given_to_the_rule_flags_more()
    {
        var strict = new CommitmentChecker(new CommitmentRule[] { new MilestoneNotMeasurableRule(new MeasurabilityClassifier(new MeasurabilityOptions { Threshold = 0.99 })) });
        var lenient = new CommitmentChecker(new CommitmentRule[] { new MilestoneNotMeasurableRule(new MeasurabilityClassifier(new MeasurabilityOptions { Threshold = 0.01, UncertainBelow = 0.01 })) });
        Assert.True(strict.Run(Package).Findings.Count > FixtureFindings(RuleIds.MilestoneNotMeasurable).Count);
        Assert.Empty(lenient.Run(Package).Findings);
    }

    private static IEnumerable<OgpData.Text.JsonTextNode> Descriptions(OgpData.Text.JsonTextNode node)
    {
        foreach (var child in node.Children)
        {
            if (child.Name == "description" && child.Kind == OgpData.Text.JsonTextKind.String && node.Parent?.Name == "milestones") yield return child;
            foreach (var inner in Descriptions(child)) yield return inner;
        }
    }
}
