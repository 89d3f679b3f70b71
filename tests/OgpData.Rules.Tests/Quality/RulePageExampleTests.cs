using System.Text.RegularExpressions;
using OgpData.Quality;
using OgpData.Testing;

namespace OgpData.Rules.Tests.Quality;

/// <summary>The examples of each rule page do what the page says: the one that fires fires, with the message
/// quoted; the one that does not fire does not.</summary>
public class RulePageExampleTests
{
    private static string InCommitment(string milestone) =>
        "{\"actionPlans\":[{\"id\":\"P\",\"commitments\":[{\"id\":\"C\",\"milestones\":[" + milestone + "]}]}]}";

    private static string InPlan(string commitment) => "{\"actionPlans\":[{\"id\":\"P\",\"commitments\":[" + commitment + "]}]}";

    private static string InPlanMembers(string members) => "{\"actionPlans\":[{\"id\":\"P\"," + members + "}]}";

    public static TheoryData<string> CommitmentRulePages() => new() { "OGP0001", "OGP0002", "OGP0003", "OGP0004", "OGP0005", "OGP0006", "OGP0007", "OGP0008", "OGP0009", "OGP0010", "OGP0011" };

    [Theory]
    [MemberData(nameof(CommitmentRulePages))]
    public void The_examples_of_the_page_behave_as_written(string ruleId)
    {
        var page = File.ReadAllText(SharedData.InRepo($"docs/rules/{ruleId}.md"));
        var fires = Section(page, "## Example that fires");
        var quiet = Section(page, "## Example that does not fire");
        Func<string, string> wrap = ruleId switch
        {
            "OGP0001" or "OGP0002" or "OGP0003" or "OGP0007" or "OGP0008" => InCommitment,
            "OGP0006" => InPlanMembers,
            _ => InPlan,
        };

        var (json, message) = Example(fires);
        var found = CommitmentChecker.Check(wrap(json)).Findings.Where(f => f.RuleId == ruleId).ToList();
        Assert.NotEmpty(found);
        if (message is not null)
        {
            // OGP0006 names the line of the first use, which the wrapping moves.
            var expected = ruleId == "OGP0006" ? message.Substring(0, message.IndexOf("; first at", StringComparison.Ordinal)) : message;
            Assert.Contains(found, f => ruleId == "OGP0006" ? f.Message.StartsWith(expected, StringComparison.Ordinal) : f.Message == expected);
        }

        var (quietJson, _) = Example(quiet);
        Assert.DoesNotContain(CommitmentChecker.Check(wrap(quietJson)).Findings, f => f.RuleId == ruleId);
    }

    [Fact]
    public void The_uncertain_example_of_OGP0001_is_reported_at_info_and_the_library_setting_silences_it()
    {
        var page = File.ReadAllText(SharedData.InRepo("docs/rules/OGP0001.md"));
        var (json, message) = Example(Section(page, "## Example reported at info"));

        var finding = Assert.Single(CommitmentChecker.Check(InCommitment(json)).Findings, f => f.RuleId == "OGP0001");
        Assert.Equal(OgpData.Findings.Severity.Info, finding.Severity);
        Assert.Equal(message, finding.Message);

        // The library line of "Configure", as written there.
        Assert.Contains("ReportUncertain = false", page);
        var classifier = new OgpData.Measurability.MeasurabilityClassifier(new OgpData.Measurability.MeasurabilityOptions { Threshold = 0.35, UncertainBelow = 0.6, ReportUncertain = false });
        var quiet = new CommitmentChecker(CommitmentRules.With(classifier)).Run(InCommitment(json));
        Assert.DoesNotContain(quiet.Findings, f => f.RuleId == "OGP0001");
        var (fires, _) = Example(Section(page, "## Example that fires"));
        Assert.Contains(new CommitmentChecker(CommitmentRules.With(classifier)).Run(InCommitment(fires)).Findings, f => f.RuleId == "OGP0001");
    }

    private static string Section(string page, string heading)
    {
        var start = page.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, heading + " is missing");
        var end = page.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? page.Substring(start) : page.Substring(start, end - start);
    }

    private static (string Json, string? Message) Example(string section)
    {
        var json = Regex.Match(section, "```json\\n(.*?)```", RegexOptions.Singleline);
        Assert.True(json.Success, "no json block in " + section);
        var message = Regex.Match(section, "^> (.*)$", RegexOptions.Multiline);
        return (json.Groups[1].Value, message.Success ? message.Groups[1].Value.TrimEnd() : null);
    }
}
