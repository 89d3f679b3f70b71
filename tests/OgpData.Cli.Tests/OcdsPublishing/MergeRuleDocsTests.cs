using System.Text.RegularExpressions;
using OgpData.Findings;
using OgpData.Testing;

namespace OgpData.Cli.Tests.OcdsPublishing;

/// <summary>Every MERGE rule has its page, and the page's two examples, compiled for real, do what the page says.</summary>
public sealed class MergeRuleDocsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-merge-docs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> MergeRules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Category == "MERGE")) data.Add(rule.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(MergeRules))]
    public void Every_merge_rule_has_a_page_whose_examples_fire_and_stay_quiet(string id)
    {
        var text = File.ReadAllText(SharedData.InRepo($"docs/rules/{id}.md"));
        Assert.StartsWith($"# {id}: {RuleCatalog.Get(id).Title}\n", text, StringComparison.Ordinal);
        Assert.Contains($"Default severity: **{RuleCatalog.Get(id).DefaultSeverity.ToName()}** · Category: MERGE", text, StringComparison.Ordinal);
        var blocks = Regex.Matches(text, "```json\n(.*?)\n```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, blocks.Count);
        Assert.Contains($" {RuleCatalog.Get(id).DefaultSeverity.ToName()} {id}: ", Compile(blocks[0]));
        Assert.DoesNotContain(id, Compile(blocks[1]));
    }

    private string Compile(string releases)
    {
        var input = Path.Combine(_folder, "releases.json");
        File.WriteAllText(input, releases);
        var schema = Path.Combine(_folder, "release-schema.json");
        File.WriteAllText(schema, """{"properties": {"id": {"omitWhenMerged": true}, "date": {"omitWhenMerged": true}, "tag": {"omitWhenMerged": true}}}""");
        var outcome = Cli.Run("compile", input, "--schema", schema, "-o", Path.Combine(_folder, "out.jsonl"));
        Assert.NotEqual(2, outcome.ExitCode);
        return outcome.Stderr;
    }
}
