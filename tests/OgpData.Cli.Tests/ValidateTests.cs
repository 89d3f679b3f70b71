using System.Text.Json;
using OgpData.Testing;

namespace OgpData.Cli.Tests;

public sealed class ValidateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string ValidPackage = """
        {
          "version": "1.0",
          "actionPlans": [{
            "id": "LU-2019-2021", "member": "LU", "language": "fr",
            "period": { "startDate": "2019-08", "endDate": "2021-08" },
            "commitments": [{
              "id": "LU0002", "title": "Promotion de l'Open Data",
              "period": { "startDate": "2019-08", "endDate": "2021-08" },
              "leadAgency": { "name": "Ministère d'Etat" },
              "ogpValues": ["accessToInformation"],
              "contacts": [{ "name": "Service information et presse", "email": "info@example.lu" }],
              "milestones": [{
                "id": "LU0002-1",
                "description": "Publication de 50 nouveaux jeux de données sur le portail national",
                "period": { "startDate": "2019-09", "endDate": "2020-06" }
              }]
            }]
          }]
        }
        """;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;

    [Fact]
    public void A_valid_package_exits_0_and_is_reported_valid()
    {
        var outcome = Cli.Run("validate", Write("ok.json", ValidPackage), "--format", "json");
        Assert.Equal("", outcome.Stderr);
        var file = Json(outcome.Stdout).GetProperty("files")[0];
        Assert.True(file.GetProperty("valid").GetBoolean(), outcome.Stdout);
        Assert.Equal("ogp-commitment-package", file.GetProperty("kind").GetString());
        Assert.Equal(1, file.GetProperty("counts").GetProperty("records").GetInt32());
        Assert.Equal(0, outcome.ExitCode);
    }

    [Fact]
    public void A_commitment_without_title_is_a_schema_required_error_at_its_pointer_and_line()
    {
        var path = Write("untitled.json", ValidPackage.Replace("\"title\": \"Promotion de l'Open Data\",", ""));
        var outcome = Cli.Run("validate", path, "--format", "json");
        Assert.Equal(1, outcome.ExitCode);
        var findings = Json(outcome.Stdout).GetProperty("files")[0].GetProperty("findings").EnumerateArray().ToList();
        var required = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "schema");
        Assert.Equal("required", required.GetProperty("keyword").GetString());
        Assert.Equal("/actionPlans/0/commitments/0", required.GetProperty("pointer").GetString());
        Assert.Equal(6, required.GetProperty("line").GetInt32());
        Assert.Equal(21, required.GetProperty("column").GetInt32());
        Assert.Contains("title", required.GetProperty("message").GetString());
    }

    [Fact]
    public void Fail_on_sets_the_threshold_of_exit_code_1()
    {
        var path = Write("vague.json", ValidPackage.Replace("\"ogpValues\": [\"accessToInformation\"],", ""));
        Assert.Equal(0, Cli.Run("validate", path).ExitCode);
        Assert.Equal(1, Cli.Run("validate", path, "--fail-on", "info").ExitCode);
        Assert.Equal(0, Cli.Run("validate", path, "--fail-on", "none").ExitCode);
    }

    [Fact]
    public void A_missing_file_is_exit_2_with_one_line()
    {
        var outcome = Cli.Run("validate", Path.Combine(_folder, "absent.json"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Single(outcome.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("does not exist", outcome.Stderr);
    }

    [Fact]
    public void A_truncated_file_is_exit_2_naming_line_and_column()
    {
        var path = Write("cut.json", ValidPackage[..200]);
        var outcome = Cli.Run("validate", path);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Matches(@"cut\.json:\d+:\d+: ", outcome.Stderr);
    }

    [Fact]
    public void Json_of_unknown_shape_needs_a_schema()
    {
        var path = Write("other.json", """{ "name": "x" }""");
        var outcome = Cli.Run("validate", path);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--schema", outcome.Stderr);
    }

    [Fact]
    public void Schema_option_validates_any_document_against_any_schema()
    {
        var schema = Write("s.json", """{ "$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": { "age": { "type": "integer", "minimum": 0 } } }""");
        var good = Write("good.json", """{ "age": 3 }""");
        var bad = Write("bad.json", "{\n  \"age\": -1\n}");
        Assert.Equal(0, Cli.Run("validate", good, "--schema", schema).ExitCode);
        var outcome = Cli.Run("validate", bad, "--schema", schema, "--format", "json");
        Assert.Equal(1, outcome.ExitCode);
        var file = Json(outcome.Stdout).GetProperty("files")[0];
        Assert.Equal("json", file.GetProperty("kind").GetString());
        var finding = file.GetProperty("findings")[0];
        Assert.Equal("minimum", finding.GetProperty("keyword").GetString());
        Assert.Equal("/age", finding.GetProperty("pointer").GetString());
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        Assert.Equal(10, finding.GetProperty("column").GetInt32());
    }

    [Fact]
    public void Max_errors_caps_the_list_but_not_the_counts()
    {
        var outcome = Cli.Run("validate", SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json"), "--format", "json", "--max-errors", "2");
        var file = Json(outcome.Stdout).GetProperty("files")[0];
        Assert.Equal(2, file.GetProperty("findings").GetArrayLength());
        var counts = file.GetProperty("counts");
        Assert.True(counts.GetProperty("errors").GetInt32() + counts.GetProperty("warnings").GetInt32() > 2);
        Assert.True(file.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public void The_luxembourg_sample_shows_its_real_defects()
    {
        var outcome = Cli.Run("validate", SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json"), "--format", "json");
        var file = Json(outcome.Stdout).GetProperty("files")[0];
        Assert.Equal(6, file.GetProperty("counts").GetProperty("records").GetInt32());
        var findings = file.GetProperty("findings").EnumerateArray().ToList();
        // The plan prints "Août 2019" to "Juin 2019" for milestone 4 of commitment 5.
        var endBeforeStart = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "OGP0003");
        Assert.Equal("/actionPlans/0/commitments/4/milestones/4/period/endDate", endBeforeStart.GetProperty("pointer").GetString());
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() == "schema");
        Assert.Equal(1, outcome.ExitCode);
    }

    [Fact]
    public void A_folder_validates_every_data_file_in_it_and_writes_the_report_to_a_file()
    {
        Write("a.json", ValidPackage);
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        File.WriteAllText(Path.Combine(_folder, "sub", "b.json"), ValidPackage);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not data");
        var report = Path.Combine(_folder, "out", "report.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        var outcome = Cli.Run("validate", _folder, "--format", "sarif", "--output", report);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        var sarif = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        Assert.Equal(2, sarif.GetProperty("runs")[0].GetProperty("artifacts").GetArrayLength());
    }

    [Fact]
    public void A_glob_selects_files_by_name()
    {
        Write("a.commitments.json", ValidPackage);
        Write("b.json", """{ "name": "not a package" }""");
        var outcome = Cli.Run("validate", Path.Combine(_folder, "*.commitments.json"), "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(1, Json(outcome.Stdout).GetProperty("files").GetArrayLength());
    }

    [Fact]
    public void Html_needs_an_output_file()
    {
        var outcome = Cli.Run("validate", Write("ok.json", ValidPackage), "--format", "html");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--output", outcome.Stderr);
    }

    [SkippableFact]
    public void An_ocds_release_package_is_detected_and_checked_with_the_official_schema()
    {
        var schemas = SharedData.Require("ocds/schema/1.1.5");
        var sample = SharedData.Require("ocds/samples/uk-contracts-finder.release-package.json");
        var outcome = Cli.Run("validate", sample, "--ocds-schema-dir", schemas, "--format", "json", "--fail-on", "none");
        Assert.Equal(0, outcome.ExitCode);
        var file = Json(outcome.Stdout).GetProperty("files")[0];
        Assert.Equal("ocds-release-package", file.GetProperty("kind").GetString());
        Assert.True(file.GetProperty("counts").GetProperty("records").GetInt32() > 0);
    }

    [Fact]
    public void A_commitments_sheet_is_checked_with_findings_at_its_cells()
    {
        var sheet = Write("plan.commitments.csv",
            "id;title;milestones/0/id;milestones/0/description;milestones/0/period/startDate;milestones/0/period/endDate\r\n" +
            "LU0001;Transparence;LU0001-1;Publication du rapport annuel;2020-01;2020-06\r\n" +
            "LU0001;Transparence;LU0001-2;Poursuite des travaux de sensibilisation;2020-09;2020-03\r\n");
        var outcome = Cli.Run("validate", sheet, "--format", "json");
        Assert.Equal(1, outcome.ExitCode);
        var file = Json(outcome.Stdout).GetProperty("files")[0];
        Assert.Equal("csv", file.GetProperty("kind").GetString());
        var findings = file.GetProperty("findings").EnumerateArray().ToList();
        var vague = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "OGP0001");
        Assert.Equal(3, vague.GetProperty("line").GetInt32());
        Assert.Equal(30, vague.GetProperty("column").GetInt32());
        var endBeforeStart = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "OGP0003");
        Assert.Equal(3, endBeforeStart.GetProperty("line").GetInt32());
    }

    [Fact]
    public void A_flattened_ocds_sheet_is_sent_to_convert()
    {
        var outcome = Cli.Run("validate", Write("releases.csv", "ocid,id,date\r\nocds-213czf-1,1,2020-01-01T00:00:00Z\r\n"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ogpdata convert", outcome.Stderr);
    }
}
