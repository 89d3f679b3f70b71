using System.Text;
using OgpData.Csv;

namespace OgpData.Spreadsheets;

/// <summary>
/// A commitments worksheet as the CSV text the commitment rules read (<c>OgpData.Text.CommitmentSheetReader</c>,
/// shared with the analyzers, which cannot load a workbook library), with the way back from a position in
/// that text to the worksheet's cell, so each finding names <c>Sheet!Cell</c>.
/// </summary>
internal sealed class WorkbookSheetText
{
    private readonly List<int> _cellStarts = [];
    private readonly List<(int Row, int Column)> _cells = [];
    private readonly List<int> _lineStarts = [0];

    private WorkbookSheetText(string sheet, string text, string[] headers)
    {
        Sheet = sheet;
        Text = text;
        Headers = headers;
    }

    public string Sheet { get; }

    public string Text { get; }

    public string[] Headers { get; }

    /// <summary>Reads the sheet named <c>commitments</c>, else the first; reading problems (formulas, values without header) go to <paramref name="problems"/>.</summary>
    /// <exception cref="InvalidDataException">The content is not a workbook of its format.</exception>
    public static WorkbookSheetText Read(Stream content, WorkbookFormat format, List<CsvProblem> problems)
    {
        using var workbook = WorkbookReader.Open(content, format, problems);
        var name = workbook.FindSheet("commitments") ?? workbook.SheetNames.FirstOrDefault(n => n != SheetWorkbook.DataSheet)
            ?? throw new InvalidDataException("the workbook has no sheet");
        using var sheet = workbook.OpenSheet(name);
        var builder = new StringBuilder();
        var starts = new List<int>();
        var places = new List<(int, int)>();
        Append(builder, sheet.Headers, sheet.HeaderRow, starts, places);
        while (sheet.Read(out var row)) Append(builder, row.Cells, row.Number, starts, places);
        var text = new WorkbookSheetText(name, builder.ToString(), sheet.Headers);
        text._cellStarts.AddRange(starts);
        text._cells.AddRange(places);
        for (var i = 0; i < text.Text.Length; i++)
        {
            if (text.Text[i] == '\n') text._lineStarts.Add(i + 1);
        }
        return text;
    }

    // Every cell quoted, so that any text (delimiters, quotes, line breaks) reads back as it is.
    private static void Append(StringBuilder builder, string[] row, int rowNumber, List<int> starts, List<(int, int)> places)
    {
        for (var c = 0; c < row.Length; c++)
        {
            if (c > 0) builder.Append(',');
            starts.Add(builder.Length);
            places.Add((rowNumber, c + 1));
            builder.Append('"').Append(row[c].Replace("\"", "\"\"")).Append('"');
        }
        builder.Append('\n');
    }

    /// <summary>The worksheet cell (row, 1-based column) at a 1-based line and column of <see cref="Text"/>, or null.</summary>
    public (int Row, int Column)? CellAt(int line, int column)
    {
        if (line < 1 || line > _lineStarts.Count || _cellStarts.Count == 0) return null;
        var offset = _lineStarts[line - 1] + Math.Max(0, column - 1);
        var index = _cellStarts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return index < 0 ? null : _cells[index];
    }
}
