using OgpData.Findings;

namespace OgpData.Csv;

/// <summary>
/// A problem met while converting a spreadsheet: which rule, where (sheet, spreadsheet row, column header,
/// file line), and why. Convertible to a <see cref="Finding"/> for reports.
/// </summary>
public sealed record CsvProblem
{
    /// <summary>A catalogue id: one of the <c>CSV</c> rules (<see cref="RuleIds.CsvRaggedRow"/>, ...), or another such as <c>OGP0007</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>How serious the problem is.</summary>
    public required Severity Severity { get; init; }

    /// <summary>What is wrong, naming the row and column.</summary>
    public required string Message { get; init; }

    /// <summary>The sheet (file name without extension, <c>releases</c>, <c>awards</c>), or null for a single sheet.</summary>
    public string? Sheet { get; init; }

    /// <summary>The spreadsheet row (the header is row 1), or 0 when the problem is not about a row.</summary>
    public int Row { get; init; }

    /// <summary>The column header, or null when the problem is about a whole row or file.</summary>
    public string? Column { get; init; }

    /// <summary>The 1-based line in the file where the row starts (differs from <see cref="Row"/> after quoted newlines), or 0.</summary>
    public int Line { get; init; }

    /// <summary>A JSON Pointer into the JSON side, when known.</summary>
    public string Pointer { get; init; } = "";

    /// <summary>The offending cell text or value, when it helps.</summary>
    public string? Value { get; init; }

    /// <summary>The problem as a report finding (line from <see cref="Line"/>, pointer from <see cref="Pointer"/>).</summary>
    public Finding ToFinding() => new()
    {
        RuleId = RuleId,
        Severity = Severity,
        Pointer = Pointer,
        Message = Message,
        Line = Line,
        Value = Value,
    };

    /// <summary>"sheet awards, row 4, column awards/0/id" — the place, for messages.</summary>
    internal static string Place(string? sheet, int row, string? column)
    {
        var place = sheet is null ? "" : $"sheet {sheet}, ";
        place += $"row {row}";
        return column is null ? place : place + $", column {column}";
    }
}
