using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using OgpData.Findings;
using OgpData.Reporting;

namespace OgpData.Tests.Reporting;

/// <summary>
/// Every report format against a golden file. To accept a deliberate change of output, run the tests with
/// OGPDATA_UPDATE_GOLDEN=1 and review the diff of tests/OgpData.Tests/Reporting/golden/.
/// </summary>
public class ReportWriterTests
{
    internal static ValidationReport Sample()
    {
        var plan = ImmutableArray.Create(
            new Finding
            {
                RuleId = RuleIds.Schema, Severity = Severity.Error, Pointer = "/actionPlans/0/commitments/1",
                Line = 40, Column = 9, Message = "missing required property \"title\"", Keyword = "required",
                SchemaLocation = "#/$defs/commitment/required",
            },
            new Finding
            {
                RuleId = RuleIds.MilestoneNotMeasurable, Severity = Severity.Warning,
                Pointer = "/actionPlans/0/commitments/0/milestones/0/description", Line = 21, Column = 28,
                Message = "no verifiable deliverable: vague activity \"sensibilisation\"",
                Value = "Poursuite des travaux de sensibilisation", Cues = ["poursuite", "sensibilisation"], Language = "fr",
            },
            new Finding
            {
                RuleId = RuleIds.MilestoneNotMeasurable, Severity = Severity.Warning,
                Pointer = "/actionPlans/0/commitments/0/milestones/2/description", Line = 33, Column = 28,
                Message = "no verifiable deliverable: intention \"envisager\", 100% d'accord, <script>",
            },
            new Finding
            {
                RuleId = RuleIds.NoOgpValue, Severity = Severity.Info, Pointer = "/actionPlans/0/commitments/2",
                Line = 60, Column = 7, Message = "commitment LU0003 claims no OGP value",
            });
        var releases = ImmutableArray.Create(new Finding
        {
            RuleId = RuleIds.OcdsSchemaNotChecked, Severity = Severity.Info, Pointer = "",
            Message = "The OCDS schema was not checked: no schema source was given.",
        });
        ImmutableArray<CheckOutcome> allRan =
        [
            CheckOutcome.Done(CheckNames.Schema, "the commitment-package schema"),
            CheckOutcome.Done(CheckNames.Rules, "OGP0001–OGP0011"),
            CheckOutcome.Done(CheckNames.DuplicateProperties, "JSON0001"),
        ];
        const string noSource = "no OCDS schema source; give --ocds-schema-dir DIR or --ocds-schema-download";
        return new ValidationReport
        {
            ToolVersion = "1.2.3",
            Files =
            [
                new FileReport { Path = "data/plan, v2.json", Kind = DocumentKinds.OgpCommitmentPackage, Counts = FindingCounts.Of(plan, 3), Findings = plan, Checks = allRan },
                new FileReport { Path = "data/clean.json", Kind = DocumentKinds.OgpCommitmentPackage, Counts = FindingCounts.Of([], 6), Findings = [], Checks = allRan },
                new FileReport
                {
                    Path = "data/releases.json", Kind = DocumentKinds.OcdsReleasePackage, Counts = FindingCounts.Of(releases, 2), Findings = releases,
                    Checks =
                    [
                        CheckOutcome.Skipped(CheckNames.Schema, noSource),
                        CheckOutcome.Skipped(CheckNames.SchemaRules, noSource),
                        CheckOutcome.Done(CheckNames.Rules, "the OCDS checks that need no schema"),
                    ],
                },
            ],
        };
    }

    [Theory]
    [InlineData(ReportFormat.Json, "report.json")]
    [InlineData(ReportFormat.Text, "report.txt")]
    [InlineData(ReportFormat.Sarif, "report.sarif")]
    [InlineData(ReportFormat.GitHub, "report.github.txt")]
    [InlineData(ReportFormat.Html, "report.html")]
    public void Matches_its_golden_file(ReportFormat format, string golden)
    {
        var actual = Render(format, Sample());
        if (format == ReportFormat.Sarif) actual = WithoutPages(actual);
        var path = Path.Combine(OgpData.Testing.SharedData.RepoRoot, "tests", "OgpData.Tests", "Reporting", "golden", golden);
        if (Environment.GetEnvironmentVariable("OGPDATA_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"golden file {golden} is missing; run with OGPDATA_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void Json_report_has_the_contract_shape()
    {
        using var document = JsonDocument.Parse(Render(ReportFormat.Json, Sample()));
        var root = document.RootElement;
        Assert.Equal("ogpdata", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("1.2.3", root.GetProperty("tool").GetProperty("version").GetString());
        var file = root.GetProperty("files")[0];
        Assert.Equal("data/plan, v2.json", file.GetProperty("path").GetString());
        Assert.Equal("ogp-commitment-package", file.GetProperty("kind").GetString());
        Assert.False(file.GetProperty("valid").GetBoolean());
        Assert.Equal(1, file.GetProperty("counts").GetProperty("errors").GetInt32());
        Assert.Equal(2, file.GetProperty("counts").GetProperty("warnings").GetInt32());
        Assert.Equal(3, file.GetProperty("counts").GetProperty("records").GetInt32());
        var finding = file.GetProperty("findings")[0];
        Assert.Equal("schema", finding.GetProperty("ruleId").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("/actionPlans/0/commitments/1", finding.GetProperty("pointer").GetString());
        Assert.Equal(40, finding.GetProperty("line").GetInt32());
        Assert.Equal(9, finding.GetProperty("column").GetInt32());
        Assert.Equal("required", finding.GetProperty("keyword").GetString());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("findings")[1].GetProperty("keyword").ValueKind);
        Assert.True(root.GetProperty("files")[1].GetProperty("valid").GetBoolean());
        // Added after the contract's fields: which checks ran, which did not and why.
        var checks = root.GetProperty("files")[2].GetProperty("checks");
        Assert.False(checks.GetProperty("schema").GetProperty("ran").GetBoolean());
        Assert.Contains("--ocds-schema-dir", checks.GetProperty("schema").GetProperty("note").GetString());
        Assert.True(checks.GetProperty("rules").GetProperty("ran").GetBoolean());
        Assert.Equal(["path", "kind", "valid", "counts", "findings", "truncated", "checks"], file.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Every_format_says_when_the_schema_was_not_checked()
    {
        var report = Sample();
        var text = Render(ReportFormat.Text, report);
        Assert.Contains("data/releases.json (ocds-release-package, 2 records): 0 errors, 0 warnings, 1 info\n"
            + "  checked: rules · not checked: schema, schemaRules (no OCDS schema source; give --ocds-schema-dir DIR or --ocds-schema-download)\n", text);
        Assert.Contains("  checked: schema, rules, duplicateProperties\n", text);
        Assert.EndsWith("; schema not checked (1 file)\n", text);

        var html = Render(ReportFormat.Html, report);
        Assert.Contains("<p class=\"checks partial\">checked: rules &#183; not checked: schema, schemaRules (no OCDS schema source; give --ocds-schema-dir DIR or --ocds-schema-download)</p>", html);

        using var sarif = JsonDocument.Parse(Render(ReportFormat.Sarif, report));
        var notifications = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications");
        Assert.Equal(2, notifications.GetArrayLength());
        Assert.Equal("warning", notifications[0].GetProperty("level").GetString());
        Assert.StartsWith("data/releases.json: schema not checked: no OCDS schema source", notifications[0].GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(2, notifications[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("index").GetInt32());

        var json = Render(ReportFormat.Json, report);
        Assert.Contains("\"OCDS0020\"", json);
        // GitHub annotations have no place for the checks; the reminder is a notice on the file.
        Assert.Contains("::notice file=data/releases.json,title=OCDS0020::", Render(ReportFormat.GitHub, report));
    }

    [Fact]
    public void Sarif_lists_the_reported_rules_with_their_help_and_points_results_at_them()
    {
        using var document = JsonDocument.Parse(Render(ReportFormat.Sarif, Sample()));
        var run = document.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        // The rules reported, in catalogue order.
        Assert.Equal(["OGP0001", "OGP0009", "OCDS0020", "schema"], rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules.EnumerateArray())
        {
            // The page itself, so a viewer shows it without a link; no link, as no documentation address is configured.
            var descriptor = RuleCatalog.Get(rule.GetProperty("id").GetString()!);
            Assert.Equal(descriptor.Help, rule.GetProperty("help").GetProperty("markdown").GetString());
            Assert.Equal(RuleDocumentation.Text(descriptor.Id), rule.GetProperty("help").GetProperty("text").GetString());
            Assert.Equal(descriptor.Description, rule.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.False(rule.TryGetProperty("helpUri", out _));
        }
        Assert.False(run.GetProperty("tool").GetProperty("driver").TryGetProperty("informationUri", out _));
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(result.GetProperty("ruleId").GetString(), rule.GetProperty("id").GetString());
        }
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("data/plan%2C%20v2.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(40, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("note", run.GetProperty("results")[3].GetProperty("level").GetString());
    }

    [Fact]
    public void GitHub_commands_escape_separators_in_properties_and_newlines_in_messages()
    {
        var finding = new Finding { RuleId = "OGP0007", Severity = Severity.Warning, Pointer = "/a", Line = 2, Column = 3, Message = "50% read\nsecond line" };
        var report = new ValidationReport
        {
            ToolVersion = "1",
            Files = [new FileReport { Path = "a:b,c.json", Kind = "json", Counts = FindingCounts.Of([finding], 1), Findings = [finding] }],
        };
        Assert.Equal("::warning file=a%3Ab%2Cc.json,line=2,col=3,title=OGP0007::50%25 read%0Asecond line (/a)\n", Render(ReportFormat.GitHub, report));
    }

    [Fact]
    public void Text_lists_the_first_findings_of_a_rule_then_how_many_more()
    {
        var findings = Enumerable.Range(1, 12)
            .Select(i => new Finding { RuleId = "OGP0005", Severity = Severity.Warning, Pointer = $"/c/{i}", Line = i, Column = 1, Message = $"commitment {i} has no milestones" })
            .ToImmutableArray();
        var report = new ValidationReport
        {
            ToolVersion = "1",
            Files = [new FileReport { Path = "p.json", Kind = "ogp-commitment-package", Counts = FindingCounts.Of(findings, 12), Findings = findings }],
        };
        var text = Render(ReportFormat.Text, report);
        Assert.Contains("commitment 5 has no milestones", text);
        Assert.DoesNotContain("commitment 6 has no milestones", text);
        Assert.Contains("... and 7 more", text);
    }

    [Fact]
    public void Html_escapes_the_data_it_shows()
    {
        var html = Render(ReportFormat.Html, Sample());
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        // No documentation address is configured in this build: rule ids are not links to a page that may not exist.
        Assert.DoesNotContain("docs/rules/", html);
    }

    // The rule pages inside SARIF are checked against docs/rules by the test below; in the golden file they are
    // named, not copied, so editing a rule's page does not change this file.
    private static string WithoutPages(string sarif)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(sarif)!;
        foreach (var rule in root["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray())
        {
            var id = rule!["id"]!.GetValue<string>();
            if (rule["help"] is not { } help) continue;
            help["text"] = $"(docs/rules/{id}.md as text)";
            help["markdown"] = $"(docs/rules/{id}.md)";
            rule["fullDescription"]!["text"] = $"(the first section of docs/rules/{id}.md)";
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string Render(ReportFormat format, ValidationReport report)
    {
        using var stream = new MemoryStream();
        ReportWriters.For(format).Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
