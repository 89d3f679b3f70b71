using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using OgpData.Findings;

namespace OgpData.Csv;

/// <summary>One data row of a sheet: its spreadsheet row number (header = 1), its first line in the file, its cells.</summary>
internal readonly record struct CsvRow(int Number, int Line, string[] Cells);

/// <summary>
/// Reads a CSV sheet row by row: detects the encoding and the delimiter, skips blank rows, reports ragged
/// rows, and removes the writer's formula protection. Never holds more than one row.
/// </summary>
internal sealed class CsvSheetReader : ISheetSource
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private readonly List<CsvProblem> _problems;

    private CsvSheetReader(Stream stream, bool ownsStream, string? sheet, char? delimiter, List<CsvProblem> problems)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _problems = problems;
        Sheet = sheet;
        Encoding = CsvEncoding.Detect(stream);
        Delimiter = delimiter ?? DetectDelimiter(stream, Encoding);
        // The BOM, when there is one, wins over the detected encoding (a UTF-8 BOM is valid UTF-8 anyway).
        _text = new StreamReader(stream, Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter.ToString(),
            BadDataFound = OnBadData,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            Mode = CsvMode.RFC4180,
        };
        _parser = new CsvParser(_text, configuration);
        Headers = ReadHeaders();
    }

    private void OnBadData(BadDataFoundArgs args)
    {
        var row = args.Context.Parser?.Row ?? 0;
        _problems.Add(new CsvProblem
        {
            RuleId = RuleIds.CsvBadQuotes, Severity = Severity.Warning, Sheet = Sheet, Row = row, Value = args.Field,
            Message = $"{CsvProblem.Place(Sheet, row, null)}: a cell has unbalanced quotes ({Shorten(args.Field)}); it is read as it stands.",
        });
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..37] + "..." : text;

    /// <summary>The sheet name used in problems, or null for a lone CSV.</summary>
    public string? Sheet { get; }

    /// <summary>The encoding detected (UTF-8 or Windows-1252).</summary>
    public Encoding Encoding { get; }

    /// <summary>The delimiter detected from the header line, or the one given.</summary>
    public char Delimiter { get; }

    /// <summary>The header cells, as written.</summary>
    public string[] Headers { get; }

    /// <summary>False: a CSV names a row and a column header.</summary>
    public bool NamesCells => false;

    /// <summary>Opens a file.</summary>
    public static CsvSheetReader Open(string path, string? sheet, char? delimiter, List<CsvProblem> problems) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), ownsStream: true, sheet, delimiter, problems);

    /// <summary>Reads a stream; a stream that cannot seek is copied into memory first (detection reads it twice).</summary>
    public static CsvSheetReader Open(Stream input, string? sheet, char? delimiter, List<CsvProblem> problems)
    {
        if (input.CanSeek) return new CsvSheetReader(input, ownsStream: false, sheet, delimiter, problems);
        var copy = new MemoryStream();
        input.CopyTo(copy);
        copy.Position = 0;
        return new CsvSheetReader(copy, ownsStream: true, sheet, delimiter, problems);
    }

    /// <summary>Reads the next non-blank row; pads or trims it to the header's width after reporting a ragged row.</summary>
    public bool Read(out CsvRow row)
    {
        while (_parser.Read())
        {
            var count = _parser.Count;
            var cells = new string[Headers.Length];
            var blank = true;
            for (var i = 0; i < count; i++)
            {
                var cell = _parser[i];
                if (cell.Length == 0) continue;
                if (i < cells.Length)
                {
                    cells[i] = FormulaGuard.Unprotect(cell);
                    blank = false;
                }
                else if (!string.IsNullOrWhiteSpace(cell))
                {
                    blank = false;
                }
            }
            for (var i = 0; i < cells.Length; i++) cells[i] ??= "";
            if (blank) continue;
            var number = _parser.Row;
            var line = _parser.RawRow - CountNewlines(_parser.RawRecord);
            if (count != Headers.Length && !OnlyEmptyExtraCells(count))
            {
                _problems.Add(new CsvProblem
                {
                    RuleId = RuleIds.CsvRaggedRow,
                    Severity = count > Headers.Length ? Severity.Error : Severity.Warning,
                    Sheet = Sheet,
                    Row = number,
                    Line = line,
                    Message = count > Headers.Length
                        ? $"{CsvProblem.Place(Sheet, number, null)} has {count} cells but the header has {Headers.Length}; the cells beyond the last header are ignored."
                        : $"{CsvProblem.Place(Sheet, number, null)} has {count} cells but the header has {Headers.Length}; the missing cells are read as empty.",
                });
            }
            row = new CsvRow(number, line, cells);
            return true;
        }
        row = default;
        return false;
    }

    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
        if (_ownsStream) _stream.Dispose();
    }

    private bool OnlyEmptyExtraCells(int count)
    {
        // Spreadsheet programs often pad rows with empty cells, or drop trailing empty ones: not worth a problem.
        if (count < Headers.Length) return false;
        for (var i = Headers.Length; i < count; i++)
        {
            if (_parser[i].Length > 0) return false;
        }
        return true;
    }

    private string[] ReadHeaders()
    {
        if (!_parser.Read())
        {
            _problems.Add(new CsvProblem { RuleId = RuleIds.CsvBadInput, Severity = Severity.Error, Sheet = Sheet, Message = $"{Sheet ?? "The CSV"} has no header line." });
            return [];
        }
        var headers = new string[_parser.Count];
        for (var i = 0; i < headers.Length; i++) headers[i] = _parser[i].Trim();
        // Trailing empty header cells are padding, not columns.
        var width = headers.Length;
        while (width > 0 && headers[width - 1].Length == 0) width--;
        return width == headers.Length ? headers : headers[..width];
    }

    private static int CountNewlines(string raw)
    {
        var count = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n') count++;
        }
        return count == 0 ? 0 : count - (raw.EndsWith('\n') ? 1 : 0);
    }

    /// <summary>The delimiter of the header line, by the shared <see cref="CsvDialect"/>.</summary>
    private static char DetectDelimiter(Stream stream, Encoding encoding)
    {
        var start = stream.Position;
        string? firstLine;
        using (var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true))
        {
            firstLine = ReadLogicalLine(reader);
        }
        stream.Position = start;
        return CsvDialect.DelimiterOf(firstLine ?? "");
    }

    private static string? ReadLogicalLine(StreamReader reader)
    {
        // A header may hold a quoted newline; keep reading until the quotes balance (bounded: headers are short).
        var builder = new StringBuilder();
        var quoted = false;
        int next;
        while ((next = reader.Read()) >= 0 && builder.Length < 1 << 20)
        {
            var c = (char)next;
            if (c == '"') quoted = !quoted;
            if (!quoted && (c == '\n' || c == '\r')) break;
            builder.Append(c);
        }
        return builder.Length == 0 && next < 0 ? null : builder.ToString();
    }
}
