using System.Text;
using System.Text.RegularExpressions;
using OgpData.Testing;
using Xunit.Abstractions;

namespace OgpData.Schema.Tests;

public sealed class TestSuiteTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> SuiteFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var (folder, _) in TestSuite.Drafts)
        {
            foreach (var file in TestSuite.Files(folder)) data.Add(folder, file);
        }
        // When the suite is absent, one row makes the theory skip with the reason instead of vanishing.
        if (data.Count == 0) data.Add("draft2020-12", "type.json");
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(SuiteFiles))]
    public void Official_test_suite_file_passes(string draftFolder, string file)
    {
        var draft = TestSuite.Drafts.First(d => d.Folder == draftFolder).Draft;
        var results = TestSuite.Run(draftFolder, draft, file);
        var failures = results.Where(r => !r.Passed && !r.Excluded).ToList();
        foreach (var failure in failures) output.WriteLine(failure.Key + " -> " + failure.Detail);
        Assert.True(failures.Count == 0, $"{failures.Count} of {results.Count} tests failed:\n" +
            string.Join("\n", failures.Select(f => f.Key + " -> " + f.Detail)));
    }

    /// <summary>
    /// The pass counts per draft must equal the tables published in README.md and docs/json-schema-test-suite.md,
    /// so the figures cannot drift from what the engine does. With OGPDATA_WRITE_SUITE_REPORT=1 it rewrites
    /// docs/json-schema-test-suite.md and the README's rows first (review the diff), then checks them.
    /// </summary>
    [SkippableFact]
    public void Pass_counts_per_draft_equal_the_published_tables()
    {
        SharedData.Require(TestSuite.Root);
        var rows = new List<string>();
        var table = new StringBuilder();
        table.AppendLine("| draft | required tests | passed | excluded | optional/format tests | passed | excluded |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (folder, draft) in TestSuite.Drafts)
        {
            int required = 0, requiredPassed = 0, excluded = 0, format = 0, formatPassed = 0, formatExcluded = 0;
            foreach (var file in TestSuite.Files(folder))
            {
                foreach (var result in TestSuite.Run(folder, draft, file))
                {
                    var isFormat = file.StartsWith("optional/", StringComparison.Ordinal);
                    if (isFormat) format++;
                    else required++;
                    if (result.Excluded)
                    {
                        if (isFormat) formatExcluded++;
                        else excluded++;
                    }
                    if (!result.Passed) continue;
                    if (isFormat) formatPassed++;
                    else requiredPassed++;
                }
            }
            var row = $"| {folder} | {required} | {requiredPassed} | {excluded} | {format} | {formatPassed} | {formatExcluded} |";
            rows.Add(row);
            table.AppendLine(row);
        }
        output.WriteLine(table.ToString());
        var readme = SharedData.InRepo("README.md");
        var doc = SharedData.InRepo("docs/json-schema-test-suite.md");
        if (Environment.GetEnvironmentVariable("OGPDATA_WRITE_SUITE_REPORT") == "1")
        {
            File.WriteAllText(doc, SuiteReport(table.ToString()));
            File.WriteAllText(readme, WithRows(File.ReadAllText(readme), rows));
        }
        Assert.Equal(rows, PublishedRows(File.ReadAllText(doc)));
        Assert.Equal(rows, PublishedRows(File.ReadAllText(readme)));
    }

    [Fact]
    public void Published_rows_are_read_from_a_table_and_a_changed_figure_is_seen()
    {
        const string page = "text\n| draft | required tests |\n|---|--:|\n| draft4 | 618 | 614 | 4 | 212 | 212 | 0 |\n| draft6 | 839 | 835 | 4 | 280 | 280 | 0 |\nmore\n";
        Assert.Equal(["| draft4 | 618 | 614 | 4 | 212 | 212 | 0 |", "| draft6 | 839 | 835 | 4 | 280 | 280 | 0 |"], PublishedRows(page));
        var rewritten = WithRows(page, ["| draft4 | 618 | 613 | 4 | 212 | 212 | 0 |", "| draft6 | 839 | 835 | 4 | 280 | 280 | 0 |"]);
        Assert.Contains("| draft4 | 618 | 613 | 4 |", rewritten);
        Assert.NotEqual(PublishedRows(page), PublishedRows(rewritten));
    }

    private static readonly Regex Row = new(@"^\| (draft[0-9a-z-]+)( \| \d+){6} \|$", RegexOptions.Multiline);

    private static List<string> PublishedRows(string text) => Row.Matches(text.ReplaceLineEndings("\n")).Select(m => m.Value).ToList();

    // Replaces each draft's row in place, keeping the text around the table.
    private static string WithRows(string text, List<string> rows) =>
        Row.Replace(text.ReplaceLineEndings("\n"), m => rows.FirstOrDefault(r => r.StartsWith("| " + m.Groups[1].Value + " |", StringComparison.Ordinal)) ?? m.Value);

    private static string SuiteReport(string table)
    {
        var doc = new StringBuilder();
        doc.AppendLine("# JSON-Schema-Test-Suite results");
        doc.AppendLine();
        doc.AppendLine("Generated by `OGPDATA_WRITE_SUITE_REPORT=1 dotnet test tests/OgpData.Schema.Tests --filter Pass_counts_per_draft`");
        doc.AppendLine("from the suite in `../shared/data/json-schema-test-suite` (remotes served from the local folder, no network).");
        doc.AppendLine("Required tests are every file directly under `tests/<draft>/`; optional tests are run only for");
        doc.AppendLine("`optional/format/<format>.json` of the formats the engine asserts (" + string.Join(", ", OgpData.Schema.Formats.Supported.Order()) + ").");
        doc.AppendLine("Every test not excluded passes. `draft2020-12/format.json` runs with `FormatMode.Annotate`: 2020-12 makes");
        doc.AppendLine("`format` an annotation by default, while the engine asserts by default (OCDS relies on it).");
        doc.AppendLine();
        doc.Append(table);
        doc.AppendLine();
        doc.AppendLine("## Excluded tests");
        doc.AppendLine();
        foreach (var (pattern, reason) in TestSuite.Exclusions) doc.AppendLine($"- `{pattern}` — {reason}");
        return doc.ToString();
    }
}
