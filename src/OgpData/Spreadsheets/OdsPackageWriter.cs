using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace OgpData.Spreadsheets;

/// <summary>
/// Writes an OpenDocument spreadsheet (<c>.ods</c>) in one pass: the <c>mimetype</c> entry first and stored, the
/// manifest, <c>content.xml</c> streamed sheet after sheet from the spools with <see cref="XmlWriter"/>, and
/// <c>settings.xml</c> freezing each header row. Header cells are bold, columns sized, dates carry a date style.
/// </summary>
internal static class OdsPackageWriter
{
    private const string TableNs = OdsWorkbookReader.TableNs;
    private const string OfficeNs = OdsWorkbookReader.OfficeNs;
    private const string TextNs = OdsWorkbookReader.TextNs;
    private const string StyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private const string FoNs = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    private const string NumberNs = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";
    private const string ConfigNs = "urn:oasis:names:tc:opendocument:xmlns:config:1.0";
    private const string ManifestNs = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    private const string MimeType = "application/vnd.oasis.opendocument.spreadsheet";

    public static void Write(Stream output, IReadOnlyList<WorkbookWriter.SheetSink> sheets)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var mime = zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()) mime.Write(Encoding.ASCII.GetBytes(MimeType));
        WriteXml(zip, "META-INF/manifest.xml", xml =>
        {
            xml.WriteStartElement("manifest", "manifest", ManifestNs);
            xml.WriteAttributeString("manifest", "version", ManifestNs, "1.2");
            foreach (var (path, type) in new[] { ("/", MimeType), ("content.xml", "text/xml"), ("styles.xml", "text/xml"), ("settings.xml", "text/xml") })
            {
                xml.WriteStartElement("manifest", "file-entry", ManifestNs);
                xml.WriteAttributeString("manifest", "full-path", ManifestNs, path);
                if (path == "/") xml.WriteAttributeString("manifest", "version", ManifestNs, "1.2");
                xml.WriteAttributeString("manifest", "media-type", ManifestNs, type);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
        WriteXml(zip, "styles.xml", xml =>
        {
            xml.WriteStartElement("office", "document-styles", OfficeNs);
            xml.WriteAttributeString("office", "version", OfficeNs, "1.2");
            xml.WriteEndElement();
        });
        WriteXml(zip, "content.xml", xml => WriteContent(xml, sheets));
        WriteXml(zip, "settings.xml", xml => WriteSettings(xml, sheets));
    }

    private static void WriteContent(XmlWriter xml, IReadOnlyList<WorkbookWriter.SheetSink> sheets)
    {
        xml.WriteStartElement("office", "document-content", OfficeNs);
        xml.WriteAttributeString("xmlns", "table", null, TableNs);
        xml.WriteAttributeString("xmlns", "text", null, TextNs);
        xml.WriteAttributeString("xmlns", "style", null, StyleNs);
        xml.WriteAttributeString("xmlns", "fo", null, FoNs);
        xml.WriteAttributeString("xmlns", "number", null, NumberNs);
        xml.WriteAttributeString("office", "version", OfficeNs, "1.2");

        // Column styles, one per width in use.
        var widths = new SortedSet<int>();
        foreach (var sheet in sheets)
        {
            foreach (var width in sheet.Widths) widths.Add(ColumnWidth(width));
        }
        xml.WriteStartElement("office", "automatic-styles", OfficeNs);
        foreach (var width in widths)
        {
            xml.WriteStartElement("style", "style", StyleNs);
            xml.WriteAttributeString("style", "name", StyleNs, "co" + width);
            xml.WriteAttributeString("style", "family", StyleNs, "table-column");
            xml.WriteStartElement("style", "table-column-properties", StyleNs);
            // About 0.2 cm per character of the default font.
            xml.WriteAttributeString("style", "column-width", StyleNs, (width * 0.2).ToString("0.0#", CultureInfo.InvariantCulture) + "cm");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        DateStyle(xml, "N1", time: false, utc: false);
        DateStyle(xml, "N2", time: true, utc: false);
        DateStyle(xml, "N3", time: true, utc: true);
        CellStyle(xml, "Header", null, bold: true);
        CellStyle(xml, "Date", "N1", bold: false);
        CellStyle(xml, "DateTime", "N2", bold: false);
        CellStyle(xml, "DateTimeUtc", "N3", bold: false);
        xml.WriteEndElement();

        xml.WriteStartElement("office", "body", OfficeNs);
        xml.WriteStartElement("office", "spreadsheet", OfficeNs);
        foreach (var sheet in sheets) WriteTable(xml, sheet);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static int ColumnWidth(int characters) => Math.Max(8, characters + 2);

    private static void DateStyle(XmlWriter xml, string name, bool time, bool utc)
    {
        xml.WriteStartElement("number", "date-style", NumberNs);
        xml.WriteAttributeString("style", "name", StyleNs, name);
        Part("year");
        Literal("-");
        Part("month");
        Literal("-");
        Part("day");
        if (time)
        {
            Literal("T");
            Part("hours");
            Literal(":");
            Part("minutes");
            Literal(":");
            Part("seconds");
            if (utc) Literal("Z");
        }
        xml.WriteEndElement();

        void Part(string part)
        {
            xml.WriteStartElement("number", part, NumberNs);
            xml.WriteAttributeString("number", "style", NumberNs, "long");
            xml.WriteEndElement();
        }

        void Literal(string text) => xml.WriteElementString("number", "text", NumberNs, text);
    }

    private static void CellStyle(XmlWriter xml, string name, string? dataStyle, bool bold)
    {
        xml.WriteStartElement("style", "style", StyleNs);
        xml.WriteAttributeString("style", "name", StyleNs, name);
        xml.WriteAttributeString("style", "family", StyleNs, "table-cell");
        if (dataStyle is not null) xml.WriteAttributeString("style", "data-style-name", StyleNs, dataStyle);
        if (bold)
        {
            xml.WriteStartElement("style", "text-properties", StyleNs);
            xml.WriteAttributeString("fo", "font-weight", FoNs, "bold");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteTable(XmlWriter xml, WorkbookWriter.SheetSink sheet)
    {
        xml.WriteStartElement("table", "table", TableNs);
        xml.WriteAttributeString("table", "name", TableNs, sheet.Name);
        for (var c = 0; c < sheet.Columns; c++)
        {
            xml.WriteStartElement("table", "table-column", TableNs);
            xml.WriteAttributeString("table", "style-name", TableNs, "co" + ColumnWidth(sheet.Widths[c]));
            xml.WriteEndElement();
        }
        sheet.Replay((r, cells) =>
        {
            if (r == 0) xml.WriteStartElement("table", "table-header-rows", TableNs);
            xml.WriteStartElement("table", "table-row", TableNs);
            var gap = 0;
            foreach (var cell in cells)
            {
                if (cell is not var (form, text))
                {
                    gap++;
                    continue;
                }
                if (gap > 0)
                {
                    xml.WriteStartElement("table", "table-cell", TableNs);
                    if (gap > 1) xml.WriteAttributeString("table", "number-columns-repeated", TableNs, gap.ToString(CultureInfo.InvariantCulture));
                    xml.WriteEndElement();
                    gap = 0;
                }
                WriteCell(xml, r == 0 ? "Header" : null, form, text);
            }
            xml.WriteEndElement();
            if (r == 0) xml.WriteEndElement();
        });
        xml.WriteEndElement();
    }

    private static void WriteCell(XmlWriter xml, string? style, CellForm form, string text)
    {
        xml.WriteStartElement("table", "table-cell", TableNs);
        style ??= form switch { CellForm.Date => "Date", CellForm.DateTime => "DateTime", CellForm.DateTimeUtc => "DateTimeUtc", _ => null };
        if (style is not null) xml.WriteAttributeString("table", "style-name", TableNs, style);
        switch (form)
        {
            case CellForm.Number:
                xml.WriteAttributeString("office", "value-type", OfficeNs, "float");
                xml.WriteAttributeString("office", "value", OfficeNs, text);
                break;
            case CellForm.Boolean:
                xml.WriteAttributeString("office", "value-type", OfficeNs, "boolean");
                xml.WriteAttributeString("office", "boolean-value", OfficeNs, text);
                break;
            case CellForm.Date or CellForm.DateTime or CellForm.DateTimeUtc:
                xml.WriteAttributeString("office", "value-type", OfficeNs, "date");
                xml.WriteAttributeString("office", "date-value", OfficeNs, text);
                break;
            default:
                xml.WriteAttributeString("office", "value-type", OfficeNs, "string");
                break;
        }
        WriteParagraphs(xml, text);
        xml.WriteEndElement();
    }

    /// <summary>The text as paragraphs (one per line), with runs of spaces, leading and trailing spaces as <c>text:s</c> and tabs as <c>text:tab</c>, which ODF readers do not collapse.</summary>
    private static void WriteParagraphs(XmlWriter xml, string text)
    {
        text = XmlText.Escape(text, carriageReturn: false);
        foreach (var line in text.Split('\n'))
        {
            xml.WriteStartElement("text", "p", TextNs);
            var i = 0;
            while (i < line.Length)
            {
                var c = line[i];
                if (c == '\t')
                {
                    xml.WriteElementString("text", "tab", TextNs, null);
                    i++;
                    continue;
                }
                if (c == ' ')
                {
                    var end = i;
                    while (end < line.Length && line[end] == ' ') end++;
                    var run = end - i;
                    if (run == 1 && i > 0 && end < line.Length) xml.WriteString(" ");
                    else
                    {
                        xml.WriteStartElement("text", "s", TextNs);
                        if (run > 1) xml.WriteAttributeString("text", "c", TextNs, run.ToString(CultureInfo.InvariantCulture));
                        xml.WriteEndElement();
                    }
                    i = end;
                    continue;
                }
                var next = line.IndexOfAny([' ', '\t'], i);
                if (next < 0) next = line.Length;
                xml.WriteString(line[i..next]);
                i = next;
            }
            xml.WriteEndElement();
        }
    }

    private static void WriteSettings(XmlWriter xml, IReadOnlyList<WorkbookWriter.SheetSink> sheets)
    {
        xml.WriteStartElement("office", "document-settings", OfficeNs);
        xml.WriteAttributeString("xmlns", "config", null, ConfigNs);
        xml.WriteAttributeString("office", "version", OfficeNs, "1.2");
        xml.WriteStartElement("office", "settings", OfficeNs);
        xml.WriteStartElement("config", "config-item-set", ConfigNs);
        xml.WriteAttributeString("config", "name", ConfigNs, "ooo:view-settings");
        xml.WriteStartElement("config", "config-item-map-indexed", ConfigNs);
        xml.WriteAttributeString("config", "name", ConfigNs, "Views");
        xml.WriteStartElement("config", "config-item-map-entry", ConfigNs);
        xml.WriteStartElement("config", "config-item-map-named", ConfigNs);
        xml.WriteAttributeString("config", "name", ConfigNs, "Tables");
        foreach (var sheet in sheets)
        {
            // The header row frozen: a horizontal split fixed (mode 2) below row 1.
            xml.WriteStartElement("config", "config-item-map-entry", ConfigNs);
            xml.WriteAttributeString("config", "name", ConfigNs, sheet.Name);
            Item("VerticalSplitMode", "short", "2");
            Item("VerticalSplitPosition", "int", "1");
            Item("ActiveSplitRange", "short", "2");
            Item("PositionBottom", "int", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        void Item(string name, string type, string value)
        {
            xml.WriteStartElement("config", "config-item", ConfigNs);
            xml.WriteAttributeString("config", "name", ConfigNs, name);
            xml.WriteAttributeString("config", "type", ConfigNs, type);
            xml.WriteString(value);
            xml.WriteEndElement();
        }
    }

    private static void WriteXml(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = true, NewLineHandling = NewLineHandling.Entitize });
        xml.WriteStartDocument();
        write(xml);
        xml.WriteEndDocument();
    }
}
