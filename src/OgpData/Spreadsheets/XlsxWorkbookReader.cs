using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OgpData.Csv;
using CellValues = DocumentFormat.OpenXml.Spreadsheet.CellValues;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace OgpData.Spreadsheets;

/// <summary>
/// Reads an Excel workbook (<c>.xlsx</c>) with the Open XML SDK: the workbook, styles and shared strings as
/// parts, each worksheet with the SAX-style <see cref="OpenXmlReader"/> one row at a time, so memory holds the
/// shared strings and one row per open sheet, never a whole sheet.
/// </summary>
internal sealed class XlsxWorkbookReader : WorkbookReader
{
    private readonly Stream content;
    private readonly SpreadsheetDocument document;
    private readonly List<(string Name, string PartId)> sheets = [];
    private readonly List<string> sharedStrings = [];
    private readonly List<DateForm> styleForms = [];
    private readonly List<CsvProblem> problems;
    // Days from 1900-01-00 to 1904-01-01: a workbook in the 1904 date system (old Mac Excel) counts from there.
    private readonly int dateOffset;

    public XlsxWorkbookReader(Stream content, List<CsvProblem> problems)
    {
        this.problems = problems;
        this.content = content;
        try
        {
            document = SpreadsheetDocument.Open(content, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new InvalidDataException($"not a readable .xlsx workbook ({e.Message})", e);
        }
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the .xlsx file has no workbook part");
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Name?.Value is { } name && sheet.Id?.Value is { } id) sheets.Add((name, id));
        }
        dateOffset = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true ? 1462 : 0;
        if (workbook.SharedStringTablePart is { } shared) ReadSharedStrings(shared);
        if (workbook.WorkbookStylesPart?.Stylesheet is { } styles) ReadStyles(styles);
    }

    public override IReadOnlyList<string> SheetNames => sheets.ConvertAll(s => s.Name);

    public override WorkbookSheet OpenSheet(string name, IReadOnlyList<string>? defaultCommands = null, bool raw = false)
    {
        var (_, id) = sheets.Find(s => s.Name == name);
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(id);
        return new XlsxSheet(this, name, part, problems, defaultCommands ?? [], raw);
    }

    public override void Dispose()
    {
        document.Dispose();
        content.Dispose();
    }

    private void ReadSharedStrings(SharedStringTablePart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                sharedStrings.Add(TextOf((SharedStringItem)reader.LoadCurrentElement()!));
            }
        }
    }

    /// <summary>The text of a shared or inline string: plain (<c>t</c>) or rich (runs of <c>r/t</c>); phonetic guides (<c>rPh</c>) are not text.</summary>
    private static string TextOf(OpenXmlElement item)
    {
        if (item.GetFirstChild<SheetText>() is { } plain && item.GetFirstChild<Run>() is null) return XmlText.Unescape(plain.Text);
        var builder = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is SheetText text) builder.Append(text.Text);
            else if (child is Run run) builder.Append(run.Text?.Text);
        }
        return XmlText.Unescape(builder.ToString());
    }

    private void ReadStyles(Stylesheet styles)
    {
        var custom = new Dictionary<uint, string>();
        foreach (var format in styles.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code) custom[id] = code;
        }
        foreach (var format in styles.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            styleForms.Add(custom.TryGetValue(id, out var code) ? DateForms.OfCode(code) : DateForms.OfBuiltIn(id));
        }
    }

    private sealed class XlsxSheet : WorkbookSheet
    {
        private readonly XlsxWorkbookReader book;
        private readonly OpenXmlReader reader;
        private int lastRow;

        public XlsxSheet(XlsxWorkbookReader book, string name, WorksheetPart part, List<CsvProblem> problems, IReadOnlyList<string> defaultCommands, bool raw) : base(name, problems)
        {
            this.book = book;
            reader = OpenXmlReader.Create(part);
            if (!raw) ReadHeader(defaultCommands);
        }

        protected override bool NextRawRow(List<WorkbookCell> cells, out int rowNumber)
        {
            cells.Clear();
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                rowNumber = row.RowIndex?.Value is { } index ? (int)index : lastRow + 1;
                lastRow = rowNumber;
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : next;
                    next = column + 1;
                    var text = TextOf(cell);
                    if (text.Length > 0) cells.Add(new WorkbookCell(column, text, cell.CellFormula is not null));
                }
                return true;
            }
            rowNumber = 0;
            return false;
        }

        private string TextOf(Cell cell)
        {
            var value = cell.CellValue?.Text ?? "";
            var type = cell.DataType?.Value;
            if (type == CellValues.SharedString)
            {
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < book.sharedStrings.Count ? book.sharedStrings[index] : "";
            }
            if (type == CellValues.InlineString) return cell.InlineString is { } inline ? XlsxWorkbookReader.TextOf(inline) : value;
            if (type == CellValues.Boolean) return value == "1" ? "true" : value == "0" ? "false" : value;
            if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date) return value;
            if (value.Length == 0) return "";
            var style = cell.StyleIndex?.Value is { } s && s < book.styleForms.Count ? book.styleForms[(int)s] : DateForm.None;
            if (style != DateForm.None && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            {
                return DateForms.Iso(style == DateForm.Time && serial < 1 ? serial : serial + book.dateOffset, style) ?? value;
            }
            return Numbers.Canonical(value);
        }

        /// <summary>The 0-based column of a reference such as <c>AB12</c>.</summary>
        private static int ColumnOf(string reference)
        {
            var column = 0;
            foreach (var c in reference)
            {
                if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
                else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
                else break;
            }
            return column - 1;
        }

        public override void Dispose() => reader.Dispose();
    }
}
