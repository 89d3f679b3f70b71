using System.IO.Compression;
using System.Text.Json;
using OgpData.Testing;

namespace OgpData.Cli.Tests;

/// <summary>Where <c>validate</c> takes the OCDS schemas from, and which version it checks against.</summary>
public sealed class OcdsSchemaOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-cli-schema-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Sample = "ocds/samples/uk-contracts-finder.release-package.json";

    private static JsonElement OnlyFile(Cli.Outcome outcome) => JsonDocument.Parse(outcome.Stdout).RootElement.GetProperty("files")[0];

    private static IEnumerable<string?> RuleIds(JsonElement file) =>
        file.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString());

    [SkippableFact]
    public async Task Downloads_the_schemas_once_from_a_mirror_says_so_on_stderr_and_then_reads_the_cache()
    {
        var schemas = SharedData.Require("ocds/schema/1.1.5");
        var sample = SharedData.Require(Sample);
        var cache = Path.Combine(_folder, "cache");
        Cli.Outcome first;
        string url;
        await using (var server = LocalServer.Serving(schemas, "/mirror/1__1__5/"))
        {
            url = new Uri(server.BaseUri, "/mirror/").AbsoluteUri;
            first = Cli.Run("validate", sample, "--ocds-schema-download", "--ocds-schema-url", url, "--ocds-schema-cache", cache,
                "--format", "json", "--fail-on", "none");
            Assert.True(server.Requests > 5);
        }
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Downloading the OCDS 1.1.5 schema from " + url + "1__1__5/", first.Stderr, StringComparison.Ordinal);
        Assert.Single(first.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(File.Exists(Path.Combine(cache, "1__1__5", "release-schema.json")));

        // The mirror is gone: the same run reads the cache, silently, and reports the same.
        var second = Cli.Run("validate", sample, "--ocds-schema-download", "--ocds-schema-url", url, "--ocds-schema-cache", cache,
            "--format", "json", "--fail-on", "none");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("", second.Stderr);
        Assert.Equal(OnlyFile(first).GetProperty("counts").GetRawText(), OnlyFile(second).GetProperty("counts").GetRawText());
    }

    [SkippableFact]
    public void Without_a_schema_source_every_format_says_the_schema_was_not_checked()
    {
        var sample = SharedData.Require(Sample);
        // An empty cache folder: the user's own cache, if any, must not decide this test.
        var cache = Directory.CreateDirectory(Path.Combine(_folder, "empty-cache")).FullName;
        string[] common = [sample, "--ocds-schema-cache", cache, "--fail-on", "none"];

        var json = Cli.Run(["validate", .. common, "--format", "json"]);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal("", json.Stderr);
        var file = OnlyFile(json);
        Assert.False(file.GetProperty("checks").GetProperty("schema").GetProperty("ran").GetBoolean());
        Assert.False(file.GetProperty("checks").GetProperty("schemaRules").GetProperty("ran").GetBoolean());
        Assert.True(file.GetProperty("checks").GetProperty("rules").GetProperty("ran").GetBoolean());
        var reminder = file.GetProperty("findings")[0];
        Assert.Equal("OCDS0020", reminder.GetProperty("ruleId").GetString());
        Assert.Equal("info", reminder.GetProperty("severity").GetString());
        Assert.Contains("--ocds-schema-dir", reminder.GetProperty("message").GetString());
        Assert.Contains("--ocds-schema-download", reminder.GetProperty("message").GetString());

        var text = Cli.Run(["validate", .. common]);
        Assert.Contains("not checked: schema, schemaRules (no OCDS schema source; give --ocds-schema-dir DIR (or OGPDATA_OCDS_SCHEMA_DIR) or --ocds-schema-download)", text.Stdout);
        Assert.EndsWith("; schema not checked (every file)\n", text.Stdout);

        var sarif = JsonDocument.Parse(Cli.Run(["validate", .. common, "--format", "sarif"]).Stdout).RootElement.GetProperty("runs")[0];
        var notification = sarif.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        Assert.Contains("schema not checked: no OCDS schema source", notification.GetProperty("message").GetProperty("text").GetString());

        var page = Path.Combine(_folder, "report.html");
        Assert.Equal(0, Cli.Run(["validate", .. common, "--format", "html", "--output", page]).ExitCode);
        Assert.Contains("not checked: schema, schemaRules (no OCDS schema source", File.ReadAllText(page));

        // With a schema source, no reminder and the checks say what was used.
        var checkedRun = OnlyFile(Cli.Run("validate", sample, "--ocds-schema-dir", SharedData.Require("ocds/schema/1.1.5"), "--format", "json", "--fail-on", "none"));
        Assert.DoesNotContain("OCDS0020", RuleIds(checkedRun));
        Assert.True(checkedRun.GetProperty("checks").GetProperty("schema").GetProperty("ran").GetBoolean());
    }

    [SkippableFact]
    public void Schemas_cached_by_an_earlier_download_are_used_without_asking_and_it_says_so()
    {
        var schemas = SharedData.Require("ocds/schema/1.1.5");
        var sample = SharedData.Require(Sample);
        // What an earlier --ocds-schema-download leaves: one folder per version, named as the official site names it.
        var cache = Path.Combine(_folder, "cache");
        foreach (var source in Directory.EnumerateFiles(schemas, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(cache, "1__1__5", Path.GetRelativePath(schemas, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        var fromCache = Cli.Run("validate", sample, "--ocds-schema-cache", cache, "--format", "json", "--fail-on", "none");
        var fromFolder = Cli.Run("validate", sample, "--ocds-schema-dir", schemas, "--format", "json", "--fail-on", "none");

        Assert.Equal(0, fromCache.ExitCode);
        Assert.Equal($"ogpdata: Using the OCDS 1.1.5 schemas downloaded earlier into {cache}; nothing is downloaded.\n", fromCache.Stderr);
        var file = OnlyFile(fromCache);
        Assert.Contains("downloaded earlier", file.GetProperty("checks").GetProperty("schema").GetProperty("note").GetString());
        Assert.Equal(OnlyFile(fromFolder).GetProperty("findings").GetRawText(), file.GetProperty("findings").GetRawText());
    }

    [SkippableFact]
    public void Reads_the_schemas_from_a_zip()
    {
        var schemas = SharedData.Require("ocds/schema/1.1.5");
        var zip = Path.Combine(_folder, "standard.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(schemas, "*", SearchOption.AllDirectories))
                archive.CreateEntryFromFile(file, "standard/schema/" + Path.GetRelativePath(schemas, file).Replace('\\', '/'));
        }
        var sample = SharedData.Require(Sample);
        var fromZip = Cli.Run("validate", sample, "--ocds-schema-dir", zip, "--format", "json", "--fail-on", "none");
        var fromFolder = Cli.Run("validate", sample, "--ocds-schema-dir", schemas, "--format", "json", "--fail-on", "none");
        Assert.Equal(0, fromZip.ExitCode);
        Assert.Equal(OnlyFile(fromFolder).GetProperty("findings").GetRawText(), OnlyFile(fromZip).GetProperty("findings").GetRawText());
    }

    [SkippableFact]
    public void A_package_declaring_a_version_the_source_lacks_is_flagged_unless_the_version_is_fixed()
    {
        var schemas = SharedData.Require("ocds/schema/1.1.5");
        var package = Path.Combine(_folder, "old.json");
        File.WriteAllText(package, """{"uri":"https://example.org/p.json","version":"1.0","publishedDate":"2020-01-01T00:00:00Z","publisher":{"name":"P"},"releases":[]}""");

        var flagged = Cli.Run("validate", package, "--ocds-schema-dir", schemas, "--format", "json", "--fail-on", "none");
        Assert.Contains("OCDS0019", RuleIds(OnlyFile(flagged)));

        var fixedVersion = Cli.Run("validate", package, "--ocds-schema-dir", schemas, "--ocds-version", "1.1", "--format", "json", "--fail-on", "none");
        Assert.DoesNotContain("OCDS0019", RuleIds(OnlyFile(fixedVersion)));
    }

    [SkippableFact]
    public void A_version_the_source_does_not_hold_is_a_one_line_usage_error()
    {
        var schemas = SharedData.Require("ocds/schema/1.1.5");
        var outcome = Cli.Run("validate", SharedData.Require(Sample), "--ocds-schema-dir", schemas, "--ocds-version", "1.0");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("hold 1.1.5, not 1.0", outcome.Stderr, StringComparison.Ordinal);
        Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--ocds-version", "latest", "--ocds-version wants a version")]
    [InlineData("--ocds-schema-url", "ftp://mirror/", "--ocds-schema-url wants an http(s) URL")]
    public void Bad_values_are_usage_errors(string option, string value, string expected)
    {
        var file = Path.Combine(_folder, "x.json");
        File.WriteAllText(file, "{}");
        var outcome = Cli.Run("validate", file, option, value);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_folder_and_a_download_cannot_both_be_asked_for()
    {
        var file = Path.Combine(_folder, "x.json");
        File.WriteAllText(file, "{}");
        var outcome = Cli.Run("validate", file, "--ocds-schema-dir", _folder, "--ocds-schema-download");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("give one", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_folder_without_a_release_schema_is_a_one_line_error()
    {
        var data = Path.Combine(_folder, "data.json");
        File.WriteAllText(data, """{"version":"1.1","releases":[]}""");
        var outcome = Cli.Run("validate", data, "--ocds-schema-dir", _folder);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("holds no release-schema.json", outcome.Stderr, StringComparison.Ordinal);
        Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
