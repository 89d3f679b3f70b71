using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Findings;
using OgpData.IO;

namespace OgpData.Csv;

/// <summary>
/// A JSON document holding one list of records, as a folder of sheets and back: the engine behind
/// <see cref="Conversion.OcdsCsv"/>, for any list name and record key (flatten-tool's <c>--root-list-path</c>
/// and <c>--id-name</c>).
/// </summary>
internal static class SheetFolder
{
    public const string MetaFileName = "meta.json";

    /// <summary>
    /// Writes the release package at <paramref name="packagePath"/> as a folder of sheets. The package is read
    /// twice, a release at a time (the first pass learns the columns), so it is never loaded whole.
    /// </summary>
    /// <exception cref="JsonException">The file is not JSON or its root is not an object.</exception>
    public static CsvConversionResult Write(string packagePath, string folder, string listName, string[] rootKeys, CsvWriteOptions csvOptions)
    {
        var problems = new List<CsvProblem>();
        var layout = Survey(packagePath, listName, rootKeys, problems, out var package);
        EnsureReplaceable(folder);
        var names = new List<string>();
        // The sheets are built in a folder beside the target and swapped in whole: a failed run leaves the
        // previous folder as it was, and a successful one leaves no stale sheet from an earlier layout.
        var records = AtomicFile.ReplaceFolder(folder, building => WriteSheets(building, packagePath, listName, rootKeys, csvOptions, layout, package, problems, names));
        return new CsvConversionResult { Records = records, Files = [.. names.Select(name => Path.Combine(folder, name))], Problems = [.. problems] };
    }

    /// <summary>Writes the sheets, the values kept aside and the metadata into <paramref name="folder"/>, adding their names to <paramref name="names"/>; returns the number of records.</summary>
    private static int WriteSheets(string folder, string packagePath, string listName, string[] rootKeys, CsvWriteOptions csvOptions, SheetLayout layout,
        JsonObject package, List<CsvProblem> problems, List<string> names)
    {
        var writers = new Dictionary<SheetSpec, CsvSheetWriter>();
        var asidePath = Path.Combine(folder, AsideValues.FileName);
        FileStream? asideStream = null;
        Utf8JsonWriter? asideWriter = null;
        int records;
        try
        {
            foreach (var sheet in layout.Sheets)
            {
                var path = Path.Combine(folder, sheet.Name + ".csv");
                var writer = new CsvSheetWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), csvOptions);
                writer.WriteRow(sheet.Headers);
                writers.Add(sheet, writer);
                names.Add(sheet.Name + ".csv");
            }
            records = Flatten(packagePath, layout, listName, rootKeys, problems, AsideValues.FileName, (sheet, cells) => writers[sheet].WriteRow(cells), (key, occurrence, aside) =>
            {
                if (asideWriter is null)
                {
                    asideStream = new FileStream(asidePath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                    asideWriter = new Utf8JsonWriter(asideStream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
                    names.Add(AsideValues.FileName);
                }
                AsideValues.WriteLine(asideWriter, key, occurrence, aside);
                asideStream!.WriteByte((byte)'\n');
                asideWriter.Reset();
            });
        }
        finally
        {
            foreach (var writer in writers.Values) writer.Dispose();
            asideWriter?.Dispose();
            asideStream?.Dispose();
        }
        using (var stream = new FileStream(Path.Combine(folder, MetaFileName), FileMode.Create, FileAccess.Write))
        {
            WriteMeta(stream, package, layout, listName, rootKeys, indented: true);
        }
        names.Add(MetaFileName);
        return records;
    }

    /// <summary>
    /// The first pass over the package: surveys the shape of every record (so the layout knows its columns),
    /// keeps the package's other members, and reports records whose keys collide.
    /// </summary>
    internal static SheetLayout Survey(string packagePath, string listName, string[] rootKeys, List<CsvProblem> problems, out JsonObject package)
    {
        var shape = new ShapeNode("", null);
        var members = new JsonObject();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyed = true;
        var ordinal = 0;
        using (var first = OpenRead(packagePath))
        {
            JsonListReader.Read(first, listName, (name, value) => members[name] = value, item =>
            {
                ordinal++;
                if (item is not JsonObject release) return;
                shape.Survey(release);
                var key = KeyOf(release, rootKeys);
                if (key is null)
                {
                    keyed = false;
                    return;
                }
                if (keys.TryGetValue(key, out var earlier))
                {
                    problems.Add(new CsvProblem
                    {
                        RuleId = RuleIds.CsvDuplicateKey, Severity = Severity.Warning, Pointer = $"/{listName}/{ordinal - 1}",
                        Message = $"Record {ordinal} has the same key ({string.Join(", ", rootKeys)}) as record {earlier}; sheets key rows by them, so read back {(earlier == ordinal - 1 ? "the two merge into one" : "it comes back with a rows-out-of-order warning")}.",
                    });
                }
                else keys.Add(key, ordinal);
            });
        }
        package = members;
        return SheetLayout.Build(shape, listName, rootKeys, keyed, childSheets: true, rowArray: null);
    }

    /// <summary>
    /// The second pass: flattens each record into rows for <paramref name="onRow"/>, and hands the values that
    /// have no cell form to <paramref name="onAside"/> (with the record's key and occurrence), summarised as
    /// problems naming <paramref name="asidePlace"/>. Returns the number of records.
    /// </summary>
    internal static int Flatten(string packagePath, SheetLayout layout, string listName, string[] rootKeys, List<CsvProblem> problems, string asidePlace,
        Action<SheetSpec, string?[]> onRow, Action<string, int, List<(string Pointer, JsonNode? Value)>> onAside)
    {
        var asideSummary = new Dictionary<string, (int Count, string Pointer)>(StringComparer.Ordinal);
        var records = 0;
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var aside = new List<(string Pointer, JsonNode? Value)>();
        using (var second = OpenRead(packagePath))
        {
            JsonListReader.Read(second, listName, (_, _) => { }, item =>
            {
                records++;
                if (item is not JsonObject release)
                {
                    problems.Add(new CsvProblem
                    {
                        RuleId = RuleIds.CsvBadInput, Severity = Severity.Error, Pointer = $"/{listName}/{records - 1}",
                        Message = $"Record {records} is not an object; it cannot be written to a sheet and is left out.",
                    });
                    return;
                }
                aside.Clear();
                layout.Flatten(release, onRow, aside);
                // Occurrences count every release, as the reader counts every record.
                var key = KeyOf(release, rootKeys) ?? "";
                occurrences.TryGetValue(key, out var occurrence);
                occurrences[key] = occurrence + 1;
                if (aside.Count == 0) return;
                onAside(key, occurrence, aside);
                foreach (var (pointer, value) in aside)
                {
                    var summaryKey = GenericOf(pointer) + " (" + Describe(value) + ")";
                    asideSummary[summaryKey] = asideSummary.TryGetValue(summaryKey, out var seen) ? (seen.Count + 1, seen.Pointer) : (1, $"/{listName}/{records - 1}{pointer}");
                }
            });
        }
        foreach (var (what, (count, pointer)) in asideSummary)
        {
            problems.Add(new CsvProblem
            {
                RuleId = RuleIds.CsvNotRepresentable, Severity = Severity.Info, Pointer = pointer,
                Message = $"{count} value(s) at {what} have no cell form; they are kept in {asidePlace} and put back when the {(asidePlace == AsideValues.FileName ? "folder" : "workbook")} is read.",
            });
        }
        return records;
    }

    /// <summary>
    /// Refuses to replace a folder that holds anything but what a sheets folder holds: <c>-o .</c> or
    /// <c>-o ~/Documents</c> must never swap away a folder of the user's own files.
    /// </summary>
    private static void EnsureReplaceable(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var name = Path.GetFileName(entry);
            var ours = File.Exists(entry) && (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name is MetaFileName or AsideValues.FileName);
            if (!ours) throw new IOException($"'{folder}' already holds '{name}', which is not a sheet; the folder is replaced whole, so write the sheets to a new or empty folder.");
        }
    }


    /// <summary>
    /// Reads a folder of sheets (written by <see cref="Write"/>, by flatten-tool, or by hand) and writes the
    /// release package to <paramref name="output"/>. Releases are written as their rows are read.
    /// </summary>
    public static CsvConversionResult Read(string folder, Stream output, string listName, string[] rootKeys, CsvTypeMap schemaTypes, bool indented, string? mainSheet = null)
    {
        var problems = new List<CsvProblem>();
        var metaPath = Path.Combine(folder, MetaFileName);
        JsonObject? meta = File.Exists(metaPath) ? JsonNode.Parse(File.ReadAllText(metaPath))?.AsObject() : null;
        var sheetFiles = SheetFiles(folder, meta, mainSheet ?? listName);
        if (sheetFiles.Count == 0)
        {
            problems.Add(new CsvProblem { RuleId = RuleIds.CsvBadInput, Severity = Severity.Error, Message = $"{folder} holds no {listName}.csv and no meta.json naming the sheets." });
            return new CsvConversionResult { Records = 0, Problems = [.. problems] };
        }
        var aside = AsideValues.Load(Path.Combine(folder, AsideValues.FileName), problems);
        var readers = new List<ISheetSource>();
        int records;
        try
        {
            foreach (var (name, path) in sheetFiles) readers.Add(CsvSheetReader.Open(path, name, null, problems));
            records = ReadRecords(readers, meta, aside, output, listName, rootKeys, schemaTypes, indented, problems);
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
        return new CsvConversionResult { Records = records, Problems = [.. problems] };
    }

    /// <summary>
    /// Assembles the records from sheets already open (the main sheet first), types their cells by the schema
    /// and the kinds <paramref name="meta"/> recorded, puts back the values kept aside, and writes the package.
    /// </summary>
    internal static int ReadRecords(IReadOnlyList<ISheetSource> readers, JsonObject? meta, Dictionary<(string, int), string> aside, Stream output,
        string listName, string[] rootKeys, CsvTypeMap schemaTypes, bool indented, List<CsvProblem> problems)
    {
        var types = schemaTypes;
        if (meta?["types"] is JsonObject recorded)
        {
            var kinds = new List<KeyValuePair<string, FieldKind>>();
            foreach (var (path, name) in recorded)
            {
                if (CsvTypeMap.TryParseName(name?.GetValue<string>(), out var kind)) kinds.Add(new(path, kind));
            }
            types = types.Overlay(CsvTypeMap.From(kinds));
        }
        int records;
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (meta?["package"] is JsonObject package)
            {
                foreach (var (name, value) in package)
                {
                    if (name == listName) continue;
                    json.WritePropertyName(name);
                    if (value is null) json.WriteNullValue();
                    else value.WriteTo(json);
                }
            }
            json.WriteStartArray(listName);
            var assembler = new RecordAssembler(readers, types, rootKeys, problems);
            records = assembler.Run((release, key, occurrence, _) =>
            {
                if (aside.Remove((key ?? "", occurrence), out var line))
                {
                    AsideValues.Apply(release, line, $"record '{(key ?? "").Replace('\u001F', '/')}'", problems);
                }
                release.WriteTo(json);
                if (json.BytesPending > 1 << 16) json.Flush();
            });
            json.WriteEndArray();
            json.WriteEndObject();
        }
        foreach (var ((key, occurrence), line) in aside)
        {
            problems.Add(new CsvProblem
            {
                RuleId = RuleIds.CsvResidueNotApplied, Severity = Severity.Warning, Sheet = "aside",
                Message = $"{AsideValues.CountValues(line)} value(s) kept aside for record '{key.Replace('\u001F', '/')}' (occurrence {occurrence + 1}) are not put back: no such record was read from the sheets.",
            });
        }
        return records;
    }

    private static List<(string Name, string Path)> SheetFiles(string folder, JsonObject? meta, string mainSheet)
    {
        var files = new List<(string, string)>();
        if (meta?["sheets"] is JsonArray sheets)
        {
            foreach (var sheet in sheets)
            {
                var name = sheet?["name"]?.GetValue<string>();
                if (name is null) continue;
                var path = Path.Combine(folder, name + ".csv");
                if (File.Exists(path)) files.Add((name, path));
            }
            return files;
        }
        // No metadata (flatten-tool's output, or hand-made): the main sheet first, then parents before children
        // (flatten-tool's names have one '_' per level: awards, award_suppliers), so that items are created in
        // their own sheet's order before child rows find them by id.
        var main = Path.Combine(folder, mainSheet + ".csv");
        if (!File.Exists(main)) return files;
        files.Add((mainSheet, main));
        foreach (var path in Directory.GetFiles(folder, "*.csv").OrderBy(p => Path.GetFileName(p).Count(c => c == '_')).ThenBy(p => p, StringComparer.Ordinal))
        {
            if (path != main) files.Add((Path.GetFileNameWithoutExtension(path), path));
        }
        return files;
    }

    /// <summary>The metadata that makes the sheets read back the same: package members, list, keys, sheets in order, every field's kind.</summary>
    internal static void WriteMeta(Stream stream, JsonObject package, SheetLayout layout, string listName, string[] rootKeys, bool indented)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("format", "ogpdata-csv-folder/1");
        json.WriteString("list", listName);
        json.WriteStartArray("keys");
        foreach (var key in rootKeys) json.WriteStringValue(key);
        json.WriteEndArray();
        json.WriteStartArray("sheets");
        foreach (var sheet in layout.Sheets)
        {
            json.WriteStartObject();
            json.WriteString("name", sheet.Name);
            json.WriteString("path", sheet.Array?.GenericPath ?? "");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("types");
        foreach (var (field, kind) in layout.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal)) json.WriteString(field, CsvTypeMap.NameOf(kind));
        json.WriteEndObject();
        json.WritePropertyName("package");
        package.WriteTo(json);
        json.WriteEndObject();
    }

    /// <summary>The key the reader computes from the key cells: the texts of the key fields, as the cells hold them.</summary>
    private static string? KeyOf(JsonObject record, string[] rootKeys)
    {
        var parts = new string[rootKeys.Length];
        for (var k = 0; k < rootKeys.Length; k++)
        {
            if (KeyText(record[rootKeys[k]]) is not { } text) return null;
            parts[k] = text;
        }
        return string.Join('\u001F', parts);
    }

    private static string? KeyText(JsonNode? value) => value is JsonValue v ? v.GetValueKind() switch
    {
        JsonValueKind.String when v.GetValue<string>() is { Length: > 0 } text => text,
        JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    } : null;

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    private static string GenericOf(string pointer)
    {
        var parts = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => !HeaderPath.IsIndex(p));
        return string.Join('/', parts);
    }

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray { Count: 0 } => "empty array",
        JsonArray => "array with no cell form",
        JsonObject { Count: 0 } => "empty object",
        JsonObject => "object with no cell form",
        _ when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0 => "empty string",
        _ => "value of another kind than its column",
    };
}
