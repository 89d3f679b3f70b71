namespace OgpData.Csv;

/// <summary>
/// The rows of one sheet, whatever holds it: a CSV file (<see cref="CsvSheetReader"/>) or a worksheet of a
/// workbook (<c>Spreadsheets/</c>). The unflattener and the record assembler read every format through this,
/// so that one flatten layout and one typing map serve them all.
/// </summary>
internal interface ISheetSource : IDisposable
{
    /// <summary>The sheet name used in problems, or null for a lone CSV.</summary>
    string? Sheet { get; }

    /// <summary>The header cells, as written (trailing empty ones dropped).</summary>
    string[] Headers { get; }

    /// <summary>True when a cell is named <c>Sheet!C4</c> in problems (a workbook), false for a CSV's row and column header.</summary>
    bool NamesCells { get; }

    /// <summary>Reads the next non-blank row, padded or trimmed to the header's width.</summary>
    bool Read(out CsvRow row);
}

/// <summary>Where the rows of one sheet go: a CSV file (<see cref="CsvSheetWriter"/>) or a worksheet of a workbook being written.</summary>
internal interface ISheetSink
{
    /// <summary>Writes one row of cell texts, as the flattener gives them.</summary>
    void WriteRow(IReadOnlyList<string?> cells);
}
