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

    /// <summary>The 1-based column of the cell in a workbook (A = 1), or 0 (a CSV names its column by header only).</summary>
    public int ColumnNumber { get; init; }

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
        Column = ColumnNumber,
        Value = Value,
    };

    /// <summary>
    /// "sheet awards, row 4, column awards/0/id" — the place, for messages; in a workbook (a column number is
    /// known) "awards!C4 (awards/0/id)", the address a spreadsheet program's name box takes.
    /// </summary>
    internal static string Place(string? sheet, int row, string? column, int columnNumber = 0)
    {
        if (columnNumber > 0)
        {
            var cell = CellAddress(sheet, row, columnNumber);
            return column is null ? cell : $"{cell} ({column})";
        }
        var place = sheet is null ? "" : $"sheet {sheet}, ";
        place += $"row {row}";
        return column is null ? place : place + $", column {column}";
    }

    /// <summary><c>awards!C4</c>: the sheet (quoted when it holds other than letters, digits and <c>_</c>), the column letters, the row.</summary>
    internal static string CellAddress(string? sheet, int row, int columnNumber)
    {
        var letters = "";
        for (var n = columnNumber; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        if (sheet is null) return letters + row;
        var plain = sheet.Length > 0 && !char.IsAsciiDigit(sheet[0]) && sheet.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return (plain ? sheet : "'" + sheet.Replace("'", "''") + "'") + "!" + letters + row;
    }
}
