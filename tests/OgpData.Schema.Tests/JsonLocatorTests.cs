using System.Text;
using OgpData.Json;

namespace OgpData.Schema.Tests;

public sealed class JsonLocatorTests
{
    [Fact]
    public void Finds_values_by_pointer_in_one_pass()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"a\": {\"b\": [10, 20]},\n  \"c/d\": true\n}");
        var found = JsonLocator.Locate(bytes, ["", "/a", "/a/b/1", "/c~1d", "/missing", "/a/b/9"]);
        Assert.Equal(new JsonLocation(1, 1, 0), found[""]);
        Assert.Equal(2, found["/a"].Line);
        Assert.Equal(8, found["/a"].Column);
        Assert.Equal((2, 19), (found["/a/b/1"].Line, found["/a/b/1"].Column));
        Assert.Equal((3, 10), (found["/c~1d"].Line, found["/c~1d"].Column));
        Assert.False(found.ContainsKey("/missing"));
        Assert.False(found.ContainsKey("/a/b/9"));
    }

    [Fact]
    public void Skips_a_bom_and_counts_crlf_as_one_line_break()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\r\n\"x\": 1,\r\n\"y\": 2}")).ToArray();
        var found = JsonLocator.Locate(bytes, ["/x", "/y"]);
        Assert.Equal((2, 6), (found["/x"].Line, found["/x"].Column));
        Assert.Equal((3, 6), (found["/y"].Line, found["/y"].Column));
        Assert.Equal(3 + 8, found["/x"].Offset);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        // "é" is 2 bytes, "€" 3 bytes, "😀" 4 bytes (2 UTF-16 units).
        var bytes = Encoding.UTF8.GetBytes("{\"é€\": \"😀\", \"n\": 1}");
        var found = JsonLocator.Locate(bytes, ["/é€", "/n"]);
        Assert.Equal(8, found["/é€"].Column);
        Assert.Equal(19, found["/n"].Column);
    }

    [Fact]
    public void Malformed_json_keeps_what_was_found()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\": 1, \"b\": ");
        var found = JsonLocator.Locate(bytes, ["/a", "/b"]);
        Assert.True(found.ContainsKey("/a"));
        Assert.False(found.ContainsKey("/b"));
        Assert.Null(JsonLocator.Locate(bytes, "/b"));
    }
}
