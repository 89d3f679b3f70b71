using System.Text;

namespace OgpData.Csv;

/// <summary>How CSV is written for spreadsheet programs.</summary>
public sealed record CsvWriteOptions
{
    /// <summary>
    /// The delimiter. <c>,</c> by default: it is what flatten-tool and the OCDS tools read and write. French
    /// Excel splits a double-clicked file on <c>;</c> only: choose <c>';'</c> for files meant to be opened
    /// that way (both are always read back, the delimiter being detected from the header line).
    /// </summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Write a UTF-8 byte-order mark, so Excel reads accents right. On by default.</summary>
    public bool ByteOrderMark { get; init; } = true;

    /// <summary>The default options.</summary>
    public static CsvWriteOptions Default { get; } = new();
}

/// <summary>Writes rows of cells, quoting where needed, with CRLF line ends (what Excel writes and expects).</summary>
internal sealed class CsvSheetWriter : ISheetSink, IDisposable
{
    private readonly TextWriter _writer;
    private readonly char _delimiter;

    public CsvSheetWriter(Stream output, CsvWriteOptions options, bool leaveOpen = false)
    {
        if (options.Delimiter is '"' or '\r' or '\n') throw new ArgumentException("A quote or a line break cannot be a delimiter.", nameof(options));
        _delimiter = options.Delimiter;
        _writer = new StreamWriter(output, new UTF8Encoding(options.ByteOrderMark), 1 << 16, leaveOpen);
    }

    /// <summary>Writes one row; cells are written as given (formula protection is the caller's, since it depends on the value's type).</summary>
    public void WriteRow(IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) _writer.Write(_delimiter);
            WriteCell(cells[i]);
        }
        _writer.Write("\r\n");
    }

    public void Dispose() => _writer.Dispose();

    private void WriteCell(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return;
        if (!NeedsQuotes(cell))
        {
            _writer.Write(cell);
            return;
        }
        _writer.Write('"');
        var start = 0;
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] != '"') continue;
            _writer.Write(cell.AsSpan(start, i + 1 - start));
            _writer.Write('"');
            start = i + 1;
        }
        _writer.Write(cell.AsSpan(start));
        _writer.Write('"');
    }

    private bool NeedsQuotes(string cell)
    {
        if (cell[0] == ' ' || cell[^1] == ' ') return true;
        foreach (var c in cell)
        {
            if (c == _delimiter || c is '"' or '\r' or '\n') return true;
        }
        return false;
    }
}
