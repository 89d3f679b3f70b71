using OgpData.Findings;
using OgpData.Quality;
using OgpData.Testing;

namespace OgpData.Rules.Tests;

public class RuleCatalogTests
{
    [Fact]
    public void Every_rule_carries_its_page_from_docs_rules_and_no_invented_link()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var page = File.ReadAllText(SharedData.InRepo($"docs/rules/{rule.Id}.md"));
            Assert.Equal(page, rule.Help);
            // The description is the page's first section, in plain text: more than the title, no Markdown heading.
            Assert.NotEqual(rule.Title, rule.Description);
            Assert.DoesNotContain("##", rule.Description);
            Assert.DoesNotContain("**", rule.Description);
            Assert.StartsWith($"{rule.Id}: ", RuleDocumentation.Text(rule.Id));
        }
        // This build was given no documentation address (OgpDataDocumentationUrl): no help link is made up.
        Assert.Null(RuleDocumentation.DocumentationUri);
        Assert.All(RuleCatalog.All, rule => Assert.Null(rule.HelpUri));
        Assert.Equal("", RuleDocumentation.Markdown("OGP9999"));
    }

    [Fact]
    public void A_description_joins_the_first_section_into_paragraphs()
    {
        var description = RuleDocumentation.Description(RuleIds.MilestoneNotMeasurable);
        Assert.StartsWith("A milestone whose text (description, with deliverable when it is given) names no verifiable deliverable and no quantified target.", description);
        Assert.Contains("\n\n\"Measurable\" follows the Independent Reporting Mechanism (IRM)", description);
        Assert.DoesNotContain("The IRM's most repeated recommendation", description); // the "Why" section is not part of it
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

    [Fact]
    public void Every_rule_has_a_docs_page_that_states_its_default_severity()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var page = SharedData.InRepo($"docs/rules/{rule.Id}.md");
            Assert.True(File.Exists(page), $"{rule.Id} has no page at docs/rules/{rule.Id}.md");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {rule.Id}: ", text);
            Assert.Contains($"Default severity: **{rule.DefaultSeverity.ToName()}**", text);
        }
    }

    [Fact]
    public void Every_rule_page_names_the_source_files_that_implement_it_and_each_exists()
    {
        var problems = new List<string>();
        var pages = Directory.GetFiles(SharedData.InRepo("docs/rules"), "*.md").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var id = Path.GetFileNameWithoutExtension(page);
            var lines = File.ReadAllLines(page).Where(l => l.StartsWith("Implemented in: ", StringComparison.Ordinal)).ToList();
            if (lines.Count != 1)
            {
                problems.Add($"{id}: {lines.Count} 'Implemented in:' lines, one expected");
                continue;
            }
            // Paths are relative to the repository root, each in backticks: `src/OgpData/OcdsValidation/Checks/PeriodCheck.cs`.
            var paths = System.Text.RegularExpressions.Regex.Matches(lines[0], "`([^`]+)`").Select(m => m.Groups[1].Value).ToList();
            if (paths.Count == 0) problems.Add($"{id}: the 'Implemented in:' line names no file");
            foreach (var path in paths)
            {
                if (!path.StartsWith("src/", StringComparison.Ordinal) || !File.Exists(SharedData.InRepo(path))) problems.Add($"{id}: {path} is not a file under src/");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_commitment_rule_is_in_the_catalogue_and_each_id_has_one_implementation()
    {
        var ids = CommitmentRules.All.Select(r => r.RuleId).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        foreach (var rule in CommitmentRules.All)
        {
            Assert.Same(RuleCatalog.Get(rule.RuleId), rule.Descriptor);
            Assert.Equal("OGP", rule.Descriptor.Category);
        }
    }
}
