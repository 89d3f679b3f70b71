using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Csv;
using OgpData.Findings;

namespace OgpData.Spreadsheets;

/// <summary>
/// A JSON document holding one list of records as one workbook, a worksheet per table, and back: the same
/// layout, typing and assembly as <see cref="SheetFolder"/> (one flatten layout, one typing map), with the
/// workbook as the sheets' source and sink. What a folder keeps in <c>meta.json</c> and <c>aside.jsonl</c> the
/// workbook keeps in a hidden sheet, <c>_ogpdata</c>, so that one file goes back to equal JSON.
/// </summary>
internal static class SheetWorkbook
{
    /// <summary>The hidden sheet holding the metadata and the values kept aside.</summary>
    public const string DataSheet = "_ogpdata";

    /// <summary>flatten-tool's metatab: package metadata as rows of path and value, and <c>#</c> commands for every sheet.</summary>
    public const string MetaTab = "Meta";

    // A cell holds at most 32,767 characters: longer JSON goes on in the next rows.
    private const int ChunkLength = 32_000;
    private static readonly string[] DataHeaders = ["part", "json"];

    /// <summary>Writes the package at <paramref name="packagePath"/> as a workbook (<c>.xlsx</c> or <c>.ods</c>, by <paramref name="workbookPath"/>'s name), reading it twice, a record at a time.</summary>
    public static CsvConversionResult Write(string packagePath, string workbookPath, string listName, string[] rootKeys)
    {
        var problems = new List<CsvProblem>();
        var layout = SheetFolder.Survey(packagePath, listName, rootKeys, problems, out var package);
        using var workbook = new WorkbookWriter(workbookPath);
        var sinks = new Dictionary<SheetSpec, WorkbookWriter.SheetSink>();
        foreach (var sheet in layout.Sheets)
        {
            var sink = workbook.AddSheet(sheet.Name, sheet.Headers, layout.Kinds);
            sink.WriteRow(sheet.Headers);
            sinks.Add(sheet, sink);
        }
        var data = workbook.AddSheet(DataSheet, DataHeaders, types: null, hidden: true);
        data.WriteRow(DataHeaders);
        var buffer = new MemoryStream();
        using var line = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        var records = SheetFolder.Flatten(packagePath, layout, listName, rootKeys, problems, $"the hidden sheet {DataSheet}",
            (sheet, cells) => sinks[sheet].WriteRow(cells),
            (key, occurrence, aside) =>
            {
                buffer.SetLength(0);
                line.Reset();
                AsideValues.WriteLine(line, key, occurrence, aside);
                WriteChunks(data, "aside", Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            });
        buffer.SetLength(0);
        SheetFolder.WriteMeta(buffer, package, layout, listName, rootKeys, indented: false);
        WriteChunks(data, "meta", Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        workbook.Commit();
        return new CsvConversionResult { Records = records, Files = [workbookPath], Problems = [.. problems] };
    }

    private static void WriteChunks(WorkbookWriter.SheetSink sheet, string part, string text)
    {
        var start = 0;
        do
        {
            var length = Math.Min(ChunkLength, text.Length - start);
            // Never cut a surrogate pair in two cells.
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1])) length--;
            sheet.WriteRow([start == 0 ? part : "", text.Substring(start, length)]);
            start += length;
        }
        while (start < text.Length);
    }

    /// <summary>
    /// Reads a workbook (written by <see cref="Write"/>, by flatten-tool, or by hand) and writes the package to
    /// <paramref name="output"/>. Without the <c>_ogpdata</c> sheet, the main sheet is the one named like the list
    /// (in any case, spaces for underscores), else the first; the others follow in the workbook's order.
    /// </summary>
    public static CsvConversionResult Read(string path, Stream output, string listName, string[] rootKeys, CsvTypeMap schemaTypes, bool indented, string? mainSheet = null)
    {
        var problems = new List<CsvProblem>();
        using var workbook = WorkbookReader.Open(path, problems);
        JsonObject? meta = null;
        var asideLines = new List<string>();
        if (workbook.SheetNames.Contains(DataSheet)) meta = ReadDataSheet(workbook, asideLines, problems);
        IReadOnlyList<string> defaults = [];
        if (meta is null && workbook.FindSheet(MetaTab) is { } metaTab) meta = ReadMetaTab(workbook, metaTab, problems, out defaults);
        var hashComments = defaults.Contains("hashcomments");

        var names = new List<string>();
        if (meta?["sheets"] is JsonArray sheets)
        {
            foreach (var sheet in sheets)
            {
                if (sheet?["name"]?.GetValue<string>() is { } name && workbook.FindSheet(name) is { } found) names.Add(found);
            }
        }
        else
        {
            var main = workbook.FindSheet(mainSheet ?? listName);
            if (main is not null) names.Add(main);
            foreach (var name in workbook.SheetNames)
            {
                if (name == main || name == DataSheet || name.Equals(MetaTab, StringComparison.OrdinalIgnoreCase)) continue;
                if (hashComments && name.StartsWith('#')) continue;
                names.Add(name);
            }
        }
        var readers = new List<ISheetSource>();
        int records;
        try
        {
            foreach (var name in names)
            {
                var sheet = workbook.OpenSheet(name, defaults);
                if (sheet.Ignored || sheet.Headers.Length == 0 || readers.Count > 0 && NamesParentThroughList(sheet, listName, problems)) sheet.Dispose();
                else readers.Add(sheet);
            }
            if (readers.Count == 0)
            {
                problems.Add(new CsvProblem { RuleId = RuleIds.CsvBadInput, Severity = Severity.Error, Message = $"{Path.GetFileName(path)} holds no sheet with a header row." });
                return new CsvConversionResult { Records = 0, Problems = [.. problems] };
            }
            records = SheetFolder.ReadRecords(readers, meta, AsideValues.Load(asideLines, problems), output, listName, rootKeys, schemaTypes, indented, problems);
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
        return new CsvConversionResult { Records = records, Problems = [.. problems] };
    }

    /// <summary>
    /// A sub-sheet whose columns name the parent through the list (<c>releases/id</c>, <c>releases/tender/id</c>):
    /// the sub-sheet layout of early flatten-tool, which ogpdata does not join. Read as they stand, its rows would
    /// each become a record of its own, so the sheet is left out and said to be (an error: the output lacks it).
    /// </summary>
    private static bool NamesParentThroughList(WorkbookSheet sheet, string listName, List<CsvProblem> problems)
    {
        var prefix = listName + "/";
        var through = Array.FindAll(sheet.Headers, header => header.StartsWith(prefix, StringComparison.Ordinal));
        if (through.Length == 0) return false;
        problems.Add(new CsvProblem
        {
            RuleId = RuleIds.CsvBadInput, Severity = Severity.Error, Sheet = sheet.Sheet,
            Message = $"sheet '{sheet.Sheet}' names its parent through the list ({string.Join(", ", through.Select(h => $"'{h}'"))}), the sub-sheet layout of early flatten-tool, which is not read: its rows are left out. Name each row's record by the main sheet's key columns (for releases 'ocid' and 'id') with paths from the record ('tender/documents/0/url'), or convert it with flatten-tool first.",
        });
        return true;
    }

    /// <summary>
    /// True when the workbook holds flattened OCDS releases rather than a commitments sheet: it has a
    /// <c>releases</c> sheet, or its first sheet has an <c>ocid</c> column.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a workbook of its format.</exception>
    public static bool HoldsReleases(string path)
    {
        var problems = new List<CsvProblem>();
        using var workbook = WorkbookReader.Open(path, problems);
        if (workbook.FindSheet("releases") is not null) return true;
        var first = workbook.SheetNames.FirstOrDefault(n => n != DataSheet && !n.Equals(MetaTab, StringComparison.OrdinalIgnoreCase));
        if (first is null) return false;
        using var sheet = workbook.OpenSheet(first);
        return sheet.Headers.Contains("ocid");
    }

    private static JsonObject? ReadDataSheet(WorkbookReader workbook, List<string> asideLines, List<CsvProblem> problems)
    {
        using var sheet = workbook.OpenSheet(DataSheet);
        var parts = new List<(string Part, StringBuilder Text)>();
        while (sheet.Read(out var row))
        {
            if (row.Cells.Length < 2) continue;
            if (row.Cells[0].Length > 0 || parts.Count == 0) parts.Add((row.Cells[0], new StringBuilder(row.Cells[1])));
            else parts[^1].Text.Append(row.Cells[1]);
        }
        JsonObject? meta = null;
        foreach (var (part, text) in parts)
        {
            if (part == "aside") asideLines.Add(text.ToString());
            else if (part == "meta")
            {
                try
                {
                    meta = JsonNode.Parse(text.ToString()) as JsonObject;
                }
                catch (JsonException e)
                {
                    problems.Add(new CsvProblem { RuleId = RuleIds.CsvBadInput, Severity = Severity.Error, Sheet = DataSheet, Message = $"The {DataSheet} sheet's metadata cannot be read ({e.Message}); the sheets are read without it." });
                }
            }
        }
        return meta;
    }

    /// <summary>flatten-tool's metatab, vertical: a <c>#</c> row of commands for every sheet, then one row per package field (path, value).</summary>
    private static JsonObject ReadMetaTab(WorkbookReader workbook, string name, List<CsvProblem> problems, out IReadOnlyList<string> commands)
    {
        commands = [];
        using var sheet = workbook.OpenSheet(name, raw: true);
        var cells = new List<WorkbookCell>();
        var headers = new List<string>();
        var values = new List<string>();
        while (sheet.ReadRaw(cells, out _))
        {
            if (cells.Count == 0 || cells[0].Column != 0) continue;
            var key = cells[0].Text.Trim();
            if (key == "#")
            {
                commands = WorkbookSheet.ReadCommands(cells);
                continue;
            }
            if (key.Length == 0 || cells.Count < 2 || cells[1].Column != 1) continue;
            headers.Add(key);
            values.Add(cells[1].Text);
        }
        var package = new JsonObject();
        if (headers.Count > 0)
        {
            var unflattener = new SheetUnflattener([.. headers], name, CsvTypeMap.Empty, [], problems);
            unflattener.Merge(new CsvRow(2, 2, [.. values]), package, new CellOrigins());
        }
        return new JsonObject { ["package"] = package };
    }
}
