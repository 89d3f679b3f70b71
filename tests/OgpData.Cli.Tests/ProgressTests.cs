using OgpData.Testing;

namespace OgpData.Cli.Tests;

/// <summary>The status line on standard error: drawn only when asked (a terminal), erased before the report, never on stdout.</summary>
public sealed class ProgressTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-cli-progress-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Stdout, string Stderr) Run(bool terminal, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var progress = new Progress(stderr, enabled: terminal, redrawEvery: TimeSpan.Zero);
        var code = CommandLine.RunAsync(args, stdout, stderr, progress: progress).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string[] TwoFiles()
    {
        var sample = SharedData.Require("ocds/samples/uk-contracts-finder.release-package.json");
        var first = Path.Combine(_folder, "a.json");
        var second = Path.Combine(_folder, "b.json");
        File.Copy(sample, first);
        File.Copy(sample, second);
        return [first, second];
    }

    [SkippableFact]
    public void At_a_terminal_each_file_is_shown_with_how_much_is_read_and_the_line_is_erased_at_the_end()
    {
        var files = TwoFiles();
        var (code, stdout, stderr) = Run(true, ["validate", .. files, "--format", "json", "--fail-on", "none"]);
        Assert.Equal(0, code);
        Assert.Contains("ogpdata: file 1 of 2, a.json", stderr, StringComparison.Ordinal);
        Assert.Contains("ogpdata: file 2 of 2, b.json", stderr, StringComparison.Ordinal);
        Assert.Contains("100% of", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', stderr);
        // Erased: the last thing written is a carriage return after blanks.
        Assert.EndsWith(" \r", stderr, StringComparison.Ordinal);
        // Stdout holds the report alone.
        Assert.StartsWith("{", stdout.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("ogpdata: file", stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Without_a_terminal_nothing_is_written_to_stderr()
    {
        var files = TwoFiles();
        var (code, _, stderr) = Run(false, ["validate", .. files, "--format", "json", "--fail-on", "none"]);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void An_error_line_starts_on_a_clean_line_after_the_progress()
    {
        var broken = Path.Combine(_folder, "broken.json");
        File.WriteAllText(broken, "{\"releases\": [ {\"ocid\": ");
        var (code, stdout, stderr) = Run(true, "validate", broken);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var lastLine = stderr.Split('\r')[^1];
        Assert.StartsWith("ogpdata: ", lastLine, StringComparison.Ordinal);
        Assert.EndsWith("\n", lastLine, StringComparison.Ordinal);
    }
}
