using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Csv;

namespace OgpData.Tests.Csv;

public sealed class JsonListReaderTests
{
    /// <summary>A stream that hands out a few bytes per read, so every token boundary meets a buffer boundary.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1 << 16)]
    public void Items_larger_than_the_buffer_and_members_on_both_sides_are_read(int chunk)
    {
        var big = new string('é', 100_000);
        var json = $$"""{ "uri": "u", "publisher": { "name": "P" }, "releases": [ { "id": "1", "text": "{{big}}" }, 2, null, [1, [2]] ], "version": "1.1" }""";
        var bytes = (byte[])[.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)];
        var members = new List<string>();
        var items = new List<JsonNode?>();

        JsonListReader.Read(new TrickleStream(bytes, chunk), "releases", (name, _) => members.Add(name), items.Add);

        Assert.Equal(["uri", "publisher", "version"], members);
        Assert.Equal(4, items.Count);
        Assert.Equal(big, items[0]!["text"]!.GetValue<string>());
        Assert.Equal("[1,[2]]", items[3]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{ "releases": [ {"id": 1} """)]
    [InlineData("""[ 1, 2 ]""")]
    [InlineData("""{ "releases": [] } x""")]
    public void Truncated_or_misshapen_documents_are_json_errors(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonListReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "releases", (_, _) => { }, _ => { }));
}
