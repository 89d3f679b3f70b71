using OgpData.Testing;

namespace OgpData.Cli.Tests.EndToEnd;

/// <summary>
/// The published build (<c>OGPDATA_CLI</c>: Native AOT, or ReadyToRun without the native toolchain) against the
/// JIT-compiled command line in this process: every command, on real files, gives the same exit code, the same
/// standard output and error, and byte-identical output files. Trimming and AOT compilation change behaviour only
/// where code finds types, members or resources at run time, which no compiler warning proves absent; this is
/// where such a difference would show. Skipped unless <c>OGPDATA_CLI</c> names a published executable (.ci/run
/// sets it).
/// </summary>
public sealed partial class PublishedBuildTests : IDisposable
{
    private const string Schema = "data:ocds/schema/1.1.5";
    private readonly string _root = Directory.CreateTempSubdirectory("ogpdata-published-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// Each case's arguments: <c>repo:</c> and <c>data:</c> name files in the repository and in ../shared/data;
    /// <c>out:NAME</c> is NAME in the run's own output folder (each build writes to its own).
    /// </summary>
    private static readonly Dictionary<string, string[]> Commands = new()
    {
        ["version"] = ["--version"],
        ["help"] = ["--help"],
        ["validate-help"] = ["validate", "--help"],
        ["rules"] = ["rules"],
        ["rule-page"] = ["rules", "OGP0001"],
        ["detect"] = ["detect", "repo:samples/luxembourg-2019-2021.commitments.json", "repo:samples/luxembourg-2019-2021.commitments.csv", "data:ocds/samples/paraguay.releases.jsonl"],
        ["validate-json-text"] = ["validate", "repo:samples/flawed.commitments.json"],
        ["validate-json"] = ["validate", "repo:samples/luxembourg-2019-2021.commitments.json", "--format", "json", "--fail-on", "none"],
        ["validate-csv"] = ["validate", "repo:samples/luxembourg-2019-2021.commitments.csv", "--format", "json", "--fail-on", "none"],
        ["validate-sarif"] = ["validate", "repo:samples/flawed.commitments.json", "--format", "sarif", "-o", "out:report.sarif"],
        ["validate-html"] = ["validate", "repo:samples/flawed.commitments.json", "--format", "html", "-o", "out:report.html"],
        ["validate-xlsx"] = ["validate", "data:ocds/fixtures/flatten-tool/xlsx/dates.xlsx", "--ocds-schema-dir", Schema, "--format", "json", "--fail-on", "none"],
        ["validate-ods"] = ["validate", "data:ocds/fixtures/flatten-tool/ods/commands_defaulted.ods", "--ocds-schema-dir", Schema, "--format", "json", "--fail-on", "none"],
        ["validate-ocds-package"] = ["validate", "data:ocds/samples/colombia.release-package.json", "--ocds-schema-dir", Schema, "--format", "json", "--fail-on", "none"],
        ["validate-ocds-jsonl"] = ["validate", "data:ocds/samples/paraguay.releases.jsonl", "--ocds-schema-dir", Schema, "--format", "json", "--fail-on", "none"],
        ["validate-ocds-gz"] = ["validate", "data:ocds/large/canada-buyandsell-2014.tenders_releases.json.gz", "--ocds-schema-dir", Schema, "--format", "json", "--fail-on", "none"],
        ["validate-decp"] = ["validate", "data:decp/v2.0.3/examples/json/marches_avec_modifications.json", "--schema", "data:decp/v2.0.3/schema_decp_v2.0.3.json", "--format", "json", "--fail-on", "none"],
        ["convert-json-to-csv"] = ["convert", "repo:samples/luxembourg-2019-2021.commitments.json", "-o", "out:commitments.csv"],
        ["convert-csv-to-json"] = ["convert", "repo:samples/luxembourg-2019-2021.commitments.csv", "-o", "out:commitments.json"],
        ["convert-ocds-to-sheets"] = ["convert", "data:ocds/samples/uganda.release-package.json", "--ocds-schema-dir", Schema, "-o", "out:sheets"],
        ["convert-xlsx-to-json"] = ["convert", "data:ocds/fixtures/cove-ocds/tenders_releases_2_releases_with_metatab_version_1_1_extensions.xlsx", "--ocds-schema-dir", Schema, "-o", "out:releases.json"],
        ["convert-ods-to-json"] = ["convert", "data:ocds/fixtures/flatten-tool/ods/unicode.ods", "--ocds-schema-dir", Schema, "-o", "out:unicode.json"],
        ["convert-decp"] = ["convert", "data:decp/consolidated-tests/decp_test_2019.json", "--from", "decp", "-o", "out:decp.json"],
        ["compile"] = ["compile", "data:ocds/samples/canada-montreal.release-package.json", "--ocds-schema-dir", Schema, "--package", "-o", "out:records.json"],
        ["compile-versioned"] = ["compile", "data:ocds/samples/uganda.release-package.json", "--ocds-schema-dir", Schema, "--versioned", "-o", "out:versioned.jsonl"],
        ["upgrade"] = ["upgrade", "data:ocds/samples/canada-montreal.release-package.json", "-o", "out:upgraded.json"],
        ["package"] = ["package", "data:ocds/samples/paraguay.releases.jsonl", "--size", "50", "-o", "out:packages.jsonl"],
        ["combine"] = ["combine", "data:ocds/samples/uganda.release-package.json", "data:ocds/samples/taiwan.release-package.json", "-o", "out:combined.json"],
        ["split"] = ["split", "data:ocds/samples/colombia.release-package.json", "--size", "7", "-o", "out:split"],
    };

    public static TheoryData<string> Cases() => new(Commands.Keys);

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void The_published_build_does_what_the_command_line_does(string name)
    {
        var executable = Cli.PublishedExecutable;
        Skip.If(executable is null, "OGPDATA_CLI is not set: there is no published build to compare (.ci/run sets it).");

        var inProcess = Path.Combine(_root, "in-process");
        var published = Path.Combine(_root, "published");
        Directory.CreateDirectory(inProcess);
        Directory.CreateDirectory(published);
        var expected = Cli.RunInProcess(Arguments(name, inProcess));
        var actual = Cli.RunPublished(executable!, Arguments(name, published));

        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(expected.Stdout.Replace(inProcess, "OUT", StringComparison.Ordinal), actual.Stdout.Replace(published, "OUT", StringComparison.Ordinal));
        Assert.Equal(expected.Stderr.Replace(inProcess, "OUT", StringComparison.Ordinal), actual.Stderr.Replace(published, "OUT", StringComparison.Ordinal));
        var written = Files(inProcess);
        Assert.Equal(written, Files(published));
        foreach (var file in written)
        {
            var want = WithoutRunTime(file, File.ReadAllBytes(Path.Combine(inProcess, file)));
            var got = WithoutRunTime(file, File.ReadAllBytes(Path.Combine(published, file)));
            var at = want.AsSpan().CommonPrefixLength(got);
            Assert.True(at == want.Length && at == got.Length,
                $"{file} differs between the two builds at byte {at}: in-process '{Around(want, at)}', published '{Around(got, at)}'");
        }
        Assert.True(written.Count > 0 || expected.Stdout.Length > 0 || expected.Stderr.Length > 0, "the command wrote nothing to compare");
    }

    /// <summary>The DECP conversion dates its package at the time of the run (the two runs may straddle a second).</summary>
    private static byte[] WithoutRunTime(string file, byte[] bytes) => !file.EndsWith(".json", StringComparison.Ordinal) ? bytes : System.Text.Encoding.UTF8.GetBytes(RunTime().Replace(
        System.Text.Encoding.UTF8.GetString(bytes), "\"publishedDate\": \"RUN TIME\""));

    [System.Text.RegularExpressions.GeneratedRegex("\"publishedDate\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"")]
    private static partial System.Text.RegularExpressions.Regex RunTime();

    private static string Around(byte[] bytes, int at)
    {
        var start = Math.Max(0, at - 60);
        return System.Text.Encoding.UTF8.GetString(bytes, start, Math.Min(bytes.Length, at + 60) - start);
    }

    private static string[] Arguments(string name, string output) =>
        [.. Commands[name].Select(argument => argument switch
        {
            _ when argument.StartsWith("repo:", StringComparison.Ordinal) => SharedData.InRepo(argument[5..]),
            _ when argument.StartsWith("data:", StringComparison.Ordinal) => SharedData.Require(argument[5..]),
            _ when argument.StartsWith("out:", StringComparison.Ordinal) => Path.Combine(output, argument[4..]),
            _ => argument,
        })];

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(folder, file)).Order(StringComparer.Ordinal)];
}
