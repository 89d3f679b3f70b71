using OgpData.Json;
using System.IO.Compression;
using System.Text;
using OgpData.Streaming;
using OgpData.Testing;

namespace OgpData.Tests.OcdsValidation;

public class StreamingTests
{
    [Theory]
    [InlineData("""{"uri":"x","releases":[{"ocid":"ocds-abcdef-1","id":"1"}]}""", DocumentKind.OcdsReleasePackage)]
    [InlineData("""{"version":"1.1","records":[]}""", DocumentKind.OcdsRecordPackage)]
    [InlineData("""{"ocid":"ocds-abcdef-1","id":"1","tag":["tender"]}""", DocumentKind.OcdsRelease)]
    [InlineData("""{"ocid":"ocds-abcdef-1","compiledRelease":{}}""", DocumentKind.OcdsRecord)]
    [InlineData("{\"ocid\":\"a\",\"id\":\"1\"}\n{\"ocid\":\"a\",\"id\":\"2\"}\n", DocumentKind.OcdsReleasesJsonLines)]
    [InlineData("""[{"releases":[]},{"releases":[]}]""", DocumentKind.OcdsPackageArray)]
    [InlineData("""[{"ocid":"a","id":"1"}]""", DocumentKind.OcdsReleaseArray)]
    [InlineData("""{"version":"1.0","actionPlans":[]}""", DocumentKind.OgpCommitmentPackage)]
    [InlineData("""{"name":"x"}""", DocumentKind.Json)]
    [InlineData("""[1,2]""", DocumentKind.Json)]
    [InlineData("not json", DocumentKind.Unknown)]
    [InlineData("", DocumentKind.Unknown)]
    public async Task Detects_the_kind_from_the_first_bytes(string text, DocumentKind expected)
    {
        await using var input = await InputDetector.DetectAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, input.Kind);
        Assert.Equal(text, await new StreamReader(input.Content).ReadToEndAsync());
    }

    [Fact]
    public async Task Reads_gzip_bom_and_utf16_transparently()
    {
        const string text = """{"releases":[{"ocid":"ocds-abcdef-1","id":"é"}]}""";
        var gz = new MemoryStream();
        await using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write([0xEF, 0xBB, 0xBF]);
            zip.Write(Encoding.UTF8.GetBytes(text));
        }
        gz.Position = 0;
        await using (var input = await InputDetector.DetectAsync(gz))
        {
            Assert.Equal("gzip", input.Compression);
            Assert.Equal(DocumentKind.OcdsReleasePackage, input.Kind);
            Assert.Equal(text, await new StreamReader(input.Content).ReadToEndAsync());
        }

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        await using (var input = await InputDetector.DetectAsync(new MemoryStream(utf16)))
        {
            Assert.Equal(DocumentKind.OcdsReleasePackage, input.Kind);
            Assert.Equal(text, await new StreamReader(input.Content, Encoding.UTF8).ReadToEndAsync());
        }
    }

    [Fact]
    public async Task Hands_out_items_metadata_and_exact_positions()
    {
        var text = "{\n  \"version\": \"1.1\",\n  \"releases\": [\n    {\"ocid\": \"ocds-abcdef-1\", \"id\": \"1\"},\n" +
                   "    {\"ocid\": \"ocds-abcdef-1\",\n     \"id\": \"€2\", \"tender\": {\"id\": \"t\"}}\n  ],\n  \"uri\": \"https://x\"\n}";
        var parts = await ReadAll(text, DocumentKind.OcdsReleasePackage, chunk: 7);
        var items = parts.OfType<StreamedItem>().ToList();
        Assert.Equal(["/releases/0", "/releases/1"], items.Select(i => i.Pointer));
        Assert.Equal(new TextPosition(4, 5), items[0].Position);
        Assert.Equal(new TextPosition(5, 5), items[1].Position);
        var (pointer, at) = items[1].Locate("/tender/id");
        Assert.Equal("/releases/1/tender/id", pointer);
        Assert.Equal(NaivePosition(text, text.IndexOf("\"t\"", StringComparison.Ordinal)), at);

        var metadata = parts.OfType<MetadataProperty>().ToList();
        Assert.Equal(["version", "uri"], metadata.Select(m => m.Name));
        Assert.False(metadata[0].AfterItems);
        Assert.True(metadata[1].AfterItems);
        var end = Assert.Single(parts.OfType<PackageEnd>());
        Assert.Equal(2, end.ItemCount);
        Assert.Equal("""{"version":"1.1","uri":"https://x"}""", Encoding.UTF8.GetString(end.ToUtf8Json()));
        Assert.Equal(NaivePosition(text, text.IndexOf("\"https", StringComparison.Ordinal)), end.LocateInMetadata("/uri").Position);
    }

    [Fact]
    public async Task Reads_json_lines_including_package_lines_and_broken_lines()
    {
        var text = "{\"ocid\":\"a\",\"id\":\"1\"}\r\n\n  {\"ocid\":\"a\",\"id\":\"2\"}\n{broken\n{\"releases\":[{\"ocid\":\"b\",\"id\":\"3\"}]}";
        var parts = await ReadAll(text, DocumentKind.OcdsReleasesJsonLines, chunk: 5);
        var items = parts.OfType<StreamedItem>().ToList();
        Assert.Equal(["/0", "/1", "/2", "/3/releases/0"], items.Select(i => i.Pointer));
        Assert.Equal([0L, 1, 2, 3], items.Select(i => i.Index));
        Assert.Equal(new TextPosition(3, 3), items[1].Position);
        Assert.Equal(new TextPosition(5, 14), items[3].Position);
        Assert.Equal("{broken", Encoding.UTF8.GetString(items[2].Utf8.Span));
    }

    [Fact]
    public async Task Reads_arrays_of_packages_and_single_releases()
    {
        var parts = await ReadAll("""[{"releases":[{"id":"1"}],"version":"1.1"},{"records":[{"ocid":"x"},{"ocid":"y"}]}]""", DocumentKind.OcdsPackageArray, chunk: 3);
        Assert.Equal(["/0/releases/0", "/1/records/0", "/1/records/1"], parts.OfType<StreamedItem>().Select(i => i.Pointer));
        Assert.Equal([OcdsItemKind.ReleasePackageMetadata, OcdsItemKind.RecordPackageMetadata], parts.OfType<PackageEnd>().Select(e => e.MetadataKind));

        var single = await ReadAll("""  {"ocid":"ocds-abcdef-1","id":"1"}""", DocumentKind.OcdsRelease, chunk: 4);
        var item = Assert.Single(single.OfType<StreamedItem>());
        Assert.Equal("", item.Pointer);
        Assert.Equal(new TextPosition(1, 3), item.Position);
    }

    [Fact]
    public async Task A_truncated_file_is_unreadable_with_its_position()
    {
        var error = await Assert.ThrowsAsync<UnreadableInputException>(() =>
            ReadAll("{\"releases\":[{\"id\":\"1\"},\n{\"id\":", DocumentKind.OcdsReleasePackage, chunk: 4));
        Assert.Equal(2, error.Position.Line);
    }

    [Fact]
    public async Task Content_after_the_document_is_unreadable_not_ignored()
    {
        var error = await Assert.ThrowsAsync<UnreadableInputException>(() =>
            ReadAll("{\"releases\":[]}\n  {\"releases\":[]}", DocumentKind.OcdsReleasePackage, chunk: 3));
        Assert.Equal(new TextPosition(2, 3), error.Position);
        var parts = await ReadAll("{\"releases\":[]}\n \n", DocumentKind.OcdsReleasePackage, chunk: 3);
        Assert.Single(parts.OfType<PackageEnd>());
    }

    [SkippableFact]
    public async Task Streams_a_real_gzip_package_with_offsets_that_land_on_each_release()
    {
        var path = SharedData.Require("ocds/large/canada-buyandsell-2014.tenders_releases.json.gz");
        await using var input = await InputDetector.DetectAsync(File.OpenRead(path));
        Assert.Equal(DocumentKind.OcdsReleasePackage, input.Kind);
        long count = 0;
        await foreach (var part in OcdsStreamReader.ReadAsync(input.Content, input.Kind))
        {
            if (part is not StreamedItem item) continue;
            Assert.Equal(count++, item.Index);
            Assert.Equal((byte)'{', item.Utf8.Span[0]);
            Assert.Equal((byte)'}', item.Utf8.Span[^1]);
        }
        Assert.True(count > 1000, $"only {count} releases");
    }

    [SkippableFact]
    public async Task Positions_match_a_naive_count_on_a_real_file()
    {
        var path = SharedData.Require("ocds/samples/uganda.release-package.json");
        var text = await File.ReadAllTextAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        await using var input = await InputDetector.DetectAsync(new MemoryStream(bytes));
        var seen = 0;
        await foreach (var part in OcdsStreamReader.ReadAsync(input.Content, input.Kind))
        {
            if (part is not StreamedItem item) continue;
            var charIndex = Encoding.UTF8.GetCharCount(bytes, 0, (int)item.ByteOffset);
            Assert.Equal(NaivePosition(text, charIndex), item.Position);
            var (_, at) = item.Locate("/ocid");
            var ocidChar = Encoding.UTF8.GetCharCount(bytes, 0, (int)item.ByteOffset + JsonLocator.LocateNearest(item.Utf8.Span, "/ocid"));
            Assert.Equal(NaivePosition(text, ocidChar), at);
            Assert.StartsWith("\"ocds-", text[ocidChar..], StringComparison.Ordinal);
            seen++;
        }
        Assert.True(seen > 0);
    }

    internal static async Task<List<StreamedPart>> ReadAll(string text, DocumentKind kind, int chunk)
    {
        var parts = new List<StreamedPart>();
        await foreach (var part in OcdsStreamReader.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk), kind, 16, CancellationToken.None)) parts.Add(part);
        return parts;
    }

    internal static TextPosition NaivePosition(string text, int charIndex)
    {
        int line = 1, column = 1;
        for (var i = 0; i < charIndex; i++)
        {
            if (text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return new TextPosition(line, column);
    }

    /// <summary>Gives its bytes a few at a time, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
