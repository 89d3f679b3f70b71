using System.Text.Json;
using System.Text.RegularExpressions;
using OgpData.Findings;
using OgpData.Testing;

namespace OgpData.Cli.Tests;

/// <summary>
/// The figures README.md states that a test can compute exactly: changing a number there, or a behaviour behind
/// it, makes one of these fail. (The JSON-Schema-Test-Suite table is checked by OgpData.Schema.Tests'
/// <c>Pass_counts_per_draft_equal_the_published_tables</c>.)
/// </summary>
public sealed class ReadmeFiguresTests
{
    private static readonly string Readme = File.ReadAllText(SharedData.InRepo("README.md")).ReplaceLineEndings("\n");

    [Fact]
    public void The_rule_table_names_every_catalogued_rule_and_no_other()
    {
        var section = Readme[Readme.IndexOf("\n## Rules\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var listed = new List<string>();
        foreach (Match row in Regex.Matches(section, @"^\| ([A-Za-z]+)(\d{4})?(?:–[A-Z]+(\d{4}))? \|", RegexOptions.Multiline))
        {
            if (row.Groups[1].Value == "id") continue; // the header
            if (!row.Groups[2].Success)
            {
                listed.Add(row.Groups[1].Value);
                continue;
            }
            var first = int.Parse(row.Groups[2].Value);
            var last = row.Groups[3].Success ? int.Parse(row.Groups[3].Value) : first;
            for (var n = first; n <= last; n++) listed.Add($"{row.Groups[1].Value}{n:D4}");
        }
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void What_it_prints_is_what_the_flawed_sample_prints()
    {
        var block = Regex.Match(Readme, @"```text\n\$ ogpdata validate samples/flawed\.commitments\.json\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var printed = Cli.Run("validate", SharedData.InRepo("samples/flawed.commitments.json")).Stdout
            .Replace(SharedData.InRepo("samples/flawed.commitments.json"), "samples/flawed.commitments.json");
        var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The file's heading (kind, records, counts), the checks that ran, and the summary.
        Assert.Equal(printed.Split('\n')[0], lines[0]);
        Assert.Equal(printed.Split('\n')[1], lines[1]);
        Assert.EndsWith(lines[^1] + "\n", printed);
        // Every finding line the README shows is printed, in that order.
        var at = 0;
        foreach (var line in lines.Skip(2).Where(l => l.Trim() != "..."))
        {
            at = printed.IndexOf(line + "\n", at, StringComparison.Ordinal);
            Assert.True(at >= 0, "README shows a line the command does not print: " + line);
        }
    }

    [Fact]
    public void The_luxembourg_figures_are_what_the_rules_find_in_the_sample()
    {
        var outcome = Cli.Run("validate", SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json"), "--format", "json", "--fail-on", "none");
        var findings = JsonDocument.Parse(outcome.Stdout).RootElement.GetProperty("files")[0].GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("ruleId").GetString(), Severity: f.GetProperty("severity").GetString(), Message: f.GetProperty("message").GetString()!, Pointer: f.GetProperty("pointer").GetString()))
            .ToList();
        using var sample = JsonDocument.Parse(File.ReadAllText(SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json")));
        var milestones = sample.RootElement.GetProperty("actionPlans")[0].GetProperty("commitments").EnumerateArray()
            .Sum(c => c.TryGetProperty("milestones", out var m) ? m.GetArrayLength() : 0);

        // Read as prose: the README wraps its lines anywhere.
        var sentence = Regex.Replace(Regex.Match(Readme, @"On the real Luxembourg plan it finds.*?at all\.", RegexOptions.Singleline).Value, @"\s+", " ");
        // OGP0001 warns where the wording is not measurable and says at info where it is unsure.
        Assert.Contains($"{findings.Count(f => f.Rule == RuleIds.MilestoneNotMeasurable && f.Severity == "warning")} of {milestones} milestones", sentence);
        Assert.Contains($"{Words[findings.Count(f => f.Rule == RuleIds.MilestoneNotMeasurable && f.Severity == "info")]} more it is unsure of", sentence);
        Assert.Contains($"{Words[findings.Count(f => f.Rule == RuleIds.MilestoneWithoutDeadline)]} milestones with no deadline", sentence);
        Assert.Contains("commitment 3 with no", sentence);
        Assert.Equal("/actionPlans/0/commitments/2", Assert.Single(findings, f => f.Rule == RuleIds.CommitmentWithoutMilestones).Pointer);
        Assert.Contains("milestone LU0005-5", sentence);
        Assert.Contains(findings, f => f.Rule == RuleIds.EndBeforeStart && f.Message.Contains("'LU0005-5'", StringComparison.Ordinal));
    }

    private static readonly string[] Words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
}
