using OgpData.Findings;

namespace OgpData.Csv;

/// <summary>
/// The rule ids of problems met while converting between spreadsheets and JSON. Proposed for the
/// catalogue; until the lead adds them to <see cref="RuleIds"/> they live here as constants.
/// </summary>
public static class CsvRuleIds
{
    /// <summary>A row has more or fewer cells than the header line.</summary>
    public const string RaggedRow = "CSV0001";
    /// <summary>Two rows describe the same object and disagree on a value (first value wins).</summary>
    public const string MergeConflict = "CSV0002";
    /// <summary>A cell cannot be read as the type its column has (number, integer, boolean): kept as text.</summary>
    public const string CellTypeMismatch = "CSV0003";
    /// <summary>A header cannot be read as a path (empty segment, array index on an object, ...): column ignored.</summary>
    public const string BadHeader = "CSV0004";
    /// <summary>A JSON value has no cell form (null, empty string, empty array or object, array of arrays,
    /// mixed array, a key with <c>/</c>): kept beside the sheets, or dropped where there is no such place.</summary>
    public const string NotRepresentable = "CSV0005";
    /// <summary>Two objects share the key the spreadsheet merges rows by; read back, they become one.</summary>
    public const string DuplicateKey = "CSV0006";
    /// <summary>The rows of one object are not contiguous (or a child sheet is not in the main sheet's order):
    /// the late rows become a separate object.</summary>
    public const string RowsOutOfOrder = "CSV0007";
    /// <summary>The input is not the expected shape (no header, not a package, base without an action plan).</summary>
    public const string BadInput = "CSV0008";
    /// <summary>A value kept beside the sheets could not be put back (the sheets were edited since).</summary>
    public const string ResidueNotApplied = "CSV0009";
    /// <summary>A cell's quotes are not balanced (a quote inside an unquoted cell, or a quoted cell never closed): read as it stands.</summary>
    public const string BadQuotes = "CSV0010";
}

/// <summary>
/// A problem met while converting a spreadsheet: which rule, where (sheet, spreadsheet row, column header,
/// file line), and why. Convertible to a <see cref="Finding"/> for reports.
/// </summary>
public sealed record CsvProblem
{
    /// <summary>A <see cref="CsvRuleIds"/> constant, or a catalogue id such as <c>OGP0007</c>.</summary>
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
