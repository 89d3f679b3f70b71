using System.Text.Json.Nodes;
using OgpData.Conversion;
using OgpData.Csv;
using OgpData.Findings;
using OgpData.Testing;
using Xunit.Abstractions;

namespace OgpData.Tests.Csv;

public sealed class OcdsCsvRoundTripTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("ogpdata-csv-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string> Packages()
    {
        var data = new TheoryData<string>();
        var samples = SharedData.TryGet("ocds/samples");
        if (samples is null)
        {
            data.Add("(absent)");
            return data;
        }
        foreach (var path in Directory.EnumerateFiles(samples, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // Release packages only: single releases, records and arrays are other shapes.
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("releases", out var releases)
                && releases.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                data.Add(Path.GetRelativePath(samples, path).Replace('\\', '/'));
            }
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Packages))]
    public void Every_sample_release_package_round_trips_or_says_why(string sample)
    {
        var path = SharedData.Require("ocds/samples/" + sample);
        var folder = Path.Combine(_temp, "sheets");
        var written = OcdsCsv.WriteFolder(path, folder);
        using var json = new MemoryStream();
        var read = OcdsCsv.ReadFolder(folder, json);

        var original = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var back = JsonNode.Parse(json.ToArray())!.AsObject();
        var difference = JsonTreeDiff.FirstDifference(original, back);
        output.WriteLine($"{sample}: {written.Records} releases, {written.Files.Length} files, {written.Problems.Length} problems written, {read.Problems.Length} read; {(difference is null ? "equal" : "differs at " + difference)}");
        foreach (var problem in written.Problems.Concat(read.Problems).Where(p => p.Severity >= Severity.Warning).Take(5)) output.WriteLine("  " + problem.RuleId + " " + problem.Message);
        if (difference is null) return;
        // A package that cannot come back equal must have said so when written: releases sharing ocid and id.
        Assert.True(written.Problems.Any(p => p.RuleId == RuleIds.CsvDuplicateKey), $"{sample} differs at {difference} and the writer reported nothing about it.");
    }
}
