using System.Xml.Linq;
using System.Xml;
using System.IO.Compression;
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
    private readonly Stream _content;
    private readonly SpreadsheetDocument _document;
    private readonly List<(string Name, string PartId)> _sheets = [];
    private readonly List<string> _sharedStrings = [];
    private readonly List<DateForm> _styleForms = [];
    private readonly List<CsvProblem> _problems;
    // Days from 1900-01-00 to 1904-01-01: a workbook in the 1904 date system (old Mac Excel) counts from there.
    private readonly int _dateOffset;

    public XlsxWorkbookReader(Stream content, List<CsvProblem> problems)
    {
        _problems = problems;
        _content = content;
        try
        {
            _document = Open(content);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or XmlException)
        {
            throw new InvalidDataException($"not a readable .xlsx workbook ({e.Message})", e);
        }
        var workbook = _document.WorkbookPart ?? throw new InvalidDataException("the .xlsx file has no workbook part");
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Name?.Value is { } name && sheet.Id?.Value is { } id) _sheets.Add((name, id));
        }
        _dateOffset = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true ? 1462 : 0;
        if (workbook.SharedStringTablePart is { } shared) ReadSharedStrings(shared);
        if (workbook.WorkbookStylesPart?.Stylesheet is { } styles) ReadStyles(styles);
    }

    private static SpreadsheetDocument Open(Stream content)
    {
        try
        {
            return SpreadsheetDocument.Open(content, isEditable: false);
        }
        catch (XmlException) when (content.CanSeek && WithUnprefixedContentTypes(content) is { } repaired)
        {
            return SpreadsheetDocument.Open(repaired, isEditable: false);
        }
    }

    /// <summary>
    /// A copy of the package whose <c>[Content_Types].xml</c> names its elements without a prefix. The .NET package
    /// reader looks for <c>&lt;Types&gt;</c> by its written name, so a workbook whose writer gave the namespace a
    /// prefix (<c>&lt;ns0:Types xmlns:ns0="…"&gt;</c>, as Python's ElementTree writes it; the cove-ocds test
    /// workbooks are such) is refused although its XML means the same. Null when that part is not the trouble.
    /// </summary>
    private static MemoryStream? WithUnprefixedContentTypes(Stream content)
    {
        content.Position = 0;
        var copy = new MemoryStream();
        content.CopyTo(copy);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            if (zip.GetEntry("[Content_Types].xml") is not { } entry) return null;
            XDocument types;
            try
            {
                using var part = entry.Open();
                types = XDocument.Load(part);
            }
            catch (XmlException)
            {
                return null;
            }
            if (types.Root is not { } root || root.Name.LocalName != "Types" || root.GetPrefixOfNamespace(root.Name.Namespace) is null) return null;
            foreach (var element in types.Descendants()) element.Attributes().Where(attribute => attribute.IsNamespaceDeclaration).Remove();
            entry.Delete();
            using var rewritten = zip.CreateEntry("[Content_Types].xml").Open();
            types.Save(rewritten, SaveOptions.DisableFormatting);
        }
        copy.Position = 0;
        return copy;
    }

    public override IReadOnlyList<string> SheetNames => _sheets.ConvertAll(s => s.Name);

    public override WorkbookSheet OpenSheet(string name, IReadOnlyList<string>? defaultCommands = null, bool raw = false)
    {
        var (_, id) = _sheets.Find(s => s.Name == name);
        var part = (WorksheetPart)_document.WorkbookPart!.GetPartById(id);
        return new XlsxSheet(this, name, part, _problems, defaultCommands ?? [], raw);
    }

    public override void Dispose()
    {
        _document.Dispose();
        _content.Dispose();
    }

    private void ReadSharedStrings(SharedStringTablePart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                _sharedStrings.Add(TextOf((SharedStringItem)reader.LoadCurrentElement()!));
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
            _styleForms.Add(custom.TryGetValue(id, out var code) ? DateForms.OfCode(code) : DateForms.OfBuiltIn(id));
        }
    }

    private sealed class XlsxSheet : WorkbookSheet
    {
        private readonly XlsxWorkbookReader _book;
        private readonly OpenXmlReader _reader;
        private int _lastRow;

        public XlsxSheet(XlsxWorkbookReader book, string name, WorksheetPart part, List<CsvProblem> problems, IReadOnlyList<string> defaultCommands, bool raw) : base(name, problems)
        {
            _book = book;
            _reader = OpenXmlReader.Create(part);
            if (!raw) ReadHeader(defaultCommands);
        }

        protected override bool NextRawRow(List<WorkbookCell> cells, out int rowNumber)
        {
            cells.Clear();
            while (_reader.Read())
            {
                if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement) continue;
                var row = (Row)_reader.LoadCurrentElement()!;
                rowNumber = row.RowIndex?.Value is { } index ? (int)index : _lastRow + 1;
                _lastRow = rowNumber;
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
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _book._sharedStrings.Count ? _book._sharedStrings[index] : "";
            }
            if (type == CellValues.InlineString) return cell.InlineString is { } inline ? XlsxWorkbookReader.TextOf(inline) : value;
            if (type == CellValues.Boolean) return value == "1" ? "true" : value == "0" ? "false" : value;
            if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date) return value;
            if (value.Length == 0) return "";
            var style = cell.StyleIndex?.Value is { } s && s < _book._styleForms.Count ? _book._styleForms[(int)s] : DateForm.None;
            if (style != DateForm.None && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            {
                return DateForms.Iso(style == DateForm.Time && serial < 1 ? serial : serial + _book._dateOffset, style) ?? value;
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

        public override void Dispose() => _reader.Dispose();
    }
}
