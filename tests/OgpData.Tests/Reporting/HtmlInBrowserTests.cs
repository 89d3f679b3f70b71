using System.Diagnostics;
using System.Text.RegularExpressions;
using OgpData.Reporting;

namespace OgpData.Tests.Reporting;

/// <summary>
/// The HTML report as a browser sees it: headless Chromium loads the page from disk, with the network off, and
/// the DOM it ends with must hold what the analyst reads. Needs Chromium (Debian's <c>chromium</c> package); the
/// test is skipped, saying so, where it is not installed.
/// </summary>
public sealed class HtmlInBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void Chromium_renders_the_summary_the_files_and_every_rule_group_without_a_script()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium); the HTML report was not rendered.");
        var report = ReportWriterTests.Sample();
        var page = Path.Combine(_folder, "report.html");
        using (var file = File.Create(page)) ReportWriters.For(ReportFormat.Html).Write(report, file);

        var dom = DumpDom(page);

        Assert.Contains("<h1>Validation report</h1>", dom, StringComparison.Ordinal);
        Assert.Contains("Findings by rule", dom, StringComparison.Ordinal);
        // One bar per rule, one line per file, one collapsible group per rule of each file.
        Assert.Equal(4, Regex.Matches(dom, "<td class=\"rule\">").Count);
        Assert.Equal(3, Regex.Matches(dom, "href=\"#file-\\d\"").Count);
        Assert.Equal(4, Regex.Matches(dom, "<details open=\"\">").Count);
        // Under each file's heading, the checks that ran; the one whose schema was not checked says so.
        Assert.Equal(3, Regex.Matches(dom, "<p class=\"checks").Count);
        Assert.Contains("not checked: schema, schemaRules", dom, StringComparison.Ordinal);
        // The message with markup in it stays text: no element was made of it.
        Assert.Contains("&lt;script&gt;", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
    }

    private string DumpDom(string page)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + Path.Combine(_folder, "profile"), "--dump-dom",
            new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync(); // Chromium's own chatter (no D-Bus here) is not the page's
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not render the page within a minute.");
        }
        Assert.Equal(0, process.ExitCode);
        return stdout.Result;
    }
}
