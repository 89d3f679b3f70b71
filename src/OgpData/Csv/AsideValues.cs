using System.Text.Json;
using OgpData.Json;
using System.Text.Json.Nodes;
using OgpData.Findings;

namespace OgpData.Csv;

/// <summary>
/// The values a sheet has no cell for (null, "", [], {}, arrays of arrays, mixed arrays, string lists holding
/// an empty string, keys with <c>/</c>, a value whose kind differs from its column's), kept beside the
/// sheets as JSON Lines — one line per record that has any — and put back when the folder is read.
/// </summary>
internal static class AsideValues
{
    public const string FileName = "aside.jsonl";

    /// <summary>Writes one record's line.</summary>
    public static void WriteLine(Utf8JsonWriter writer, string key, int occurrence, List<(string Pointer, JsonNode? Value)> values)
    {
        writer.WriteStartObject();
        writer.WriteString("key", key);
        writer.WriteNumber("occurrence", occurrence);
        writer.WriteStartArray("values");
        foreach (var (pointer, value) in values)
        {
            writer.WriteStartObject();
            writer.WriteString("pointer", pointer);
            writer.WritePropertyName("value");
            if (value is null) writer.WriteNullValue();
            else value.WriteTo(writer);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>
    /// Indexes the file: (key, occurrence) → that line's text. Missing file: empty. The values are parsed only
    /// when their record is read back (<see cref="Apply"/>): parsed trees for every line at once cost many
    /// times the file's size.
    /// </summary>
    public static Dictionary<(string, int), string> Load(string path, List<CsvProblem> problems) =>
        File.Exists(path) ? Load(File.ReadLines(path), problems) : [];

    /// <summary>Indexes the lines as <see cref="Load(string, List{CsvProblem})"/> does, wherever they are kept (a workbook keeps them in a sheet).</summary>
    public static Dictionary<(string, int), string> Load(IEnumerable<string> lines, List<CsvProblem> problems)
    {
        var map = new Dictionary<(string, int), string>();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            try
            {
                using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 256 });
                var root = document.RootElement;
                if (root.GetProperty("values").ValueKind != JsonValueKind.Array) throw new FormatException("'values' is not an array");
                map[(root.GetProperty("key").GetString()!, root.GetProperty("occurrence").GetInt32())] = line;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or NullReferenceException)
            {
                problems.Add(BadLine(lineNumber, e.Message));
            }
        }
        return map;
    }

    private static CsvProblem BadLine(int lineNumber, string why) => new()
    {
        RuleId = RuleIds.CsvBadInput, Severity = Severity.Error, Sheet = "aside", Row = lineNumber, Line = lineNumber,
        Message = $"{FileName}, line {lineNumber}, cannot be read ({why}); its values are not put back.",
    };

    /// <summary>How many values a line indexed by <see cref="Load(string, List{CsvProblem})"/> holds, for messages about lines left over.</summary>
    public static int CountValues(string line)
    {
        using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 256 });
        return document.RootElement.GetProperty("values").GetArrayLength();
    }

    /// <summary>Puts a line's values back into a record; a value whose place no longer exists, or is taken by a cell, is a problem.</summary>
    public static void Apply(JsonObject record, string line, string describe, List<CsvProblem> problems)
    {
        var node = JsonTrees.Parse(System.Text.Encoding.UTF8.GetBytes(line))!.AsObject();
        foreach (var entry in node["values"]!.AsArray())
        {
            if (entry is not JsonObject item || item["pointer"] is not JsonValue pointerNode || !pointerNode.TryGetValue<string>(out var pointer)) continue;
            var value = item["value"];
            item.Remove("value");
            if (!TrySet(record, pointer, value, out var reason))
            {
                problems.Add(new CsvProblem
                {
                    RuleId = RuleIds.CsvResidueNotApplied, Severity = Severity.Warning, Pointer = pointer, Sheet = "aside",
                    Value = JsonText.Of(value),
                    Message = $"The value {Shorten(value)} kept aside for {describe} at {pointer} is not put back: {reason}.",
                });
            }
        }
    }

    private static bool TrySet(JsonObject record, string pointer, JsonNode? value, out string reason)
    {
        var tokens = pointer.Split('/')[1..];
        JsonNode current = record;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = OgpData.Json.JsonPointerText.Unescape(tokens[t]);
            var last = t == tokens.Length - 1;
            if (current is JsonObject obj)
            {
                if (last)
                {
                    if (obj.ContainsKey(token))
                    {
                        reason = "the sheets now hold a value there";
                        return false;
                    }
                    obj[token] = value;
                    reason = "";
                    return true;
                }
                var next = obj[token];
                if (next is null)
                {
                    if (HeaderPath.IsIndex(tokens[t + 1]) || obj.ContainsKey(token))
                    {
                        reason = "the array it belongs to is no longer there";
                        return false;
                    }
                    next = new JsonObject();
                    obj[token] = next;
                }
                current = next;
            }
            else if (current is JsonArray array && int.TryParse(token, out var index) && index < array.Count && !last && array[index] is { } item)
            {
                current = item;
            }
            else
            {
                reason = "the item it belongs to is no longer there";
                return false;
            }
        }
        reason = "the pointer is empty";
        return false;
    }

    private static string Shorten(JsonNode? value)
    {
        var text = JsonText.Of(value);
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}

/// <summary>JSON text of a value for messages: accents written as they are, not as <c>\u00E9</c>.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(JsonNode? value) => value?.ToJsonString(Readable) ?? "null";
}
