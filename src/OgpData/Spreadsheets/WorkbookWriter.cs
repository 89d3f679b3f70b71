using OgpData.IO;
using System.Text;
using OgpData.Csv;

namespace OgpData.Spreadsheets;

/// <summary>How a cell is written: its type in the workbook, decided from the column's kind and the cell's text.</summary>
internal enum CellForm
{
    Text,
    Number,
    Boolean,
    Date,
    DateTime,
    DateTimeUtc,
}

/// <summary>
/// Writes tables as a workbook (<c>.xlsx</c> or <c>.ods</c>, by the file's name): the flatten layout hands rows
/// of cell texts — the very texts a CSV sheet would hold — to <see cref="SheetSink.WriteRow"/>, in any order
/// across sheets; each sheet's rows are spooled to a temporary file (so memory holds one row, whatever the size)
/// and the workbook is written at <see cref="Commit"/>, sheet after sheet, as both formats require. Cells are
/// typed by the column's kind: numbers as numbers, booleans as booleans, ISO dates as dates with a date format,
/// everything else as text — never as a formula.
/// </summary>
internal sealed class WorkbookWriter : IDisposable
{
    private readonly string _path;
    private readonly List<SheetSink> _sheets = [];

    public WorkbookWriter(string path)
    {
        Format = WorkbookFormats.Of(path) ?? throw new ArgumentException($"'{path}' is neither .xlsx nor .ods.", nameof(path));
        _path = path;
    }

    public WorkbookFormat Format { get; }

    /// <summary>Adds a sheet, whose first row written is its header row. <paramref name="types"/> gives the kind of each header's field (null: every cell is text).</summary>
    public SheetSink AddSheet(string name, IReadOnlyList<string> headers, IReadOnlyDictionary<string, FieldKind>? types, bool hidden = false)
    {
        var forms = new ColumnKind[headers.Count];
        for (var i = 0; i < headers.Count; i++) forms[i] = KindOf(headers[i], types);
        var sheet = new SheetSink(name, forms, hidden);
        _sheets.Add(sheet);
        return sheet;
    }

    /// <summary>
    /// Writes the workbook: to a temporary file beside the target, then moved over it, so a failed write never
    /// leaves half a workbook where a good one was. The one place a workbook reaches its destination.
    /// </summary>
    public void Commit() => AtomicFile.Write(_path, stream =>
    {
        if (Format == WorkbookFormat.Xlsx) XlsxPackageWriter.Write(stream, _sheets);
        else OdsPackageWriter.Write(stream, _sheets);
    });

    public void Dispose()
    {
        foreach (var sheet in _sheets) sheet.Dispose();
    }

    private static ColumnKind KindOf(string header, IReadOnlyDictionary<string, FieldKind>? types)
    {
        if (types is null) return ColumnKind.Plain;
        var path = HeaderPath.TryParse(header, out _);
        if (path is null || !types.TryGetValue(path.GenericPath, out var kind)) return ColumnKind.Text;
        // A numbered column of a list (ogpValues/0) holds one text item.
        if (path.Steps[^1].IsIndex) return ColumnKind.Text;
        return kind switch
        {
            FieldKind.Number or FieldKind.Integer => ColumnKind.Number,
            FieldKind.Boolean => ColumnKind.Boolean,
            FieldKind.String or FieldKind.StringArray => ColumnKind.Text,
            _ => ColumnKind.Plain,
        };
    }

    /// <summary>A column's kind as the writer needs it: text (protected by the flattener, may hold a date), number, boolean, or plain text written as given.</summary>
    internal enum ColumnKind : byte
    {
        Plain,
        Text,
        Number,
        Boolean,
    }

    /// <summary>One sheet being written: rows spooled to a temporary file, column widths measured on the way.</summary>
    internal sealed class SheetSink : ISheetSink, IDisposable
    {
        private const int MaxWidth = 60;
        private readonly ColumnKind[] _kinds;
        private readonly string _spoolPath = Path.Combine(Path.GetTempPath(), "ogpdata-sheet-" + Guid.NewGuid().ToString("N") + ".bin");
        private readonly FileStream _spool;
        private readonly BinaryWriter _writer;

        public SheetSink(string name, ColumnKind[] kinds, bool hidden)
        {
            Name = name;
            Hidden = hidden;
            _kinds = kinds;
            Widths = new int[kinds.Length];
            _spool = new FileStream(_spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            _writer = new BinaryWriter(_spool, Encoding.UTF8, leaveOpen: true);
        }

        public string Name { get; }

        public bool Hidden { get; }

        public int Columns => _kinds.Length;

        /// <summary>The widest cell of each column, in characters (capped: a long text wraps rather than widens).</summary>
        public int[] Widths { get; }

        public int Rows { get; private set; }

        /// <summary>Adds a row of cell texts, as the flattener gives them for a CSV sheet; the first row is the header, written as bold text.</summary>
        public void WriteRow(IReadOnlyList<string?> cells)
        {
            var header = Rows == 0;
            var count = Math.Min(cells.Count, _kinds.Length);
            _writer.Write(count);
            for (var i = 0; i < count; i++)
            {
                var text = cells[i];
                if (string.IsNullOrEmpty(text))
                {
                    _writer.Write((byte)255);
                    continue;
                }
                var form = header ? CellForm.Text : FormOf(_kinds[i], ref text);
                _writer.Write((byte)form);
                _writer.Write(text);
                var width = form is CellForm.Date ? 10 : form is CellForm.DateTime or CellForm.DateTimeUtc ? 20 : LongestLine(text);
                if (width > Widths[i]) Widths[i] = Math.Min(width, MaxWidth);
            }
            Rows++;
        }

        private static CellForm FormOf(ColumnKind kind, ref string text)
        {
            switch (kind)
            {
                case ColumnKind.Number when Numbers.FitsDouble(text):
                    return CellForm.Number;
                case ColumnKind.Boolean when text is "true" or "false":
                    return CellForm.Boolean;
                case ColumnKind.Text:
                    // The flattener protects text against formulas for CSV; a typed cell needs no protection.
                    text = FormulaGuard.Unprotect(text);
                    return DateForms.TryWritable(text, out _, out var date) ? date switch
                    {
                        DateForm.Date => CellForm.Date,
                        DateForm.DateTimeUtc => CellForm.DateTimeUtc,
                        _ => CellForm.DateTime,
                    } : CellForm.Text;
                default:
                    return CellForm.Text;
            }
        }

        private static int LongestLine(string text)
        {
            int longest = 0, current = 0;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    current = 0;
                    continue;
                }
                if (++current > longest) longest = current;
            }
            return longest;
        }

        /// <summary>Reads the spooled rows back, in order; <paramref name="onRow"/> gets the 0-based row index and the row's cells (null where empty).</summary>
        public void Replay(Action<int, (CellForm Form, string Text)?[]> onRow)
        {
            _writer.Flush();
            _spool.Position = 0;
            using var reader = new BinaryReader(_spool, Encoding.UTF8, leaveOpen: true);
            var cells = new (CellForm, string)?[_kinds.Length];
            for (var r = 0; r < Rows; r++)
            {
                var count = reader.ReadInt32();
                Array.Clear(cells);
                for (var i = 0; i < count; i++)
                {
                    var form = reader.ReadByte();
                    if (form != 255) cells[i] = ((CellForm)form, reader.ReadString());
                }
                onRow(r, cells);
            }
        }

        public void Dispose()
        {
            _writer.Dispose();
            _spool.Dispose();
        }
    }
}
