using OgpData.Findings;

namespace OgpData.Rules.Tests;

public class RuleCatalogTests
{
    [Fact]
    public void Every_help_link_points_at_the_rule_page()
    {
        foreach (var rule in RuleCatalog.All)
        {
            Assert.EndsWith($"/docs/rules/{rule.Id}.md", rule.HelpUri);
        }
    }

    [Fact]
    public void Ids_are_unique_and_the_ogp_severities_match_the_design()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Severity.Warning, RuleCatalog.Get(RuleIds.MilestoneNotMeasurable).DefaultSeverity);
        Assert.Equal(Severity.Error, RuleCatalog.Get(RuleIds.EndBeforeStart).DefaultSeverity);
        Assert.Equal(Severity.Error, RuleCatalog.Get(RuleIds.DuplicateId).DefaultSeverity);
        Assert.Equal(Severity.Info, RuleCatalog.Get(RuleIds.NoOgpValue).DefaultSeverity);
        Assert.Equal(Severity.Info, RuleCatalog.Get(RuleIds.NoLeadAgencyOrContact).DefaultSeverity);
        Assert.Null(RuleCatalog.Find("OGP9999"));
    }
}
