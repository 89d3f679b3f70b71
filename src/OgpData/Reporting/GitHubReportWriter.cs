using System.Text;
using OgpData.Findings;

namespace OgpData.Reporting;

/// <summary>
/// GitHub Actions workflow commands: one <c>::error file=...,line=...,col=...,title=...::message</c> line per
/// finding, which the runner turns into annotations on the pull request.
/// </summary>
public sealed class GitHubReportWriter : IReportWriter
{
    /// <inheritdoc />
    public void Write(ValidationReport report, Stream output)
    {
        using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var file in report.Files)
        {
            foreach (var finding in file.Findings)
            {
                var command = finding.Severity switch
                {
                    Severity.Error => "error",
                    Severity.Warning => "warning",
                    _ => "notice",
                };
                var properties = new StringBuilder("file=").Append(EscapeProperty(file.Path.Replace('\\', '/')));
                if (finding.Line > 0)
                {
                    properties.Append(",line=").Append(finding.Line);
                    if (finding.Column > 0) properties.Append(",col=").Append(finding.Column);
                }
                properties.Append(",title=").Append(EscapeProperty(finding.RuleId));
                var pointer = finding.Pointer.Length == 0 ? "" : $" ({finding.Pointer})";
                text.WriteLine($"::{command} {properties}::{EscapeData(finding.Message + pointer)}");
            }
        }
    }

    // The runner's escaping rules: data escapes %, CR and LF; properties also escape ':' and ','.
    private static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
