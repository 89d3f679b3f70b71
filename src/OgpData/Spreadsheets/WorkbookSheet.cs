using OgpData.Csv;
using OgpData.Findings;

namespace OgpData.Spreadsheets;

/// <summary>One cell as a workbook holds it: its 0-based column, its text as the sheets read it, and whether a formula gave it.</summary>
internal readonly record struct WorkbookCell(int Column, string Text, bool Formula);

/// <summary>
/// The rows of one worksheet as an <see cref="ISheetSource"/>: the format's reader gives raw rows of typed cells
/// already turned to text (dates as ISO dates, numbers in invariant form, booleans as <c>true</c>/<c>false</c>);
/// this class applies what is the same for every workbook format — flatten-tool's <c>#</c> commands in the
/// first row, the header row, blank rows, cells beyond the header, formulas — so that an <c>.xlsx</c> and an
/// <c>.ods</c> holding the same table read the same.
/// </summary>
internal abstract class WorkbookSheet : ISheetSource
{
    private readonly List<CsvProblem> _problems;
    private readonly List<WorkbookCell> _cells = [];
    private int _dataStart;

    protected WorkbookSheet(string sheet, List<CsvProblem> problems)
    {
        Sheet = sheet;
        _problems = problems;
    }

    /// <inheritdoc/>
    public string? Sheet { get; }

    /// <inheritdoc/>
    public string[] Headers { get; private set; } = [];

    /// <inheritdoc/>
    public bool NamesCells => true;

    /// <summary>The spreadsheet row of the header (1 unless <c>#</c> commands or blank rows put it lower).</summary>
    public int HeaderRow { get; private set; }

    /// <summary>True when the sheet's <c>#</c> row says <c>ignore</c>: it is not data.</summary>
    public bool Ignored { get; private set; }

    /// <summary>The flatten-tool commands read from the sheet's first row (<c>#</c> in A1), lower-cased.</summary>
    public IReadOnlyList<string> Commands { get; private set; } = [];

    /// <summary>Reads the next raw row: its 1-based number and its non-empty cells in column order. False at the end.</summary>
    protected abstract bool NextRawRow(List<WorkbookCell> cells, out int rowNumber);

    /// <summary>
    /// Reads the commands row, if any, and the header row; a subclass calls it once its reader is ready.
    /// <paramref name="defaults"/> are the metatab's commands, which a sheet's own <c>#</c> row replaces.
    /// </summary>
    protected void ReadHeader(IReadOnlyList<string> defaults)
    {
        Commands = defaults;
        if (!NextRawRow(_cells, out var number)) return;
        var hasOwn = _cells.Count > 0 && _cells[0].Column == 0 && _cells[0].Text.Trim() == "#";
        // A sheet's own commands replace the metatab's, as in flatten-tool.
        if (hasOwn) Commands = ReadCommands(_cells);
        if (Commands.Count > 0)
        {
            var commands = Commands;
            var skip = 0;
            var headerRows = 1;
            foreach (var command in commands)
            {
                var parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts is ["ignore"]) Ignored = true;
                else if (parts is ["skiprows", var n] && int.TryParse(n, out var s) && s >= 0) skip = s;
                else if (parts is ["headerrows", var h] && int.TryParse(h, out var r) && r >= 1) headerRows = r;
            }
            // skipRows counts rows after the commands row (or from the top, for the metatab's defaults), blank rows
            // included; the header is the row after them, and the other header rows (titles for people) are not data.
            var headerRow = (hasOwn ? number + 1 : 1) + skip;
            while (number < headerRow)
            {
                if (!NextRawRow(_cells, out number)) return;
            }
            _dataStart = number + headerRows;
        }
        HeaderRow = number;
        var width = 0;
        foreach (var cell in _cells) width = Math.Max(width, cell.Column + 1);
        var headers = new string[width];
        Array.Fill(headers, "");
        var hashComments = Commands.Contains("hashcomments");
        foreach (var cell in _cells)
        {
            var header = cell.Text.Trim();
            // With hashcomments, a column whose header starts with '#' is a note for people, not data.
            headers[cell.Column] = hashComments && header.StartsWith('#') ? "" : header;
        }
        while (width > 0 && headers[width - 1].Length == 0) width--;
        Headers = width == headers.Length ? headers : headers[..width];
    }

    /// <summary>The commands of a <c>#</c> row (its cells after the first), lower-cased.</summary>
    internal static List<string> ReadCommands(List<WorkbookCell> row)
    {
        var commands = new List<string>();
        for (var i = 1; i < row.Count; i++)
        {
            if (row[i].Text.Trim() is { Length: > 0 } command) commands.Add(command.ToLowerInvariant());
        }
        return commands;
    }

    /// <summary>Reads the next raw row, cells and all, for sheets that are not tables (the metatab).</summary>
    internal bool ReadRaw(List<WorkbookCell> row, out int rowNumber) => NextRawRow(row, out rowNumber);

    /// <inheritdoc/>
    public bool Read(out CsvRow row)
    {
        while (NextRawRow(_cells, out var number))
        {
            if (number < _dataStart) continue;
            var values = new string[Headers.Length];
            var blank = true;
            foreach (var cell in _cells)
            {
                if (cell.Text.Length == 0) continue;
                if (cell.Column >= Headers.Length || Headers[cell.Column].Length == 0)
                {
                    if (!string.IsNullOrWhiteSpace(cell.Text)) Beyond(number, cell);
                    continue;
                }
                if (cell.Formula) Formula(number, cell);
                values[cell.Column] = cell.Text;
                blank = false;
            }
            if (blank) continue;
            for (var i = 0; i < values.Length; i++) values[i] ??= "";
            row = new CsvRow(number, number, values);
            return true;
        }
        row = default;
        return false;
    }

    private void Beyond(int row, WorkbookCell cell)
    {
        // flatten-tool ignores a column without header; say so, since the value is lost.
        _problems.Add(new CsvProblem
        {
            RuleId = RuleIds.CsvRaggedRow, Severity = Severity.Warning, Sheet = Sheet, Row = row, Line = row, ColumnNumber = cell.Column + 1, Value = cell.Text,
            Message = $"{CsvProblem.CellAddress(Sheet, row, cell.Column + 1)} has a value but its column has no header; it is ignored.",
        });
    }

    private void Formula(int row, WorkbookCell cell)
    {
        _problems.Add(new CsvProblem
        {
            RuleId = RuleIds.CsvFormula, Severity = Severity.Warning, Sheet = Sheet, Row = row, Line = row, ColumnNumber = cell.Column + 1,
            Column = Headers[cell.Column], Value = cell.Text,
            Message = $"{CsvProblem.CellAddress(Sheet, row, cell.Column + 1)} ({Headers[cell.Column]}) holds a formula; its value as last saved, '{Shorten(cell.Text)}', is read (formulas are never evaluated).",
        });
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..37] + "..." : text;

    /// <inheritdoc/>
    public abstract void Dispose();
}
