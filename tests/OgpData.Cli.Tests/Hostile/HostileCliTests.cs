using OgpData.Testing;
using System.Text;

namespace OgpData.Cli.Tests.Hostile;

/// <summary>
/// <c>ogpdata validate</c> on the worst files there are: exit code 1 with findings or 2 with one line on stderr,
/// never a stack trace. Inputs are generated into a temporary folder.
/// </summary>
public sealed class HostileCliTests : HostileFiles
{
    /// <summary>Runs validate and checks the contract for unreadable input: exit 2, one line, no trace.</summary>
    private static string Refused(params string[] args)
    {
        var outcome = Cli.Run(["validate", .. args]);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        NoTrace(outcome);
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("ogpdata: ", lines[0], StringComparison.Ordinal);
        return lines[0];
    }

    /// <summary>Runs validate on input that is readable but wrong: exit 1 and a report, nothing on stderr.</summary>
    private static string Reported(params string[] args)
    {
        var outcome = Cli.Run(["validate", .. args]);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        NoTrace(outcome);
        return outcome.Stdout;
    }

    private static void NoTrace(Cli.Outcome outcome)
    {
        foreach (var text in new[] { outcome.Stdout, outcome.Stderr })
        {
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Deep_nesting_is_refused_naming_the_place_and_the_option()
    {
        var package = Write("deep.json", Package.Replace("\"title\": \"Données ouvertes\"", "\"title\": \"Données ouvertes\", \"x\": " + Nest(Deep)));
        Assert.Matches(@"deep\.json:1:\d+: objects and arrays are nested deeper than 256 levels, the maximum depth; raise it with --max-depth N", Refused(package));
        var release = Write("deep-release.json", ReleasePackage.Replace("\"tender\": {", "\"tender\": {\"x\": " + Nest(Deep) + ","));
        Assert.Contains("nested deeper than 256 levels", Refused(release), StringComparison.Ordinal);
        var objects = Write("deep-objects.json", string.Concat(Enumerable.Repeat("{\"a\":", Deep)) + "1" + new string('}', Deep));
        Assert.Contains("nested deeper than 256 levels", Refused(objects), StringComparison.Ordinal);

        var raised = Write("raised.json", Package.Replace("\"version\": \"1.0\"", "\"version\": \"1.0\", \"x\": " + Nest(300)));
        Assert.Contains("nested deeper than 256 levels", Refused(raised), StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run("validate", raised, "--max-depth", "400").ExitCode);
        Assert.Equal("ogpdata: --max-depth is at most 512, not 100000.", Refused(raised, "--max-depth", "100000"));
    }

    [Fact]
    public void Invalid_utf8_is_refused_in_a_package_and_reported_in_ocds()
    {
        var bytes = Encoding.UTF8.GetBytes(Package.Replace("Données", "Donn\u0001es")).Select(b => b == 1 ? (byte)0xFF : b).ToArray();
        Assert.Matches(@"not valid UTF-8 at byte \d+", Refused(Write("bad.json", bytes)));
        var release = Encoding.UTF8.GetBytes(ReleasePackage.Replace("\"T1\"", "\"T\u0001\"")).Select(b => b == 1 ? (byte)0xC3 : b).ToArray();
        Assert.Contains("OCDS0018", Reported(Write("bad-release.json", release)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_read_like_its_absence()
    {
        var marked = Cli.Run("validate", Write("bom.json", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Package)]));
        var plain = Cli.Run("validate", Write("plain.json", Package));
        Assert.Equal(plain.ExitCode, marked.ExitCode);
        Assert.Equal(plain.Stdout.Replace("plain.json", "bom.json"), marked.Stdout);
        Assert.Equal(0, Cli.Run("validate", Write("bom-release.json", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ReleasePackage)])).ExitCode);
    }

    [Fact]
    public void A_truncated_file_names_the_line_and_column_of_the_cut()
    {
        var cut = Write("cut.json", "{\"version\": \"1.0\",\n\"actionPlans\": [{\"id\": \"X\",\n\"comm");
        Assert.Equal($"ogpdata: {cut}:3:6: not well-formed JSON: the text ends inside the string opened at line 3, column 1", Refused(cut));
        var release = Write("cut-release.json", "{\"releases\": [{\"ocid\": \"ocds-213czf-1\", \"id\": \"1\",\n\"date\": \"20");
        Assert.StartsWith($"ogpdata: {release}:2:", Refused(release), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        Assert.Equal($"ogpdata: {Path.Combine(Folder, "empty.json")}: the file is empty; a JSON document or a CSV sheet was expected.", Refused(Write("empty.json", "")));
    }

    [Fact]
    public void A_60_MB_string_is_validated_and_the_string_limit_names_its_option()
    {
        var path = Write("long.json", Package.Replace("Données ouvertes", new string('d', 60_000_000)));
        Assert.Equal(0, Cli.Run("validate", path).ExitCode);
        var longish = Write("longish.json", Package.Replace("Données ouvertes", new string('d', 2_000)));
        Assert.Contains("the maximum string length; raise it with --max-string-length N", Refused(longish, "--max-string-length", "1000"), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_a_json0001_finding()
    {
        var path = Write("dup.json", Package.Replace("\"version\": \"1.0\",", "\"version\": \"1.0\", \"version\": \"2.0\","));
        var report = Reported(path, "--format", "json");
        Assert.Contains("\"ruleId\": \"JSON0001\"", report, StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run("validate", path, "--rules", "JSON0001=warning").ExitCode);
    }

    [Fact]
    public void Numbers_beyond_double_are_validated()
    {
        Assert.Equal(0, Cli.Run("validate", Write("n.json", Package.Replace("\"version\": \"1.0\"", "\"version\": \"1.0\", \"x\": [1e400, -1e400, -0]"))).ExitCode);
        var release = Cli.Run("validate", Write("n-release.json", ReleasePackage.Replace("\"amount\": 10", "\"amount\": 1e400")));
        Assert.Equal(0, release.ExitCode);
        NoTrace(release);
    }

    [Fact]
    public void A_ragged_sheet_names_the_row()
    {
        var path = Write("ragged.csv", "id,title,milestones/0/id\nC1,Un\nC2,Deux,M1,oublié\n");
        Assert.Equal($"ogpdata: {path}:3:12: not a commitments sheet: row 3 has a value in column 4, beyond the 3 columns of the header row", Refused(path));
    }

    [Fact]
    public void The_file_size_limit_names_its_option_and_reads_sizes_with_units()
    {
        // The padding comes last: the kind of a file is told from its first megabyte.
        var path = Write("big.json", Package.TrimEnd()[..^1] + ", \"pad\": \"" + new string(' ', 3_000_000) + "\"}");
        Assert.Contains("larger than 2,097,152 bytes (3,", Refused(path, "--max-file-size", "2MB"), StringComparison.Ordinal);
        Assert.Contains("raise it with --max-file-size SIZE", Refused(path, "--max-file-size=1k"), StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run("validate", path, "--max-file-size", "1GB").ExitCode);
        Assert.Equal("ogpdata: --max-file-size wants a size such as 500MB, 2GB or 1048576 (bytes), not 'lots'.", Refused(path, "--max-file-size", "lots"));
    }

    [Fact]
    public void A_schema_with_a_remote_ref_or_a_catastrophic_pattern_answers_in_bounded_time()
    {
        var remote = Write("remote.schema.json", "{\"$ref\": \"https://127.0.0.1:9/never.json\"}");
        Assert.Contains("never fetched", Refused(Write("a.json", "{}"), "--schema", remote), StringComparison.Ordinal);

        var cycle = Write("cycle.schema.json", "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"$ref\": \"#/$defs/a\"}}, \"$ref\": \"#/$defs/a\"}");
        Assert.Contains("$ref cycle", Reported(Write("b.json", "{}"), "--schema", cycle), StringComparison.Ordinal);

        var evil = Write("evil.schema.json", "{\"properties\": {\"a\": {\"pattern\": \"^(a+)+$\"}}}");
        // Matched in linear time: the answer comes, and it is the right one (no wall clock asserted).
        Assert.Contains("pattern", Reported(Write("c.json", "{\"a\": \"" + new string('a', 30_000) + "!\"}"), "--schema", evil), StringComparison.Ordinal);
    }
}
