using System.Text.RegularExpressions;
using OgpData.Findings;
using OgpData.OcdsValidation;
using OgpData.Testing;
using static OgpData.Tests.OcdsValidation.OcdsTestData;

namespace OgpData.Tests.OcdsValidation;

/// <summary>Every OCDS rule has its page, and the page's two examples do what the page says.</summary>
public class OcdsRuleDocsTests
{
    public static TheoryData<string> OcdsRules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Category == "OCDS")) data.Add(rule.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(OcdsRules))]
    public void Every_ocds_rule_has_a_page_with_what_why_examples_and_configuration(string id)
    {
        var page = SharedData.InRepo($"docs/rules/{id}.md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: ", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it reports", "## Why it matters", "## Example that fires", "## Example that does not fire", "## Configuration" })
            Assert.Contains(section, text, StringComparison.Ordinal);
        Assert.Contains(RuleCatalog.Get(id).DefaultSeverity.ToName(), text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(OcdsRules))]
    public async Task The_examples_of_each_page_fire_and_stay_quiet(string id)
    {
        var text = await File.ReadAllTextAsync(SharedData.InRepo($"docs/rules/{id}.md"));
        var blocks = Regex.Matches(text, "```json\n(.*?)\n```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, blocks.Count);
        var options = new OcdsValidationOptions { Extensions = new OcdsExtensionOptions { BaseDirectory = SharedData.Require("ocds/extensions") } };
        var fires = await Validate(blocks[0], options);
        var quiet = await Validate(blocks[1], options);
        Assert.NotEmpty(fires.Of(id));
        Assert.Empty(quiet.Of(id));
    }
}
