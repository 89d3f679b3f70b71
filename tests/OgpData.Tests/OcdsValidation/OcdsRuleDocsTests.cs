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

    /// <summary>The OCDS rules about the data (all but OCDS0020, which is about the run and tested below).</summary>
    public static TheoryData<string> OcdsDataRules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Category == "OCDS" && r.Id != RuleIds.OcdsSchemaNotChecked)) data.Add(rule.Id);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(OcdsDataRules))]
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

    [SkippableFact]
    public async Task OCDS0020_fires_without_a_schema_source_and_stays_quiet_with_one()
    {
        var package = SharedData.Require("ocds/samples/uk-contracts-finder.release-package.json");
        // An empty cache: schemas an earlier download left on this machine must not decide the test.
        var cache = Directory.CreateTempSubdirectory("ogpdata-no-cache-").FullName;
        try
        {
            var unchecked_ = await new OgpData.Validation.DocumentValidator(new OgpData.Validation.ValidationOptions { OcdsSchemaCacheDirectory = cache })
                .ValidateFileAsync(package);
            var reminder = Assert.Single(unchecked_.Findings, f => f.RuleId == RuleIds.OcdsSchemaNotChecked);
            Assert.Equal(Severity.Info, reminder.Severity);
            Assert.True(unchecked_.SchemaNotChecked);

            var checkedReport = await new OgpData.Validation.DocumentValidator(new OgpData.Validation.ValidationOptions { OcdsSchemaDirectory = SharedData.Require("ocds/schema/1.1.5") })
                .ValidateFileAsync(package);
            Assert.DoesNotContain(checkedReport.Findings, f => f.RuleId == RuleIds.OcdsSchemaNotChecked);
            Assert.False(checkedReport.SchemaNotChecked);

            // The cap on listed findings holds, the reminder first.
            var capped = await new OgpData.Validation.DocumentValidator(new OgpData.Validation.ValidationOptions { OcdsSchemaCacheDirectory = cache, MaxFindings = 3 })
                .ValidateFileAsync(package);
            Assert.Equal(3, capped.Findings.Length);
            Assert.Equal(RuleIds.OcdsSchemaNotChecked, capped.Findings[0].RuleId);
            Assert.Equal(unchecked_.Counts, capped.Counts);

            // Turned off, no finding; the checks still say the schema was not read.
            var silenced = await new OgpData.Validation.DocumentValidator(new OgpData.Validation.ValidationOptions
            {
                OcdsSchemaCacheDirectory = cache,
                Severities = System.Collections.Immutable.ImmutableDictionary<string, Severity>.Empty.Add(RuleIds.OcdsSchemaNotChecked, Severity.None),
            }).ValidateFileAsync(package);
            Assert.DoesNotContain(silenced.Findings, f => f.RuleId == RuleIds.OcdsSchemaNotChecked);
            Assert.Equal(unchecked_.Counts.Infos - 1, silenced.Counts.Infos);
            Assert.True(silenced.SchemaNotChecked);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
