using System.Text.RegularExpressions;
using OgpData.Findings;
using OgpData.Testing;
using static OgpData.Tests.Decp.DecpTestData;

namespace OgpData.Tests.Decp;

/// <summary>Every DECP rule has its page, and the page's two examples, converted for real, do what the page says.</summary>
public class DecpRuleDocsTests
{
    public static TheoryData<string> DecpRules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Category == "DECP")) data.Add(rule.Id);
        return data;
    }

    [Fact]
    public void The_catalogue_holds_the_fourteen_decp_rules()
    {
        Assert.Equal(Enumerable.Range(1, 14).Select(n => $"DECP{n:0000}"), RuleCatalog.All.Where(r => r.Category == "DECP").Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(DecpRules))]
    public void Every_decp_rule_has_a_page_with_what_why_examples_and_configuration(string id)
    {
        var text = File.ReadAllText(SharedData.InRepo($"docs/rules/{id}.md"));
        Assert.StartsWith($"# {id}: {RuleCatalog.Get(id).Title}\n", text, StringComparison.Ordinal);
        Assert.Contains($"Default severity: **{RuleCatalog.Get(id).DefaultSeverity.ToName()}** · Category: DECP", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it reports", "## Why it matters", "## Example that fires", "## Example that does not fire", "## Configuration" })
            Assert.Contains(section, text, StringComparison.Ordinal);
        Assert.Contains($"(../rules/{id}.md)", File.ReadAllText(SharedData.InRepo("docs/formats/decp-to-ocds.md")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DecpRules))]
    public void The_examples_of_each_page_fire_and_stay_quiet(string id)
    {
        var text = File.ReadAllText(SharedData.InRepo($"docs/rules/{id}.md"));
        var blocks = Regex.Matches(text, "```json\n(.*?)\n```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, blocks.Count);
        var fires = Convert(blocks[0]).Result.Findings;
        var quiet = Convert(blocks[1]).Result.Findings;
        Assert.Contains(fires, f => f.RuleId == id && f.Severity == RuleCatalog.Get(id).DefaultSeverity);
        Assert.DoesNotContain(quiet, f => f.RuleId == id);
    }
}
