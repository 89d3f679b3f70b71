using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Conversion;
using OgpData.Csv;
using OgpData.Findings;
using OgpData.Testing;
using OgpData.Validation;

namespace OgpData.Tests.Csv;

/// <summary>
/// Every catalogue rule of category <c>CSV</c> has a page under <c>docs/rules/</c> whose two examples are run
/// through the real converter: the one that fires must report the rule, the other must not. A page says which
/// conversion its examples go through with a line <c>Direction: ...</c> (see <see cref="Directions"/>). The
/// input of an example is its code block of the input's form; a block of the output's form, when present, is
/// what the conversion gives and is checked too. In a folder of sheets each block is named by the line
/// just above it (<c>`releases.csv`</c>).
/// </summary>
public sealed class CsvRuleDocsTests : IDisposable
{
    private const string Fires = "Example that fires";
    private const string DoesNotFire = "Example that does not fire";
    private static readonly string[] Sections = ["What it reports", "Why it matters", Fires, DoesNotFire, "Configuration"];

    /// <summary>The directions a page may name, as its <c>Direction:</c> line spells them.</summary>
    private static readonly string[] Directions =
    [
        "sheet to JSON (commitments)", "JSON to sheet (commitments)", "sheets to JSON (OCDS)", "JSON to sheets (OCDS)",
        "workbook to JSON (commitments)",
    ];

    private readonly string _temp = Directory.CreateTempSubdirectory("ogpdata-csvdocs-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string> CsvRules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Category == "CSV")) data.Add(rule.Id);
        return data;
    }

    [Fact]
    public void The_catalogue_has_the_eleven_csv_rules_and_every_csv_page_is_one_of_them()
    {
        var ids = RuleCatalog.All.Where(r => r.Category == "CSV").Select(r => r.Id).ToList();
        Assert.Equal(Enumerable.Range(1, 11).Select(n => $"CSV{n:0000}"), ids);
        var pages = Directory.GetFiles(SharedData.InRepo("docs/rules"), "CSV*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(ids, pages);
    }

    [Theory]
    [MemberData(nameof(CsvRules))]
    public void The_page_has_its_title_severity_direction_and_sections(string id)
    {
        var rule = RuleCatalog.Get(id);
        var page = RulePage.Load(id);

        Assert.Equal($"# {id}: {rule.Title}", page.Lines[0]);
        Assert.Contains($"Default severity: **{rule.DefaultSeverity.ToName()}** · Category: CSV", page.Lines);
        Assert.Contains(page.Direction, Directions);
        Assert.Equal(Sections, page.Sections.Keys);
        Assert.All(page.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Value), $"{id}: section '{s.Key}' is empty"));
    }

    public static TheoryData<string, bool> Examples()
    {
        var data = new TheoryData<string, bool>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Category == "CSV"))
        {
            data.Add(rule.Id, true);
            data.Add(rule.Id, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void An_example_reports_the_rule_exactly_when_its_page_says_it_fires(string id, bool fires)
    {
        var page = RulePage.Load(id);
        var outcome = Convert(page, fires ? Fires : DoesNotFire);

        var reported = outcome.Problems.Any(p => p.RuleId == id);
        Assert.True(reported == fires, $"{id}: the example that {(fires ? "fires" : "does not fire")} reports {Describe(outcome.Problems)}");
        outcome.CheckShownOutput();
    }

    [Fact]
    public void The_csv_format_page_links_every_csv_rule_to_its_page_with_its_title_meaning()
    {
        var format = File.ReadAllLines(SharedData.InRepo("docs/formats/csv.md"));
        foreach (var rule in RuleCatalog.All.Where(r => r.Category == "CSV"))
        {
            var row = Assert.Single(format, line => line.StartsWith($"| [{rule.Id}](", StringComparison.Ordinal));
            Assert.StartsWith($"| [{rule.Id}](../rules/{rule.Id}.md) |", row, StringComparison.Ordinal);
            Assert.Contains($"| {rule.DefaultSeverity.ToName()}", row, StringComparison.Ordinal);
        }
    }

    private static string Describe(ImmutableArray<CsvProblem> problems) =>
        problems.IsEmpty ? "nothing" : string.Join("; ", problems.Select(p => $"{p.RuleId} {p.Severity.ToName()}: {p.Message}"));

    private Outcome Convert(RulePage page, string section)
    {
        var blocks = page.Blocks(section);
        var folder = Path.Combine(_temp, section.Replace(' ', '-'));
        switch (page.Direction)
        {
            case "sheet to JSON (commitments)":
            {
                var csv = Assert.Single(blocks, b => b.Language == "csv");
                using var input = new MemoryStream(Encoding.UTF8.GetBytes(csv.Text));
                using var output = new MemoryStream();
                // The plan id and member stand for --base, as a publisher gives them: without them every
                // example would also report CSV0008.
                var result = CommitmentCsv.ReadPackage(input, output, new CommitmentCsvOptions
                {
                    PlanId = "LU-2019-2021", Member = "LU", PackageSchema = CommitmentSchema(),
                });
                var commitments = JsonNode.Parse(output.ToArray())!["actionPlans"]![0]!["commitments"];
                return new Outcome(page.Id, result.Problems, ExpectedJson(blocks, named: false), commitments, [], []);
            }
            case "workbook to JSON (commitments)":
            {
                // The xml block is the content.xml of an .ods workbook: zipped as an office suite would, then read.
                var content = Assert.Single(blocks, b => b.Language == "xml");
                Directory.CreateDirectory(_temp);
                var workbook = Path.Combine(_temp, section.Replace(' ', '-') + ".ods");
                using (var zip = System.IO.Compression.ZipFile.Open(workbook, System.IO.Compression.ZipArchiveMode.Create))
                {
                    using (var mime = new StreamWriter(zip.CreateEntry("mimetype", System.IO.Compression.CompressionLevel.NoCompression).Open())) mime.Write("application/vnd.oasis.opendocument.spreadsheet");
                    using var xml = new StreamWriter(zip.CreateEntry("content.xml").Open());
                    xml.Write(content.Text);
                }
                using var output = new MemoryStream();
                var result = CommitmentCsv.ReadWorkbook(workbook, output, new CommitmentCsvOptions
                {
                    PlanId = "LU-2019-2021", Member = "LU", PackageSchema = CommitmentSchema(),
                });
                var commitments = JsonNode.Parse(output.ToArray())!["actionPlans"]![0]!["commitments"];
                return new Outcome(page.Id, result.Problems, ExpectedJson(blocks, named: false), commitments, [], []);
            }
            case "JSON to sheet (commitments)":
            {
                var json = Assert.Single(blocks, b => b.Language == "json");
                using var input = new MemoryStream(Encoding.UTF8.GetBytes(json.Text));
                using var csv = new MemoryStream();
                var result = CommitmentCsv.Write(input, csv, new MemoryStream());
                var shown = blocks.Where(b => b.Language == "csv").Select(b => ("sheet", b.Text)).ToList();
                return new Outcome(page.Id, result.Problems, null, null, shown, new() { ["sheet"] = SheetText(csv.ToArray()) });
            }
            case "sheets to JSON (OCDS)":
            {
                Directory.CreateDirectory(folder);
                var files = blocks.Where(b => b.Name is not null).ToList();
                Assert.NotEmpty(files);
                foreach (var file in files) File.WriteAllText(Path.Combine(folder, file.Name!), file.Text);
                using var output = new MemoryStream();
                var result = OcdsCsv.ReadFolder(folder, output);
                var releases = JsonNode.Parse(output.ToArray())!["releases"];
                return new Outcome(page.Id, result.Problems, ExpectedJson(blocks, named: false), releases, [], []);
            }
            case "JSON to sheets (OCDS)":
            {
                var json = Assert.Single(blocks, b => b.Language == "json" && b.Name is null);
                Directory.CreateDirectory(_temp);
                var package = Path.Combine(_temp, section.Replace(' ', '-') + ".json");
                File.WriteAllText(package, json.Text);
                var result = OcdsCsv.WriteFolder(package, folder);
                var shown = blocks.Where(b => b.Name is not null).Select(b => (b.Name!, b.Text)).ToList();
                var written = shown.ToDictionary(s => s.Item1, s => File.Exists(Path.Combine(folder, s.Item1))
                    ? SheetText(File.ReadAllBytes(Path.Combine(folder, s.Item1))) : "(not written)");
                return new Outcome(page.Id, result.Problems, null, null, shown, written);
            }
            default:
                throw new InvalidOperationException($"{page.Id}: unknown direction '{page.Direction}'.");
        }
    }

    private static JsonNode? ExpectedJson(IReadOnlyList<CodeBlock> blocks, bool named)
    {
        var shown = blocks.Where(b => b.Language == "json" && (b.Name is not null) == named).ToList();
        return shown.Count == 0 ? null : JsonNode.Parse(Assert.Single(shown).Text);
    }

    // The sheet as a page shows it: no byte-order mark, LF line ends.
    private static string SheetText(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Replace("\r\n", "\n");

    private static JsonElement CommitmentSchema()
    {
        using var schema = JsonDocument.Parse(BundledSchemas.CommitmentPackageSchema);
        return schema.RootElement.Clone();
    }

    /// <summary>What one example gave, and what its page shows it gives.</summary>
    private sealed record Outcome(
        string Id,
        ImmutableArray<CsvProblem> Problems,
        JsonNode? ShownJson,
        JsonNode? Json,
        List<(string Name, string Text)> ShownSheets,
        Dictionary<string, string> Sheets)
    {
        public void CheckShownOutput()
        {
            if (ShownJson is not null) Assert.Null(JsonTreeDiff.FirstDifference(ShownJson, Json));
            foreach (var (name, text) in ShownSheets) Assert.Equal(text.TrimEnd('\n'), Sheets[name].TrimEnd('\n'));
        }
    }

    private sealed record CodeBlock(string Language, string? Name, string Text);

    /// <summary>A rule page: its lines, its <c>Direction:</c>, its <c>##</c> sections in order.</summary>
    private sealed class RulePage
    {
        private RulePage(string id, string[] lines)
        {
            Id = id;
            Lines = lines;
            Direction = lines.FirstOrDefault(l => l.StartsWith("Direction: ", StringComparison.Ordinal))?["Direction: ".Length..].Trim() ?? "(none)";
            string? current = null;
            var text = new StringBuilder();
            foreach (var line in lines)
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    if (current is not null) Sections.Add(current, text.ToString());
                    current = line[3..].Trim();
                    text.Clear();
                }
                else if (current is not null) text.Append(line).Append('\n');
            }
            if (current is not null) Sections.Add(current, text.ToString());
        }

        public string Id { get; }
        public string[] Lines { get; }
        public string Direction { get; }
        public Dictionary<string, string> Sections { get; } = new(StringComparer.Ordinal);

        public static RulePage Load(string id)
        {
            var path = SharedData.InRepo($"docs/rules/{id}.md");
            Assert.True(File.Exists(path), $"{id} has no page at docs/rules/{id}.md");
            return new RulePage(id, File.ReadAllLines(path));
        }

        /// <summary>The fenced code blocks of a section, each with the file name the line above it gives (<c>`aside.jsonl`</c>), if any.</summary>
        public List<CodeBlock> Blocks(string section)
        {
            Assert.True(Sections.TryGetValue(section, out var body), $"{Id} has no section '{section}'");
            var blocks = new List<CodeBlock>();
            var lines = body!.Split('\n');
            string? lastText = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (!line.StartsWith("```", StringComparison.Ordinal))
                {
                    if (line.Trim().Length > 0) lastText = line.Trim();
                    continue;
                }
                var language = line[3..].Trim();
                var text = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++) text.Append(lines[i]).Append('\n');
                blocks.Add(new CodeBlock(language, NameIn(lastText), text.ToString()));
                lastText = null;
            }
            return blocks;
        }

        // "`releases.csv`" (or with a colon after it) names the block below.
        private static string? NameIn(string? line) =>
            line is { Length: > 2 } && line.TrimEnd(':') is var bare && bare[0] == '`' && bare[^1] == '`' && bare.IndexOf('`', 1) == bare.Length - 1
                ? bare[1..^1]
                : null;
    }
}
