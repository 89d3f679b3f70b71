using System.Text;
using OgpData.Findings;

namespace OgpData.Reporting;

/// <summary>
/// The report for a person at a terminal: per file, its counts, then per rule the first few findings and
/// how many more there are — never a wall of repeats.
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    /// <summary>How many findings of one rule are listed before "... and N more".</summary>
    public int FindingsPerRule { get; init; } = 5;

    /// <inheritdoc />
    public void Write(ValidationReport report, Stream output)
    {
        using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var file in report.Files) WriteFile(text, file);
        WriteSummary(text, report);
    }

    private void WriteFile(TextWriter text, FileReport file)
    {
        text.WriteLine($"{file.Path} ({file.Kind}, {Plural(file.Counts.Records, "record")}): {Describe(file.Counts)}");
        if (CheckSummary.Of(file) is { } checks) text.WriteLine("  " + checks);
        foreach (var group in RuleGroup.Of(file.Findings))
        {
            text.WriteLine($"  {group.RuleId} {group.Severity.ToName()}: {group.Title} ({group.Findings.Count})");
            foreach (var finding in group.Findings.Take(FindingsPerRule))
            {
                var where = finding.Line > 0 ? $"{finding.Line}:{finding.Column}" : "-";
                var pointer = finding.Pointer.Length == 0 ? "/" : finding.Pointer;
                text.WriteLine($"    {where,-9} {pointer}");
                text.WriteLine($"              {finding.Message}");
            }
            if (group.Findings.Count > FindingsPerRule)
            {
                text.WriteLine($"    ... and {group.Findings.Count - FindingsPerRule} more");
            }
        }
        if (file.Truncated)
        {
            text.WriteLine($"  (findings capped: {file.Findings.Length} of {file.Counts.Total} listed; raise --max-errors to see more)");
        }
        text.WriteLine();
    }

    private static void WriteSummary(TextWriter text, ValidationReport report)
    {
        var errors = report.Files.Sum(f => f.Counts.Errors);
        var warnings = report.Files.Sum(f => f.Counts.Warnings);
        var infos = report.Files.Sum(f => f.Counts.Infos);
        var invalid = report.Files.Count(f => !f.Valid);
        var notChecked = report.Files.Count(f => f.SchemaNotChecked);
        text.WriteLine($"{Plural(report.Files.Length, "file")} checked, {invalid} invalid: "
            + Describe(new FindingCounts { Errors = errors, Warnings = warnings, Infos = infos })
            + (notChecked == 0 ? "" : $"; schema not checked ({(notChecked == report.Files.Length ? "every file" : Plural(notChecked, "file"))})"));
    }

    private static string Describe(FindingCounts counts) =>
        counts.Total == 0
            ? "no findings"
            : $"{Plural(counts.Errors, "error")}, {Plural(counts.Warnings, "warning")}, {Plural(counts.Infos, "info")}";

    private static string Plural(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
