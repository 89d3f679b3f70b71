using System.IO.Compression;
using System.Text;
using System.Xml;
using OgpData.Csv;

namespace OgpData.Spreadsheets;

/// <summary>
/// Reads an OpenDocument spreadsheet (<c>.ods</c>): a zip whose <c>content.xml</c> holds every sheet as a
/// <c>table:table</c>. Each open sheet has its own <see cref="XmlReader"/> over its own stream of that entry,
/// positioned at its table, so sheets are read side by side a row at a time; no office suite is needed.
/// </summary>
internal sealed class OdsWorkbookReader : WorkbookReader
{
    internal const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    internal const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    internal const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string ContentEntry = "content.xml";
    // A sheet has at most 16,384 columns in the programs that write .ods; repeated cells beyond are padding.
    private const int MaxColumns = 16_384;

    private readonly ZipArchive _zip;
    private readonly List<string> _sheetNames = [];
    private readonly List<CsvProblem> _problems;

    public OdsWorkbookReader(Stream content, List<CsvProblem> problems)
    {
        _problems = problems;
        try
        {
            _zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: false);
            if (_zip.GetEntry(ContentEntry) is null) throw new InvalidDataException("the .ods file has no content.xml");
            using var reader = OpenContent();
            // Skip leaves the reader on the node after the table, which may be the next table already.
            var found = reader.ReadToFollowing("table", TableNs);
            while (found)
            {
                _sheetNames.Add(reader.GetAttribute("name", TableNs) ?? "");
                reader.Skip();
                found = (reader.NodeType == XmlNodeType.Element && reader.LocalName == "table" && reader.NamespaceURI == TableNs)
                    || reader.ReadToFollowing("table", TableNs);
            }
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            throw new InvalidDataException($"not a readable .ods spreadsheet ({e.Message})", e);
        }
    }

    public override IReadOnlyList<string> SheetNames => _sheetNames;

    public override WorkbookSheet OpenSheet(string name, IReadOnlyList<string>? defaultCommands = null, bool raw = false)
    {
        var reader = OpenContent();
        while (reader.ReadToFollowing("table", TableNs))
        {
            if (reader.GetAttribute("name", TableNs) == name) return new OdsSheet(name, reader, _problems, defaultCommands ?? [], raw);
        }
        reader.Dispose();
        throw new InvalidOperationException($"no sheet '{name}'");
    }

    public override void Dispose() => _zip.Dispose();

    private XmlReader OpenContent() => XmlReader.Create(_zip.GetEntry(ContentEntry)!.Open(), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
    });

    private sealed class OdsSheet : WorkbookSheet
    {
        private readonly XmlReader _reader;
        private readonly int _tableDepth;
        private readonly List<WorkbookCell> _repeatedCells = [];
        private int _repeatLeft;
        private int _rowNumber;
        private bool _done;

        public OdsSheet(string name, XmlReader reader, List<CsvProblem> problems, IReadOnlyList<string> defaultCommands, bool raw) : base(name, problems)
        {
            _reader = reader;
            _tableDepth = reader.Depth;
            _done = reader.IsEmptyElement;
            if (!raw) ReadHeader(defaultCommands);
        }

        protected override bool NextRawRow(List<WorkbookCell> cells, out int number)
        {
            cells.Clear();
            if (_repeatLeft > 0)
            {
                _repeatLeft--;
                cells.AddRange(_repeatedCells);
                number = ++_rowNumber;
                return true;
            }
            while (!_done && _reader.Read())
            {
                if (_reader.Depth <= _tableDepth)
                {
                    _done = true;
                    break;
                }
                if (_reader.NodeType != XmlNodeType.Element || _reader.LocalName != "table-row" || _reader.NamespaceURI != TableNs) continue;
                var repeat = RepeatOf(_reader.GetAttribute("number-rows-repeated", TableNs));
                ReadCells(cells);
                if (cells.Count == 0)
                {
                    // Blank rows, however many are repeated (a sheet's tail is often a million of them), are skipped unread.
                    _rowNumber += repeat;
                    continue;
                }
                number = ++_rowNumber;
                if (repeat > 1)
                {
                    _repeatLeft = repeat - 1;
                    _repeatedCells.Clear();
                    _repeatedCells.AddRange(cells);
                }
                return true;
            }
            number = 0;
            return false;
        }

        private void ReadCells(List<WorkbookCell> cells)
        {
            if (_reader.IsEmptyElement) return;
            var rowDepth = _reader.Depth;
            var column = 0;
            while (_reader.Read() && _reader.Depth > rowDepth)
            {
                if (_reader.NodeType != XmlNodeType.Element || _reader.Depth != rowDepth + 1 || _reader.NamespaceURI != TableNs) continue;
                if (_reader.LocalName is not ("table-cell" or "covered-table-cell")) continue;
                var repeat = RepeatOf(_reader.GetAttribute("number-columns-repeated", TableNs));
                var formula = _reader.GetAttribute("formula", TableNs) is not null;
                var text = CellText();
                if (text.Length > 0)
                {
                    for (var r = 0; r < repeat && column + r < MaxColumns; r++) cells.Add(new WorkbookCell(column + r, text, formula));
                }
                column += repeat;
            }
        }

        /// <summary>The cell's value as text, by its value type; the reader is left on the cell's last node.</summary>
        private string CellText()
        {
            var type = _reader.GetAttribute("value-type", OfficeNs);
            string? typed = type switch
            {
                "float" or "percentage" or "currency" => _reader.GetAttribute("value", OfficeNs) is { } number ? Numbers.Canonical(number) : null,
                "date" => _reader.GetAttribute("date-value", OfficeNs),
                "boolean" => _reader.GetAttribute("boolean-value", OfficeNs) is { } flag ? (flag == "true" ? "true" : "false") : null,
                _ => null,
            };
            if (_reader.IsEmptyElement) return typed ?? "";
            var paragraphs = ParagraphText();
            return typed ?? XmlText.Unescape(paragraphs);
        }

        /// <summary>The text of the cell's paragraphs, joined by line breaks; <c>text:s</c>, <c>text:tab</c> and <c>text:line-break</c> give their characters.</summary>
        private string ParagraphText()
        {
            var cellDepth = _reader.Depth;
            var builder = new StringBuilder();
            var paragraphs = 0;
            while (_reader.Read() && _reader.Depth > cellDepth)
            {
                switch (_reader.NodeType)
                {
                    case XmlNodeType.Element when _reader.NamespaceURI == TextNs:
                        switch (_reader.LocalName)
                        {
                            case "p" when _reader.Depth == cellDepth + 1:
                                if (paragraphs++ > 0) builder.Append('\n');
                                break;
                            case "s":
                                builder.Append(' ', RepeatOf(_reader.GetAttribute("c", TextNs)));
                                break;
                            case "tab":
                                builder.Append('\t');
                                break;
                            case "line-break":
                                builder.Append('\n');
                                break;
                            case "note":
                                SkipInside();
                                break;
                        }
                        break;
                    case XmlNodeType.Element when _reader.NamespaceURI == OfficeNs && _reader.LocalName == "annotation":
                        // A comment on the cell is not its value.
                        SkipInside();
                        break;
                    case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when paragraphs > 0:
                        builder.Append(_reader.Value);
                        break;
                }
            }
            return builder.ToString();
        }

        // Reads to the current element's end tag (not past it, as Skip would, so the caller's loop sees the next node).
        private void SkipInside()
        {
            if (_reader.IsEmptyElement) return;
            var depth = _reader.Depth;
            while (_reader.Read() && _reader.Depth > depth) { }
        }

        private static int RepeatOf(string? text) => int.TryParse(text, out var n) && n > 0 ? n : 1;

        public override void Dispose() => _reader.Dispose();
    }
}
