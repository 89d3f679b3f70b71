using System.IO.Compression;
using System.Text;
using OgpData.Findings;
using OgpData.Json;
using OgpData.Reporting;
using OgpData.Streaming;
using OgpData.Testing;
using OgpData.Validation;

namespace OgpData.Tests.OcdsValidation;

/// <summary>
/// The validator reads each release once: the reader cuts it out with the structural scan and the worker's
/// parse is its only tokenisation. These tests hold that path to the one that tokenised every release in the
/// reader, and to the whole-file path's limits and duplicate names.
/// </summary>
public sealed class SinglePassTests : HostileFiles
{
    private static readonly string[] RealFiles =
    [
        "ocds/samples/armenia.release-package.json", "ocds/samples/uganda.release-package.json", "ocds/samples/moldova.release-package.json",
        "ocds/samples/paraguay.releases.jsonl", "ocds/samples/all-publishers-2018.releases.jsonl", "ocds/samples/other-real/portugal-impic-release-package-array_kingfisher-process.json",
        "ocds/large/canada-buyandsell-2014.records_linked.json.gz", "ocds/large/canada-buyandsell-2014.contracts_releases_compact.json.gz",
    ];

    public static TheoryData<string> Files => [.. RealFiles];

    /// <summary>
    /// Every part the validator is given (item bytes, pointer, index, offset, line and column) is the same whether
    /// the reader tokenises the items or only cuts them out: the findings, made from nothing else, are the same.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Files))]
    public async Task Cutting_releases_out_unparsed_hands_the_validator_the_very_same_parts(string file)
    {
        var path = SharedData.Require(file);
        var checkedParts = await Parts(path, validate: true);
        var cutParts = await Parts(path, validate: false);
        Assert.Equal(checkedParts.Count, cutParts.Count);
        Assert.True(checkedParts.Count > 1);
        for (var i = 0; i < checkedParts.Count; i++) Assert.Equal(checkedParts[i], cutParts[i]);
    }

    private static async Task<List<string>> Parts(string path, bool validate)
    {
        await using var input = await InputDetector.DetectAsync(File.OpenRead(path));
        var parts = new List<string>();
        var settings = new OcdsStreamReader.ReadSettings(OcdsStreamReader.DefaultBufferBytes, JsonChunkLimits.Default, validate);
        await foreach (var part in OcdsStreamReader.ReadAsync(input.Content, input.Kind, settings, CancellationToken.None))
        {
            var label = part is StreamedItem item ? $"{item.Index} {item.IndexInArray} {item.Kind}" : part.GetType().Name;
            parts.Add($"{label} {part.Pointer} {part.ByteOffset} {part.Position} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(part.Utf8.Span))}");
            (part as StreamedItem)?.ReturnLentUtf8();
        }
        return parts;
    }

    [Theory]
    [InlineData("{\"a\": [1, {\"b\": \"]}\\\"\"}, []], \"c\": {}}")]
    [InlineData("[{\"x\": \"\\\\\"}, \"{\", 2]")]
    [InlineData("{}")]
    public void The_scan_ends_a_value_where_the_tokeniser_does(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + " , {\"next\": 1}");
        var scan = JsonValueScanner.FindEnd(bytes, final: true, 0, JsonChunkLimits.Default);
        Assert.Null(scan.Problem);
        Assert.Equal(Encoding.UTF8.GetByteCount(json), scan.Length);
        // Cut anywhere before its end, the value is not there yet.
        for (var cut = 1; cut < scan.Length; cut++) Assert.Equal(0, JsonValueScanner.FindEnd(bytes.AsSpan(0, cut), final: false, 0, JsonChunkLimits.Default).Length);
    }

    [Fact]
    public async Task A_broken_release_stops_the_input_at_its_place_after_the_releases_before_it_are_checked()
    {
        var broken = ReleasePackage.Replace("\"releases\": [{", "\"releases\": [{\"ocid\": \"ocds-213czf-0\", \"id\": \"0\", \"tag\": [\"planning\"]},\n{\"ocid\": tru, ");
        // A file this small is diagnosed whole by the detector, at 3:13.
        var e = await Assert.ThrowsAsync<InputException>(() => new DocumentValidator(new ValidationOptions()).ValidateFileAsync(Write("broken.json", broken)));
        Assert.Contains("broken.json:3:13: not well-formed JSON", e.Message, StringComparison.Ordinal);
        // Past the detector's first megabyte, the streamed reading finds it at the same place, after checking the releases before it.
        const int before = 5000;
        var padding = string.Concat(Enumerable.Range(1, before).Select(i => $"{{\"ocid\": \"ocds-213czf-p{i}\", \"id\": \"{i}\", \"tag\": [\"planning\"], \"description\": \"{new string('p', 200)}\"}},"));
        var large = broken.Replace("\"releases\": [", "\"releases\": [" + padding);
        var result = await OgpData.OcdsValidation.OcdsValidator.ValidateAsync(new MemoryStream(Encoding.UTF8.GetBytes(large)), new OgpData.OcdsValidation.OcdsValidationOptions { MaxFindings = int.MaxValue });
        Assert.Equal(before + 1, result.Records);
        Assert.NotNull(result.Unreadable);
        var last = result.Findings[^1];
        Assert.Equal((RuleIds.OcdsMalformedJson, 3, 13), (last.RuleId, last.Line, last.Column));
        Assert.StartsWith("The input is not well-formed JSON", last.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<InputException>(() => new DocumentValidator(new ValidationOptions()).ValidateFileAsync(Write("large.json", large)));
        Assert.Contains("large.json:3:13: The input is not well-formed JSON", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("],\n  \"license\": tru}")]
    [InlineData("]\n  \"license\": \"x\"}")]
    [InlineData("}\n  {\"ocid\": \"x\"}]}")]
    [InlineData(",\n  ]}")]
    public async Task A_break_in_the_structure_megabytes_in_is_placed_where_a_whole_text_reader_places_it(string tail)
    {
        // Thousands of releases, so several buffer refills and the scanner's lists come before the break.
        var padding = string.Join(",\n", Enumerable.Range(1, 5000).Select(i => $"{{\"ocid\": \"ocds-213czf-p{i}\", \"id\": \"{i}\", \"description\": \"{new string('p', 200)}\"}}"));
        var bytes = Encoding.UTF8.GetBytes("{\"version\": \"1.1\", \"releases\": [\n" + padding + "\n" + tail);
        var whole = Assert.ThrowsAny<System.Text.Json.JsonException>(() =>
        {
            var reader = new System.Text.Json.Utf8JsonReader(bytes);
            while (reader.Read()) { }
        });
        var result = await OgpData.OcdsValidation.OcdsValidator.ValidateAsync(new MemoryStream(bytes), new OgpData.OcdsValidation.OcdsValidationOptions { MaxFindings = int.MaxValue });
        Assert.NotNull(result.Unreadable);
        var last = result.Findings[^1];
        Assert.Equal(RuleIds.OcdsMalformedJson, last.RuleId);
        Assert.Equal((whole.LineNumber + 1, whole.BytePositionInLine + 1), (last.Line, last.Column));
    }

    [Fact]
    public async Task A_name_given_twice_in_a_streamed_release_is_JSON0001_at_the_repeat_as_in_a_whole_file()
    {
        var text = ReleasePackage.Replace("\"tender\": {\"id\": \"T1\",", "\"tender\": {\"id\": \"T1\", \"id\": \"T2\",");
        var report = await new DocumentValidator(new ValidationOptions()).ValidateFileAsync(Write("twice.json", text));
        var finding = Assert.Single(report.Findings, f => f.RuleId == RuleIds.DuplicatePropertyName);
        Assert.Equal("/releases/0/tender/id", finding.Pointer);
        Assert.Equal("id", finding.Value);
        var line = text.Split('\n')[finding.Line - 1];
        Assert.StartsWith("\"id\": \"T2\"", line[(finding.Column - 1)..], StringComparison.Ordinal);
        var first = line.IndexOf("\"id\": \"T1\"", StringComparison.Ordinal) + 1;
        Assert.Contains($"(first at line {finding.Line}, column {first})", finding.Message, StringComparison.Ordinal);
        // The last value is the one checked, as in the whole-file path; turned off, the rule costs nothing.
        var off = await new DocumentValidator(new ValidationOptions { Severities = System.Collections.Immutable.ImmutableDictionary<string, Severity>.Empty.Add(RuleIds.DuplicatePropertyName, Severity.None) })
            .ValidateFileAsync(Write("twice-off.json", text));
        Assert.DoesNotContain(off.Findings, f => f.RuleId == RuleIds.DuplicatePropertyName);
        Assert.Equal(report.Counts.Total - 1, off.Counts.Total);
    }

    [Fact]
    public async Task A_name_given_twice_on_a_JSON_Lines_line_is_JSON0001_too()
    {
        var line = "{\"ocid\": \"ocds-213czf-1\", \"id\": \"1\", \"id\": \"2\", \"date\": \"2020-01-01T00:00:00Z\"}";
        var report = await new DocumentValidator(new ValidationOptions()).ValidateFileAsync(Write("lines.jsonl", line + "\n" + line.Replace("ocds-213czf-1", "ocds-213czf-2") + "\n"));
        var found = report.Findings.Where(f => f.RuleId == RuleIds.DuplicatePropertyName).ToList();
        Assert.Equal(["/0/id", "/1/id"], found.Select(f => f.Pointer));
        Assert.Equal([1, 2], found.Select(f => f.Line));
    }

    [Fact]
    public async Task The_string_length_limit_holds_in_streamed_releases_and_metadata()
    {
        var longTitle = ReleasePackage.Replace("\"id\": \"T1\"", "\"id\": \"T1\", \"title\": \"" + new string('x', 5000) + "\"");
        var limited = new DocumentValidator(new ValidationOptions { MaxStringLength = 1000 });
        var e = await Assert.ThrowsAsync<InputException>(() => limited.ValidateFileAsync(Write("long.json", longTitle)));
        Assert.Contains("long.json:3:", e.Message, StringComparison.Ordinal);
        Assert.Contains("a string longer than 1000 characters, the maximum string length; raise it with --max-string-length N", e.Message, StringComparison.Ordinal);
        var inMetadata = ReleasePackage.Replace("\"version\": \"1.1\"", "\"version\": \"1.1\", \"license\": \"" + new string('y', 5000) + "\"");
        e = await Assert.ThrowsAsync<InputException>(() => limited.ValidateFileAsync(Write("long-metadata.json", inMetadata)));
        Assert.Contains("the maximum string length", e.Message, StringComparison.Ordinal);
        // Escapes count as the characters they stand for: 600 "\u0041" are 600 characters, within the limit.
        var escaped = ReleasePackage.Replace("\"id\": \"T1\"", "\"id\": \"T1\", \"title\": \"" + string.Concat(Enumerable.Repeat("\\u0041", 600)) + "\"");
        Assert.Equal(1, (await limited.ValidateFileAsync(Write("escaped.json", escaped))).Counts.Records);
    }

    [Fact]
    public async Task Max_depth_is_honoured_by_streamed_releases_both_ways()
    {
        var deep = ReleasePackage.Replace("\"tender\": {", "\"tender\": {\"extra\": " + Nest(300) + ",");
        var path = Write("deep.json", deep);
        var e = await Assert.ThrowsAsync<InputException>(() => new DocumentValidator(new ValidationOptions()).ValidateFileAsync(path));
        Assert.Matches(@"deep\.json:3:\d+: objects and arrays are nested deeper than 256 levels, the maximum depth; raise it with --max-depth N", e.Message);
        var raised = await new DocumentValidator(new ValidationOptions { MaxDepth = 400 }).ValidateFileAsync(path);
        Assert.Equal(1, raised.Counts.Records);
        var lower = await Assert.ThrowsAsync<InputException>(() => new DocumentValidator(new ValidationOptions { MaxDepth = 8 }).ValidateFileAsync(Write("shallow.json", ReleasePackage.Replace("\"tender\": {", "\"tender\": {\"extra\": " + Nest(6) + ","))));
        Assert.Contains("nested deeper than 8 levels", lower.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kind_detection_reads_past_the_first_megabyte_when_it_decides_nothing()
    {
        var padded = ReleasePackage.Replace("{\"uri\"", "{\"description\": \"" + new string('z', 3 << 20) + "\", \"uri\"");
        await using var detected = await InputDetector.DetectAsync(new MemoryStream(Encoding.UTF8.GetBytes(padded)));
        Assert.Equal(DocumentKind.OcdsReleasePackage, detected.Kind);
        var report = await new DocumentValidator(new ValidationOptions()).ValidateFileAsync(Write("padded.json", padded));
        Assert.Equal(1, report.Counts.Records);
        // Gzip-compressed, the same.
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) zip.Write(Encoding.UTF8.GetBytes(padded));
        gz.Position = 0;
        await using var compressed = await InputDetector.DetectAsync(gz);
        Assert.Equal(DocumentKind.OcdsReleasePackage, compressed.Kind);
    }

    [SkippableTheory]
    [InlineData("ocds/samples/paraguay.releases.jsonl")]
    [InlineData("ocds/samples/all-publishers-2018.releases.jsonl")]
    [InlineData("ocds/samples/other-real/spoonbill_ocds-sample-data.jsonl")]
    public void A_JSON_Lines_line_is_told_apart_by_the_scan_as_by_the_full_classification(string file)
    {
        foreach (var line in File.ReadLines(SharedData.Require(file)))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            Assert.Equal(LineKind(InputDetector.Classify(Encoding.UTF8.GetBytes(line))), LineKind(InputDetector.ClassifyLine(Encoding.UTF8.GetBytes(line))));
        }
    }

    [Theory]
    [InlineData("{\"ocid\": \"a\", \"id\": \"1\", \"tender\": {\"releases\": [1]}}")]
    [InlineData("{\"ocid\": \"a\", \"compiledRelease\": {}, \"x\": \"}\"}")]
    [InlineData("{\"ocid\": \"a\", \"releases\": []}")]
    [InlineData("{\"uri\": \"u\", \"releases\": [{\"ocid\": \"a\"}]}")]
    [InlineData("{\"uri\": \"u\", \"records\": []}")]
    [InlineData("{\"oc\\u0069d\": \"a\", \"compiledRelease\": {}}")]
    [InlineData("{\"ocid\": tru}")]
    [InlineData("[1, 2]")]
    [InlineData("{\"id\": 1} {\"id\": 2}")]
    public void Hand_made_lines_are_told_apart_alike(string line) =>
        Assert.Equal(LineKind(InputDetector.Classify(Encoding.UTF8.GetBytes(line))), LineKind(InputDetector.ClassifyLine(Encoding.UTF8.GetBytes(line))));

    /// <summary>What the line reader makes of a kind: a package is walked, a record is a record, anything else is a release.</summary>
    private static DocumentKind LineKind(DocumentKind kind) => kind switch
    {
        DocumentKind.OcdsReleasePackage or DocumentKind.OcdsRecordPackage or DocumentKind.OcdsRecord => kind,
        _ => DocumentKind.OcdsRelease,
    };
}
