using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OgpData.Spreadsheets;

/// <summary>
/// Writes the parts of an <c>.xlsx</c> package in one pass into a zip opened for creation: each worksheet is
/// streamed from its spool through the Open XML SDK's <see cref="OpenXmlWriter"/>, so memory holds one row,
/// never a sheet (the SDK's package API would buffer every part in memory until the package is closed).
/// Strings are inline (no shared-string table to hold), the header row is bold and frozen, columns are sized.
/// </summary>
internal static class XlsxPackageWriter
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Cell style indices, in the order of the cellXfs written by WriteStyles.
    private const uint HeaderStyle = 1, DateStyle = 2, DateTimeStyle = 3, DateTimeUtcStyle = 4;

    public static void Write(Stream output, IReadOnlyList<WorkbookWriter.SheetSink> sheets)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WriteText(zip, "[Content_Types].xml", ContentTypes(sheets.Count));
        WriteText(zip, "_rels/.rels",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelNs}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        WritePart(zip, "xl/workbook.xml", Workbook(sheets));
        WriteText(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships(sheets.Count));
        WritePart(zip, "xl/styles.xml", Styles());
        for (var s = 0; s < sheets.Count; s++)
        {
            using var stream = zip.CreateEntry($"xl/worksheets/sheet{s + 1}.xml", CompressionLevel.Fastest).Open();
            WriteSheet(stream, sheets[s], selected: s == 0);
        }
    }

    private static string ContentTypes(int sheets)
    {
        var builder = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""");
        builder.Append("""<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>""");
        builder.Append("""<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
        builder.Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var s = 1; s <= sheets; s++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{s}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }
        return builder.Append("</Types>").ToString();
    }

    private static string WorkbookRelationships(int sheets)
    {
        var builder = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelNs}">""");
        for (var s = 1; s <= sheets; s++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{s}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{s}.xml"/>""");
        }
        builder.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        return builder.Append("</Relationships>").ToString();
    }

    private static Workbook Workbook(IReadOnlyList<WorkbookWriter.SheetSink> sheets)
    {
        var list = new Sheets();
        for (var s = 0; s < sheets.Count; s++)
        {
            var sheet = new Sheet { Name = sheets[s].Name, SheetId = (uint)(s + 1), Id = $"rId{s + 1}" };
            if (sheets[s].Hidden) sheet.State = SheetStateValues.Hidden;
            list.Append(sheet);
        }
        return new Workbook(list);
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd\"T\"hh:mm:ss" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd\"T\"hh:mm:ss\"Z\"" }) { Count = 3 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }) { Count = 5 });

    private static void WriteSheet(Stream stream, WorkbookWriter.SheetSink sheet, bool selected)
    {
        using var writer = OpenXmlWriter.Create(stream, Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet(), [], [new("r", RelNs)]);
        var pane = new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen };
        writer.WriteElement(new SheetViews(new SheetView(pane, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            TabSelected = selected, WorkbookViewId = 0,
        }));
        if (sheet.Columns > 0)
        {
            var columns = new Columns();
            for (var c = 0; c < sheet.Columns; c++)
            {
                // Widths in characters of the default font, with room for the filter button and padding.
                var width = Math.Max(8, sheet.Widths[c] + 2);
                columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
            }
            writer.WriteElement(columns);
        }
        writer.WriteStartElement(new SheetData());
        // One element of each kind, reused for every cell: the writer takes names from them and values from the calls.
        var row = new Row();
        var cell = new Cell();
        var value = new CellValue();
        var inline = new InlineString();
        var text = new DocumentFormat.OpenXml.Spreadsheet.Text();
        var attributes = new List<OpenXmlAttribute>(3);
        var reference = new StringBuilder(12);
        sheet.Replay((r, cells) =>
        {
            var rowNumber = (r + 1).ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(row, [new OpenXmlAttribute("r", "", rowNumber)]);
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c] is not var (form, content)) continue;
                reference.Clear();
                AppendColumn(reference, c + 1);
                reference.Append(rowNumber);
                attributes.Clear();
                attributes.Add(new OpenXmlAttribute("r", "", reference.ToString()));
                var style = r == 0 ? HeaderStyle : form switch
                {
                    CellForm.Date => DateStyle,
                    CellForm.DateTime => DateTimeStyle,
                    CellForm.DateTimeUtc => DateTimeUtcStyle,
                    _ => 0u,
                };
                if (style != 0) attributes.Add(new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)));
                switch (form)
                {
                    case CellForm.Number:
                        WriteValue(writer, cell, attributes, value, content);
                        break;
                    case CellForm.Boolean:
                        attributes.Add(new OpenXmlAttribute("t", "", "b"));
                        WriteValue(writer, cell, attributes, value, content == "true" ? "1" : "0");
                        break;
                    case CellForm.Date or CellForm.DateTime or CellForm.DateTimeUtc:
                        DateForms.TryWritable(content, out var moment, out _);
                        WriteValue(writer, cell, attributes, value, moment.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                        break;
                    default:
                        attributes.Add(new OpenXmlAttribute("t", "", "inlineStr"));
                        writer.WriteStartElement(cell, attributes);
                        writer.WriteStartElement(inline);
                        writer.WriteStartElement(text, NeedsPreserve(content) ? [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")] : []);
                        writer.WriteString(XmlText.Escape(content, carriageReturn: true));
                        writer.WriteEndElement();
                        writer.WriteEndElement();
                        writer.WriteEndElement();
                        break;
                }
            }
            writer.WriteEndElement();
        });
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteValue(OpenXmlWriter writer, Cell cell, List<OpenXmlAttribute> attributes, CellValue value, string content)
    {
        writer.WriteStartElement(cell, attributes);
        writer.WriteStartElement(value);
        writer.WriteString(content);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static bool NeedsPreserve(string text) => char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n');

    private static void AppendColumn(StringBuilder builder, int column)
    {
        var start = builder.Length;
        for (var n = column; n > 0; n = (n - 1) / 26) builder.Insert(start, (char)('A' + (n - 1) % 26));
    }

    private static void WritePart(ZipArchive zip, string name, OpenXmlElement root)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream, Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
    }

    private static void WriteText(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }
}

/// <summary>
/// Characters XML 1.0 cannot hold (most control characters) in cell text, written the way spreadsheet programs
/// write them, <c>_x000B_</c>, and read back; a literal <c>_x</c>...<c>_</c> in the text is itself escaped as <c>_x005F_</c>.
/// </summary>
internal static class XmlText
{
    /// <summary>
    /// The text with the characters XML cannot hold escaped; with <paramref name="carriageReturn"/>, a carriage
    /// return too (an XML reader turns a literal one into a line feed; Excel writes it <c>_x000D_</c>).
    /// </summary>
    public static string Escape(string text, bool carriageReturn)
    {
        var i = 0;
        for (; i < text.Length; i++)
        {
            if (!XmlSafe(text[i]) || (carriageReturn && text[i] == '\r') || IsEscapeLike(text, i)) break;
        }
        if (i == text.Length) return text;
        var builder = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!XmlSafe(c) || (carriageReturn && c == '\r')) builder.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            else if (IsEscapeLike(text, i)) builder.Append("_x005F_");
            else builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsEscapeLike(text, i) && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 6;
            }
            else builder.Append(text[i]);
        }
        return builder.ToString();
    }

    private static bool IsEscapeLike(string text, int i) =>
        text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_' && char.IsAsciiHexDigit(text[i + 2])
        && char.IsAsciiHexDigit(text[i + 3]) && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5]);

    private static bool XmlSafe(char c) => c >= 0x20 ? c is not ('\uFFFE' or '\uFFFF') : c is '\t' or '\n' or '\r';
}
