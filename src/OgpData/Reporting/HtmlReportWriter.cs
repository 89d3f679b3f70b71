using System.Net;
using System.Text;
using OgpData.Findings;

namespace OgpData.Reporting;

/// <summary>
/// One self-contained HTML page for a person: the totals, a bar per rule showing where the problems
/// are, then per file the checks that ran and the findings grouped by rule with their line, column and pointer,
/// each rule linked to its documentation when a documentation address was configured. No script and no external resource, so it opens anywhere and can be attached to a ticket.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <summary>How many findings of one rule in one file are listed in full.</summary>
    public int FindingsPerRule { get; init; } = 200;

    /// <inheritdoc />
    public void Write(ValidationReport report, Stream output)
    {
        using var html = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var all = report.Files.SelectMany(f => f.Findings).ToList();
        var errors = report.Files.Sum(f => f.Counts.Errors);
        var warnings = report.Files.Sum(f => f.Counts.Warnings);
        var infos = report.Files.Sum(f => f.Counts.Infos);

        html.WriteLine("<!DOCTYPE html>");
        html.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.WriteLine($"<title>{E(report.ToolName)} validation report</title>");
        html.WriteLine("<style>" + Css + "</style></head><body>");
        html.WriteLine($"<header><h1>Validation report</h1><p class=\"muted\">{E(report.ToolName)} {E(report.ToolVersion)} · {report.Files.Length} file(s)</p></header>");

        html.WriteLine("<section class=\"totals\">");
        Tile(html, "error", errors, "errors");
        Tile(html, "warning", warnings, "warnings");
        Tile(html, "info", infos, "infos");
        Tile(html, "files", report.Files.Count(f => !f.Valid), "invalid files");
        html.WriteLine("</section>");

        var byRule = RuleGroup.Of(all);
        if (byRule.Count > 0)
        {
            var widest = byRule.Max(g => g.Findings.Count);
            html.WriteLine("<section><h2>Findings by rule</h2><table class=\"bars\">");
            foreach (var group in byRule)
            {
                var width = Math.Max(1, (int)Math.Round(100.0 * group.Findings.Count / widest));
                html.WriteLine($"<tr><td class=\"rule\">{RuleLink(group)}</td><td>{E(group.Title)}</td>"
                    + $"<td class=\"bar\"><span class=\"{SeverityClass(group.Severity)}\" style=\"width:{width}%\"></span></td>"
                    + $"<td class=\"num\">{group.Findings.Count}</td></tr>");
            }
            html.WriteLine("</table></section>");
        }

        if (report.Files.Length > 1) WriteFileList(html, report);
        for (var i = 0; i < report.Files.Length; i++) WriteFile(html, report.Files[i], i);
        html.WriteLine("</body></html>");
    }

    // With several files, one line each first: which to open, and how bad each is.
    private static void WriteFileList(TextWriter html, ValidationReport report)
    {
        html.WriteLine("<section><h2>Files</h2><table><thead><tr><th>File</th><th>Kind</th><th class=\"num\">Records</th>"
            + "<th class=\"num\">Errors</th><th class=\"num\">Warnings</th><th class=\"num\">Infos</th></tr></thead><tbody>");
        for (var i = 0; i < report.Files.Length; i++)
        {
            var file = report.Files[i];
            var state = file.Valid ? "ok" : "bad";
            html.WriteLine($"<tr><td><a class=\"{state}\" href=\"#file-{i}\">{E(file.Path)}</a></td><td>{E(file.Kind)}</td>"
                + $"<td class=\"num\">{file.Counts.Records}</td><td class=\"num\">{file.Counts.Errors}</td>"
                + $"<td class=\"num\">{file.Counts.Warnings}</td><td class=\"num\">{file.Counts.Infos}</td></tr>");
        }
        html.WriteLine("</tbody></table></section>");
    }

    private void WriteFile(TextWriter html, FileReport file, int index)
    {
        var state = file.Valid ? "<span class=\"ok\">valid</span>" : "<span class=\"bad\">invalid</span>";
        html.WriteLine($"<section class=\"file\" id=\"file-{index}\"><h2>{E(file.Path)} {state}</h2>");
        html.WriteLine($"<p class=\"muted\">{E(file.Kind)} · {file.Counts.Records} record(s) · {file.Counts.Errors} error(s), "
            + $"{file.Counts.Warnings} warning(s), {file.Counts.Infos} info(s)</p>");
        if (CheckSummary.Of(file) is { } checks)
        {
            html.WriteLine($"<p class=\"{(file.Checks.Any(c => !c.Ran) ? "checks partial" : "checks")}\">{E(checks)}</p>");
        }
        if (file.Truncated)
        {
            html.WriteLine($"<p class=\"muted\">Only the first {file.Findings.Length} of {file.Counts.Total} findings are listed (--max-errors).</p>");
        }
        foreach (var group in RuleGroup.Of(file.Findings))
        {
            html.WriteLine($"<details open><summary><span class=\"pill {SeverityClass(group.Severity)}\">{E(group.Severity.ToName())}</span> "
                + $"{RuleLink(group)} {E(group.Title)} <span class=\"muted\">({group.Findings.Count})</span></summary>");
            html.WriteLine("<table><thead><tr><th>Line</th><th>Col</th><th>Where</th><th>Message</th></tr></thead><tbody>");
            foreach (var finding in group.Findings.Take(FindingsPerRule))
            {
                var cues = finding.Cues is { Count: > 0 } c ? $"<div class=\"muted\">words: {E(string.Join(", ", c))}</div>" : "";
                html.WriteLine($"<tr><td class=\"num\">{(finding.Line > 0 ? finding.Line : "")}</td>"
                    + $"<td class=\"num\">{(finding.Column > 0 ? finding.Column : "")}</td>"
                    + $"<td><code>{E(finding.Pointer.Length == 0 ? "/" : finding.Pointer)}</code></td>"
                    + $"<td>{E(finding.Message)}{cues}</td></tr>");
            }
            if (group.Findings.Count > FindingsPerRule)
            {
                html.WriteLine($"<tr><td colspan=\"4\" class=\"muted\">... and {group.Findings.Count - FindingsPerRule} more</td></tr>");
            }
            html.WriteLine("</tbody></table></details>");
        }
        if (file.Findings.Length == 0) html.WriteLine("<p>Nothing to fix.</p>");
        html.WriteLine("</section>");
    }

    private static void Tile(TextWriter html, string css, long count, string label) =>
        html.WriteLine($"<div class=\"tile {css}\"><strong>{count}</strong><span>{E(label)}</span></div>");

    private static string RuleLink(RuleGroup group) =>
        group.Rule?.HelpUri is { } help ? $"<a href=\"{E(help)}\"><code>{E(group.RuleId)}</code></a>" : $"<code>{E(group.RuleId)}</code>";

    private static string SeverityClass(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:1.5rem;color:#1d2430}
        h1{margin:0}h2{font-size:1.15rem;margin:1.6rem 0 .4rem}.muted{color:#687385}
        .totals{display:flex;gap:.8rem;margin:1rem 0}.tile{flex:1;border-radius:8px;padding:.8rem 1rem;background:#f3f5f8}
        .tile strong{display:block;font-size:1.8rem}.tile.error strong{color:#b42318}.tile.warning strong{color:#b54708}.tile.info strong{color:#175cd3}
        table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e4e7ec;vertical-align:top}
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}code{font-size:.85em;word-break:break-all}
        .bars td.bar{width:40%}.bars span{display:block;height:.8rem;border-radius:3px}
        span.error{background:#d92d20}span.warning{background:#f79009}span.info{background:#2e90fa}
        .pill{color:#fff;border-radius:999px;padding:0 .5rem;font-size:.8em;display:inline-block;height:auto}
        details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}.ok{color:#067647}.bad{color:#b42318}
        .checks{color:#687385}.checks.partial{color:#b54708}
        a{color:#175cd3}td.rule code,summary code{white-space:nowrap;word-break:normal}th.num{text-align:right}
        """;
}
