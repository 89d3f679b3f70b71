using OgpData.Testing;

namespace OgpData.Cli.Tests.OcdsPublishing;

/// <summary><c>ogpdata compile</c> against ocdskit's golden outputs, and its own contract (exit codes, no partial output).</summary>
public sealed class CompileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-compile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static bool IsCompile(PeerGolden.Entry entry) => entry.Argv[0] == "compile" && entry.ExitCode == 0;

    public static TheoryData<string> CompileCases() => PeerGolden.Ids(IsCompile);

    /// <summary>The peer's arguments as ogpdata's: --schema paths from shared/, else the schema ocdskit would pick by default.</summary>
    private static List<string> Arguments(PeerGolden.Entry entry, string output, params string[] extra)
    {
        var args = new List<string> { "compile" };
        args.AddRange(entry.Inputs);
        for (var i = 1; i < entry.Argv.Length; i++)
        {
            if (entry.Argv[i] == "--schema") args.AddRange(["--schema", Path.Combine(PeerGolden.SharedRoot!, entry.Argv[++i])]);
            else args.Add(entry.Argv[i]);
        }
        if (!args.Contains("--schema"))
        {
            // ocdskit takes the 1.0.3 rules for data it sees as OCDS 1.0; those goldens say so in their id.
            args.AddRange(["--ocds-schema-dir", entry.Id.Contains("1__0__3", StringComparison.Ordinal)
                ? Path.Combine(PeerGolden.SharedRoot!, "peers/ocdskit/standard/standard-1__0__3.zip")
                : SharedData.Require("ocds/schema/1.1.5")]);
        }
        args.AddRange(["-o", output]);
        args.AddRange(extra);
        return args;
    }

    [SkippableTheory]
    [MemberData(nameof(CompileCases))]
    public void Matches_ocdskit(string id)
    {
        var entry = PeerGolden.Get(id);
        var output = Path.Combine(_folder, entry.Argv.Contains("--package") ? "out.json" : "out.jsonl");
        var outcome = Cli.Run([.. Arguments(entry, output)]);
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        PeerGolden.AssertSameValues(entry.Output, output);
    }

    [SkippableFact]
    public void Spilling_to_disk_changes_nothing()
    {
        var entry = PeerGolden.Get("all-publishers-2018.releases.compile-package");
        var output = Path.Combine(_folder, "spilled.json");
        var outcome = Cli.Run([.. Arguments(entry, output, "--buffer-size", "1", "--temp-dir", _folder)]);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"grouped on disk in [2-9]\d* run\(s\)", outcome.Stderr);
        Assert.Null(PeerGolden.FirstDifference(PeerGolden.ReadValues(entry.Output)[0], PeerGolden.ReadValues(output)[0]));
        Assert.Equal(["spilled.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [SkippableFact]
    public void A_release_without_date_among_several_is_a_finding_not_a_crash()
    {
        var input = PeerGolden.Get("edge/null-date-among-several").Inputs[0];
        var output = Path.Combine(_folder, "out.jsonl");
        var outcome = Cli.Run("compile", input, "--ocds-schema-dir", SharedData.Require("ocds/schema/1.1.5"), "-o", output);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error MERGE0001:", outcome.Stderr);
        Assert.Contains("/date)", outcome.Stderr);
        Assert.Single(File.ReadAllLines(output));
        Assert.Equal(0, Cli.Run("compile", input, "--ocds-schema-dir", SharedData.Require("ocds/schema/1.1.5"), "-o", output, "--fail-on", "none").ExitCode);
    }

    [SkippableFact]
    public void A_path_that_changes_type_is_a_finding_with_its_position()
    {
        var input = PeerGolden.Get("edge/inconsistent-type").Inputs[0];
        var output = Path.Combine(_folder, "out.jsonl");
        var outcome = Cli.Run("compile", input, "--ocds-schema-dir", SharedData.Require("ocds/schema/1.1.5"), "-o", output);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Matches(@"inconsistent-type\.input\.jsonl:2:\d+: error MERGE0002: .*\(/1/tender/x/0/id\)", outcome.Stderr);
        Assert.True(File.Exists(output));
    }

    [SkippableFact]
    public void Unusable_input_writes_nothing_and_leaves_an_existing_output_alone()
    {
        var sample = SharedData.Require("ocds/samples/armenia.release-package.json");
        var truncated = Path.Combine(_folder, "truncated.json");
        var bytes = File.ReadAllBytes(sample);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var output = Path.Combine(_folder, "records.json");
        File.WriteAllText(output, "keep me");
        var outcome = Cli.Run("compile", truncated, "--ocds-schema-dir", SharedData.Require("ocds/schema/1.1.5"), "--package", "-o", output);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("truncated.json:", outcome.Stderr);
        Assert.Equal("keep me", File.ReadAllText(output));
        Assert.Equal(2, Directory.GetFiles(_folder).Length);

        var toStdout = Cli.Run("compile", truncated, "--ocds-schema-dir", SharedData.Require("ocds/schema/1.1.5"), "-o", "-");
        Assert.Equal(2, toStdout.ExitCode);
        Assert.Equal("", toStdout.Stdout);
    }

    [SkippableFact]
    public void Dash_writes_standard_output()
    {
        var sample = SharedData.Require("ocds/samples/armenia.release-package.json");
        var outcome = Cli.Run("compile", sample, "--ocds-schema-dir", SharedData.Require("ocds/schema/1.1.5"), "-o", "-");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(100, outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_record_package_is_not_compiled()
    {
        var input = Path.Combine(_folder, "records.json");
        File.WriteAllText(input, """{"uri": "", "version": "1.1", "records": [{"ocid": "ocds-abcdef-1", "releases": []}]}""");
        var output = Path.Combine(_folder, "out.jsonl");
        var outcome = Cli.Run("compile", input, "--schema", input, "-o", output);
        Assert.Equal(2, outcome.ExitCode);
        Assert.False(File.Exists(output));
    }
}

/// <summary>What compile makes is what validate reads: the record package passes the record package schema.</summary>
public sealed class CompiledRecordPackageValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-compile-validate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void The_record_package_of_a_valid_release_package_is_valid()
    {
        var schema = SharedData.Require("ocds/schema/1.1.5");
        var input = SharedData.Require("ocds/samples/uk-contracts-finder.release-package.json");
        var output = Path.Combine(_folder, "records.json");
        var compiled = Cli.Run("compile", input, "--ocds-schema-dir", schema, "--package", "--versioned",
            "--uri", "https://example.org/records.json", "--published-date", "2024-01-01T00:00:00Z", "-o", output);
        Assert.Equal(0, compiled.ExitCode);
        var report = Cli.Run("validate", output, "--ocds-schema-dir", schema, "--format", "json");
        using var document = System.Text.Json.JsonDocument.Parse(report.Stdout);
        var file = document.RootElement.GetProperty("files")[0];
        Assert.Equal("ocds-record-package", file.GetProperty("kind").GetString());
        var findings = file.GetProperty("findings").EnumerateArray().ToList();
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() == "schema");
        // The coherence checks read the compiled releases too.
        Assert.Contains(findings, f => f.GetProperty("pointer").GetString()!.Contains("/compiledRelease/", StringComparison.Ordinal));
    }
}
