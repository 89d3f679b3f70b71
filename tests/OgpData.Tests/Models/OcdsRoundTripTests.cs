using System.Text;
using System.Text.Json;
using OgpData.Testing;
using Xunit.Abstractions;

namespace OgpData.Tests.Models;

/// <summary>
/// Every JSON and JSON Lines file under ../shared/data/ocds/samples and fixtures that holds OCDS data is read
/// into the typed model and written back; the trees must be equal (numbers compared by text). Files that are
/// not OCDS data (schemas, extension metadata, expected-results files) or not UTF-8 JSON are skipped with the
/// reason. Deliberately invalid fixtures must round-trip too: values of the wrong type are kept raw.
/// </summary>
public sealed class OcdsRoundTripTests(ITestOutputHelper output)
{
    private static readonly string[] Folders = ["ocds/samples", "ocds/fixtures"];

    public static TheoryData<string> JsonFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders)
        {
            var root = SharedData.TryGet(folder);
            if (root is null)
            {
                data.Add(folder); // the test skips, saying the data is absent
                continue;
            }
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(path => path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".jsonl", StringComparison.Ordinal))
                .Select(path => folder + "/" + Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal);
            foreach (var file in files) data.Add(file);
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(JsonFiles))]
    public void Every_OCDS_document_round_trips_through_the_model(string relativePath)
    {
        var path = SharedData.Require(relativePath);
        var bytes = File.ReadAllBytes(path);
        if (relativePath.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            RoundTripLines(relativePath, bytes);
            return;
        }
        if (IsConcatenatedJson(bytes))
        {
            // Several documents, one per line, in a .json file (ocdskit's "split" fixtures): JSON Lines in all but name.
            RoundTripLines(relativePath, bytes);
            return;
        }
        using var document = ParseOrSkip(bytes, relativePath);
        var (kind, why) = OcdsDocuments.Detect(document.RootElement);
        Skip.If(kind == OcdsKind.NotOcds, $"{relativePath} is not OCDS data: {why}.");
        var count = OcdsDocuments.AssertRoundTrips(kind, document.RootElement, relativePath);
        output.WriteLine($"{relativePath}: {kind}, {count} document(s) round-tripped");
    }

    private void RoundTripLines(string relativePath, byte[] bytes)
    {
        var lines = 0;
        var number = 0;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var document = JsonDocument.Parse(line);
            var (kind, why) = OcdsDocuments.Detect(document.RootElement);
            Assert.True(kind != OcdsKind.NotOcds, $"{relativePath} line {number} is not OCDS: {why}");
            lines += OcdsDocuments.AssertRoundTrips(kind, document.RootElement, $"{relativePath} line {number}");
        }
        output.WriteLine($"{relativePath}: {lines} line(s) round-tripped");
    }

    private static bool IsConcatenatedJson(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        var values = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) values++;
            }
        }
        catch (JsonException)
        {
            return false;
        }
        return values > 1;
    }

    private static JsonDocument ParseOrSkip(byte[] bytes, string relativePath)
    {
        try
        {
            // JsonDocument, like the model, reads UTF-8 only (a BOM is allowed).
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException error)
        {
            Skip.If(true, $"{relativePath} is not well-formed UTF-8 JSON ({error.Message}).");
            throw;
        }
    }
}
