namespace OgpData.Reporting;

/// <summary>Turns a validation report into one output format.</summary>
public interface IReportWriter
{
    /// <summary>Writes the whole report to <paramref name="output"/> (UTF-8, no BOM).</summary>
    void Write(ValidationReport report, Stream output);
}

/// <summary>The output formats of <c>ogpdata validate --format</c>.</summary>
public enum ReportFormat
{
    /// <summary>For people at a terminal: grouped by file and rule, with counts.</summary>
    Text,
    /// <summary>The JSON report of DESIGN.md section 7.</summary>
    Json,
    /// <summary>SARIF 2.1.0, for code-scanning services.</summary>
    Sarif,
    /// <summary>GitHub Actions workflow commands (<c>::error file=...</c>).</summary>
    GitHub,
    /// <summary>One self-contained HTML page.</summary>
    Html,
}

/// <summary>Finds the writer of a format.</summary>
public static class ReportWriters
{
    /// <summary>The writer for <paramref name="format"/>.</summary>
    public static IReportWriter For(ReportFormat format) => format switch
    {
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Sarif => new SarifReportWriter(),
        ReportFormat.GitHub => new GitHubReportWriter(),
        ReportFormat.Html => new HtmlReportWriter(),
        _ => new TextReportWriter(),
    };

    /// <summary>Reads a format name as given on the command line (<c>text</c>, <c>json</c>, <c>sarif</c>, <c>github</c>, <c>html</c>).</summary>
    public static bool TryParse(string? name, out ReportFormat format)
    {
        switch (name?.ToLowerInvariant())
        {
            case "text": format = ReportFormat.Text; return true;
            case "json": format = ReportFormat.Json; return true;
            case "sarif": format = ReportFormat.Sarif; return true;
            case "github": format = ReportFormat.GitHub; return true;
            case "html": format = ReportFormat.Html; return true;
            default: format = ReportFormat.Text; return false;
        }
    }
}
