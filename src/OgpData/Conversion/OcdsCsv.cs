using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Csv;
using OgpData.Findings;

namespace OgpData.Conversion;

/// <summary>Options for <see cref="OcdsCsv"/>.</summary>
public sealed record OcdsCsvOptions
{
    /// <summary>
    /// The release schema (e.g. OCDS 1.1.5 <c>release-schema.json</c>, extensions merged in), for the kinds of
    /// columns in folders that carry no <c>meta.json</c> (hand-made or flatten-tool's). Kinds recorded in
    /// <c>meta.json</c> win over it.
    /// </summary>
    public JsonElement? ReleaseSchema { get; init; }

    /// <summary>How CSV files are written (delimiter, byte-order mark).</summary>
    public CsvWriteOptions Csv { get; init; } = CsvWriteOptions.Default;

    /// <summary>Indent the JSON written by <see cref="OcdsCsv.ReadFolder(string, Stream, OcdsCsvOptions?)"/>.</summary>
    public bool Indented { get; init; } = true;
}

/// <summary>
/// An OCDS release package as a folder of CSV sheets, flatten-tool style, and back. The folder holds
/// <c>releases.csv</c> (one row per release), one sheet per array of objects (<c>parties.csv</c>,
/// <c>awards.csv</c>, <c>award_suppliers.csv</c>, ...) whose rows start with their parents' keys
/// (<c>ocid</c>, <c>id</c>, <c>awards/0/id</c>), <c>meta.json</c> (package metadata, the sheets in order,
/// the kind of every column) and, when some values have no cell form, <c>aside.jsonl</c> — so that the round
/// trip gives back equal releases. See <c>docs/formats/csv.md</c>.
/// </summary>
public static class OcdsCsv
{
    /// <summary>The name of the folder's metadata file.</summary>
    public const string MetaFileName = "meta.json";

    private const string ListName = "releases";
    private static readonly string[] RootKeys = ["ocid", "id"];

    /// <summary>
    /// Writes the release package at <paramref name="packagePath"/> as a folder of sheets. The package is read
    /// twice, a release at a time (the first pass learns the columns), so it is never loaded whole.
    /// </summary>
    /// <exception cref="JsonException">The file is not JSON or its root is not an object.</exception>
    public static CsvConversionResult WriteFolder(string packagePath, string folder, OcdsCsvOptions? options = null)
    {
        options ??= new OcdsCsvOptions();
        var problems = new List<CsvProblem>();
        var shape = new ShapeNode("", null);
        var package = new JsonObject();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyed = true;
        var ordinal = 0;
        using (var first = OpenRead(packagePath))
        {
            JsonListReader.Read(first, ListName, (name, value) => package[name] = value, item =>
            {
                ordinal++;
                if (item is not JsonObject release) return;
                shape.Survey(release);
                var key = KeyOf(release);
                if (key is null)
                {
                    keyed = false;
                    return;
                }
                if (keys.TryGetValue(key, out var earlier))
                {
                    problems.Add(new CsvProblem
                    {
                        RuleId = CsvRuleIds.DuplicateKey, Severity = Severity.Warning, Pointer = $"/releases/{ordinal - 1}",
                        Message = $"Release {ordinal} has the same ocid and id as release {earlier}; sheets key rows by them, so read back {(earlier == ordinal - 1 ? "the two merge into one" : "it comes back with a rows-out-of-order warning")}.",
                    });
                }
                else keys.Add(key, ordinal);
            });
        }
        keys.Clear();
        var layout = SheetLayout.Build(shape, ListName, RootKeys, keyed, childSheets: true, rowArray: null);

        Directory.CreateDirectory(folder);
        var files = new List<string>();
        var writers = new Dictionary<SheetSpec, CsvSheetWriter>();
        var asidePath = Path.Combine(folder, AsideValues.FileName);
        if (File.Exists(asidePath)) File.Delete(asidePath);
        FileStream? asideStream = null;
        Utf8JsonWriter? asideWriter = null;
        var asideSummary = new Dictionary<string, (int Count, string Pointer)>(StringComparer.Ordinal);
        var records = 0;
        try
        {
            foreach (var sheet in layout.Sheets)
            {
                var path = Path.Combine(folder, sheet.Name + ".csv");
                var writer = new CsvSheetWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), options.Csv);
                writer.WriteRow(sheet.Headers);
                writers.Add(sheet, writer);
                files.Add(path);
            }
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            var aside = new List<(string Pointer, JsonNode? Value)>();
            using var second = OpenRead(packagePath);
            JsonListReader.Read(second, ListName, (_, _) => { }, item =>
            {
                records++;
                if (item is not JsonObject release)
                {
                    problems.Add(new CsvProblem
                    {
                        RuleId = CsvRuleIds.BadInput, Severity = Severity.Error, Pointer = $"/releases/{records - 1}",
                        Message = $"Release {records} is not an object; it cannot be written to a sheet and is left out.",
                    });
                    return;
                }
                aside.Clear();
                layout.Flatten(release, (sheet, cells) => writers[sheet].WriteRow(cells), aside);
                // Occurrences count every release, as the reader counts every record.
                var key = KeyOf(release) ?? "";
                occurrences.TryGetValue(key, out var occurrence);
                occurrences[key] = occurrence + 1;
                if (aside.Count == 0) return;
                if (asideWriter is null)
                {
                    asideStream = new FileStream(asidePath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                    asideWriter = new Utf8JsonWriter(asideStream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
                    files.Add(asidePath);
                }
                AsideValues.WriteLine(asideWriter, key, occurrence, aside);
                asideStream!.WriteByte((byte)'\n');
                asideWriter.Reset();
                foreach (var (pointer, value) in aside)
                {
                    var summaryKey = GenericOf(pointer) + " (" + Describe(value) + ")";
                    asideSummary[summaryKey] = asideSummary.TryGetValue(summaryKey, out var seen) ? (seen.Count + 1, seen.Pointer) : (1, $"/releases/{records - 1}{pointer}");
                }
            });
        }
        finally
        {
            foreach (var writer in writers.Values) writer.Dispose();
            asideWriter?.Dispose();
            asideStream?.Dispose();
        }
        foreach (var (what, (count, pointer)) in asideSummary)
        {
            problems.Add(new CsvProblem
            {
                RuleId = CsvRuleIds.NotRepresentable, Severity = Severity.Info, Pointer = pointer,
                Message = $"{count} value(s) at {what} have no cell form; they are kept in {AsideValues.FileName} and put back when the folder is read.",
            });
        }
        var metaPath = Path.Combine(folder, MetaFileName);
        WriteMeta(metaPath, package, layout);
        files.Add(metaPath);
        return new CsvConversionResult { Records = records, Files = [.. files], Problems = [.. problems] };
    }

    /// <summary>
    /// Reads a folder of sheets (written by <see cref="WriteFolder"/>, by flatten-tool, or by hand) and writes the
    /// release package to <paramref name="output"/>. Releases are written as their rows are read.
    /// </summary>
    public static CsvConversionResult ReadFolder(string folder, Stream output, OcdsCsvOptions? options = null)
    {
        options ??= new OcdsCsvOptions();
        var problems = new List<CsvProblem>();
        var metaPath = Path.Combine(folder, MetaFileName);
        JsonObject? meta = File.Exists(metaPath) ? JsonNode.Parse(File.ReadAllText(metaPath))?.AsObject() : null;
        var types = options.ReleaseSchema is { } schema ? CsvTypeMap.FromSchema(schema) : CsvTypeMap.Empty;
        if (meta?["types"] is JsonObject recorded)
        {
            var kinds = new List<KeyValuePair<string, FieldKind>>();
            foreach (var (path, name) in recorded)
            {
                if (CsvTypeMap.TryParseName(name?.GetValue<string>(), out var kind)) kinds.Add(new(path, kind));
            }
            types = types.Overlay(CsvTypeMap.From(kinds));
        }
        var sheetFiles = SheetFiles(folder, meta);
        if (sheetFiles.Count == 0)
        {
            problems.Add(new CsvProblem { RuleId = CsvRuleIds.BadInput, Severity = Severity.Error, Message = $"{folder} holds no {ListName}.csv and no meta.json naming the sheets." });
            return new CsvConversionResult { Records = 0, Problems = [.. problems] };
        }
        var aside = AsideValues.Load(Path.Combine(folder, AsideValues.FileName), problems);
        var readers = new List<CsvSheetReader>();
        var records = 0;
        try
        {
            foreach (var (name, path) in sheetFiles) readers.Add(CsvSheetReader.Open(path, name, null, problems));
            using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = options.Indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            if (meta?["package"] is JsonObject package)
            {
                foreach (var (name, value) in package)
                {
                    if (name == ListName) continue;
                    json.WritePropertyName(name);
                    if (value is null) json.WriteNullValue();
                    else value.WriteTo(json);
                }
            }
            json.WriteStartArray(ListName);
            var assembler = new RecordAssembler(readers, types, RootKeys, problems);
            records = assembler.Run((release, key, occurrence) =>
            {
                if (aside.Remove((key ?? "", occurrence), out var values))
                {
                    AsideValues.Apply(release, values, $"release '{(key ?? "").Replace('\u001F', '/')}'", problems);
                }
                release.WriteTo(json);
                if (json.BytesPending > 1 << 16) json.Flush();
            });
            json.WriteEndArray();
            json.WriteEndObject();
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
        foreach (var ((key, occurrence), values) in aside)
        {
            problems.Add(new CsvProblem
            {
                RuleId = CsvRuleIds.ResidueNotApplied, Severity = Severity.Warning, Sheet = "aside",
                Message = $"{values.Count} value(s) kept aside for release '{key.Replace('\u001F', '/')}' (occurrence {occurrence + 1}) are not put back: no such release was read from the sheets.",
            });
        }
        return new CsvConversionResult { Records = records, Problems = [.. problems] };
    }

    private static List<(string Name, string Path)> SheetFiles(string folder, JsonObject? meta)
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
        // No metadata (flatten-tool's output, or hand-made): the main sheet first, then by name, which puts
        // parents (awards) before their children (award_suppliers) in flatten-tool's naming.
        var main = Path.Combine(folder, ListName + ".csv");
        if (!File.Exists(main)) return files;
        files.Add((ListName, main));
        foreach (var path in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            if (path != main) files.Add((Path.GetFileNameWithoutExtension(path), path));
        }
        return files;
    }

    private static void WriteMeta(string path, JsonObject package, SheetLayout layout)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("format", "ogpdata-csv-folder/1");
        json.WriteString("list", ListName);
        json.WriteStartArray("keys");
        foreach (var key in RootKeys) json.WriteStringValue(key);
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

    /// <summary>The key the reader computes from the key cells: the texts of ocid and id, as the cells hold them.</summary>
    private static string? KeyOf(JsonObject release)
    {
        var ocid = KeyText(release["ocid"]);
        var id = KeyText(release["id"]);
        return ocid is null || id is null ? null : ocid + "\u001F" + id;
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
