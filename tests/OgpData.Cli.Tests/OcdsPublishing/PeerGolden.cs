using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Testing;

namespace OgpData.Cli.Tests.OcdsPublishing;

/// <summary>ocdskit's golden outputs (../shared/peers/ocdskit/golden/MANIFEST.json): the entries, and their outputs parsed.</summary>
internal static class PeerGolden
{
    /// <summary>The <c>shared/</c> folder (the manifest's paths are relative to it), or null when absent.</summary>
    public static string? SharedRoot => SharedData.TryGet("") is { } data ? Path.GetFullPath(Path.Combine(data, "..")) : null;

    public sealed record Entry(string Id, string[] Argv, string[] Inputs, string Output, int ExitCode);

    public static IReadOnlyList<Entry> Entries(Func<Entry, bool> where)
    {
        var root = SharedRoot;
        var manifest = root is null ? null : Path.Combine(root, "peers/ocdskit/golden/MANIFEST.json");
        if (manifest is null || !File.Exists(manifest)) return [];
        using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
        var entries = new List<Entry>();
        foreach (var file in document.RootElement.GetProperty("files").EnumerateArray())
        {
            var argvs = file.GetProperty("argv");
            if (argvs.GetArrayLength() != 1) continue; // pipelines of two commands
            var entry = new Entry(file.GetProperty("id").GetString()!,
                [.. argvs[0].EnumerateArray().Select(a => a.GetString()!)],
                [.. file.GetProperty("inputs").EnumerateArray().Select(i => Path.Combine(root!, i.GetString()!))],
                Path.Combine(root!, file.GetProperty("output").GetString()!),
                file.GetProperty("exit_code").GetInt32());
            if (where(entry)) entries.Add(entry);
        }
        return entries;
    }

    public static TheoryData<string> Ids(Func<Entry, bool> where)
    {
        var data = new TheoryData<string>();
        foreach (var entry in Entries(where)) data.Add(entry.Id);
        if (data.Count == 0) data.Add("(absent)");
        return data;
    }

    public static Entry Get(string id)
    {
        var found = id == "(absent)" ? [] : Entries(e => e.Id == id);
        Skip.If(found.Count == 0, "../shared/peers/ocdskit/golden is absent: the peer's golden outputs live there.");
        return found[0];
    }

    /// <summary>A golden output file: one document, or JSON Lines (each line a value), gzip or not.</summary>
    public static List<JsonNode?> ReadValues(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        if (!path.Replace(".gz", "", StringComparison.Ordinal).EndsWith(".jsonl", StringComparison.Ordinal)) return [JsonNode.Parse(text)];
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line))];
    }

    /// <summary>Asserts that an output holds the golden output's values, equal as parsed JSON with members in the same order.</summary>
    public static void AssertSameValues(string goldenPath, string actualPath)
    {
        var expected = ReadValues(goldenPath);
        var actual = ReadValues(actualPath);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Null(FirstDifference(expected[i], actual[i], $"[{i}]"));
    }

    /// <summary>Null when equal as parsed JSON with members in the same order; else where they first differ.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string pointer = "")
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                var expectedNames = e.Select(m => m.Key).ToList();
                var actualNames = a.Select(m => m.Key).ToList();
                if (!expectedNames.SequenceEqual(actualNames)) return $"{pointer}: members {string.Join(",", expectedNames)} expected, {string.Join(",", actualNames)} found";
                foreach (var (name, value) in e)
                {
                    if (FirstDifference(value, a[name], pointer + "/" + name) is { } inner) return inner;
                }
                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count) return $"{pointer}: {e.Count} items expected, {a.Count} found";
                for (var i = 0; i < e.Count; i++)
                {
                    if (FirstDifference(e[i], a[i], pointer + "/" + i) is { } inner) return inner;
                }
                return null;
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                // Python prints floats its own way (1E2 -> 100.0): compare the numbers.
                return e.GetValue<double>() == a.GetValue<double>() ? null : $"{pointer}: {e} expected, {a} found";
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{pointer}: {expected?.ToJsonString()} expected, {actual?.ToJsonString()} found";
        }
    }
}
