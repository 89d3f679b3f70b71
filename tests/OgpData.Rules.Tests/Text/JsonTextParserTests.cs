using System.Text;
using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Rules.Tests.Text;

public class JsonTextParserTests
{
    [Fact]
    public void Every_node_knows_its_span_its_name_span_and_its_pointer()
    {
        const string text = "{\r\n  \"a/b\": [1, \"x\", {\"m~n\": null}],\r\n  \"t\": true\r\n}";
        var document = JsonTextParser.Parse(text);
        Assert.Null(document.Error);
        var root = document.Root!;
        Assert.Equal(new SourceSpan(0, text.Length), root.Span);
        Assert.Equal("", root.Pointer);

        var array = root["a/b"]!;
        Assert.Equal(JsonTextKind.Array, array.Kind);
        Assert.Equal("/a~1b", array.Pointer);
        Assert.Equal("\"a/b\"", text.Substring(array.NameSpan!.Value.Start, array.NameSpan.Value.Length));
        Assert.Equal("[1, \"x\", {\"m~n\": null}]", array.RawText);

        var inner = array.Children[2]["m~n"]!;
        Assert.Equal(JsonTextKind.Null, inner.Kind);
        Assert.Equal("/a~1b/2/m~0n", inner.Pointer);
        Assert.Equal("null", inner.RawText);

        var x = array.Children[1];
        Assert.Equal("x", x.StringValue);
        Assert.Equal(new LinePosition(2, 14), document.GetPosition(x.Start));

        var t = root["t"]!;
        Assert.Equal(JsonTextKind.True, t.Kind);
        Assert.Equal(new LinePosition(3, 8), document.GetPosition(t.Start));
        Assert.Equal(new LinePosition(3, 3), document.GetPosition(t.NameSpan!.Value.Start));
    }

    [Fact]
    public void Escapes_are_decoded_and_offsets_inside_strings_map_back_to_the_text()
    {
        const string text = "{\"d\": \"caf\\u00e9 \\\"x\\\" \\ud83d\\ude00 a@b.lu\"}";
        var node = JsonTextParser.Parse(text).Root!["d"]!;
        Assert.Equal("café \"x\" \U0001F600 a@b.lu", node.StringValue);
        Assert.True(node.HasEscapes);
        var at = node.StringValue!.IndexOf("a@b.lu", StringComparison.Ordinal);
        Assert.Equal(text.IndexOf("a@b.lu", StringComparison.Ordinal), node.TextOffsetOf(at));
        Assert.Equal(node.Start + node.Length - 1, node.TextOffsetOf(node.StringValue.Length));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_not_counted_as_a_column()
    {
        const string text = "\uFEFF{\"a\": 1}";
        var document = JsonTextParser.Parse(text);
        var a = document.Root!["a"]!;
        Assert.Equal(7, a.Start);
        Assert.Equal(new LinePosition(1, 7), document.GetPosition(a.Start));
    }

    [Theory]
    [InlineData("", 1, 1, "the text holds no JSON value")]
    [InlineData("{\"a\": 1,}", 1, 9, "expected a property name in double quotes, found '}'")]
    [InlineData("{\"a\" 1}", 1, 6, "expected ':' after the property name, found '1'")]
    [InlineData("[1 2]", 1, 4, "expected ',' or ']' after an item, found '2'")]
    [InlineData("{\n  \"a\": [1,\n", 3, 1, "the text ends inside the array opened at line 2, column 8")]
    [InlineData("{\"a\": \"x}", 1, 10, "the text ends inside the string opened at line 1, column 7")]
    [InlineData("{\"a\": \"x\ny\"}", 1, 9, "control character U+000A in a string; write it as an escape (\\n, \\t, \\u00XX)")]
    [InlineData("[01]", 1, 2, "'01' is not a JSON number")]
    [InlineData("[1.]", 1, 2, "'1.' is not a JSON number")]
    [InlineData("[-]", 1, 2, "'-' is not a JSON number")]
    [InlineData("[tru]", 1, 2, "expected a value, found 't'")]
    [InlineData("{\"a\": \"\\x\"}", 1, 8, "'\\x' is not a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")]
    [InlineData("{\"a\": \"\\u12\"}", 1, 8, "'\\u' must be followed by four hexadecimal digits")]
    [InlineData("{} {}", 1, 4, "unexpected '{' after the end of the JSON value")]
    [InlineData("{'a': 1}", 1, 2, "expected a property name in double quotes, found '''")]
    public void Malformed_json_gives_one_error_with_line_and_column(string text, int line, int column, string message)
    {
        var document = JsonTextParser.Parse(text);
        Assert.Null(document.Root);
        Assert.False(document.IsWellFormed);
        var error = document.Error!;
        Assert.Equal(message, error.Message);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal($"line {line}, column {column}: {message}", error.ToString());
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var text = new string('[', 200_000);
        var document = JsonTextParser.Parse(text);
        Assert.Equal("objects and arrays are nested deeper than 256 levels", document.Error!.Message);
        Assert.Equal(257, document.Error.Column);

        var deepButAllowed = new string('[', 1000) + new string(']', 1000);
        Assert.True(JsonTextParser.Parse(deepButAllowed, maxDepth: 1000).IsWellFormed);
    }

    [Fact]
    public void Scalars_numbers_and_duplicate_names()
    {
        var root = JsonTextParser.Parse("{\"n\": -1.5e3, \"big\": 1e400, \"s\": \"\", \"d\": 1, \"d\": 2, \"e\": {}, \"f\": []}").Root!;
        Assert.True(root["n"]!.TryGetDouble(out var n));
        Assert.Equal(-1500, n);
        Assert.False(root["big"]!.TryGetDouble(out _));
        Assert.Equal("", root.GetString("s"));
        Assert.Equal("2", root["d"]!.RawText);
        Assert.Equal(0, root["e"]!.Count);
        Assert.Equal(JsonTextKind.Array, root["f"]!.Kind);
        Assert.Null(root["absent"]);
        Assert.Null(root["n"]!["x"]);
        Assert.Equal(7, root.Count);
    }

    [Fact]
    public void A_scalar_root_is_allowed()
    {
        var document = JsonTextParser.Parse("  \"x\"  ");
        Assert.Equal("x", document.Root!.StringValue);
        Assert.Equal(new SourceSpan(2, 3), document.Root.Span);
    }

    [Fact]
    public void The_line_map_counts_every_line_break_roslyn_counts()
    {
        var map = new LineMap("a\r\nb\rc\nd\u2028e\u0085f");
        Assert.Equal(6, map.LineCount);
        Assert.Equal(new LinePosition(1, 1), map.GetPosition(0));
        Assert.Equal(new LinePosition(1, 2), map.GetPosition(1));
        Assert.Equal(new LinePosition(2, 1), map.GetPosition(3));
        Assert.Equal(new LinePosition(3, 1), map.GetPosition(5));
        Assert.Equal(new LinePosition(4, 1), map.GetPosition(7));
        Assert.Equal(new LinePosition(5, 1), map.GetPosition(9));
        Assert.Equal(new LinePosition(6, 1), map.GetPosition(11));
        Assert.Equal(new LinePosition(6, 2), map.GetPosition(12));
        Assert.Equal(7, map.LineStart(4));
    }

    [Fact]
    public void Reads_a_large_package_in_reasonable_time()
    {
        // Not a benchmark (numbers are measured in benchmarks/); a guard that the reader stays linear.
        var builder = new StringBuilder("{\"items\": [");
        for (var i = 0; i < 50_000; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append("{\"id\": \"M").Append(i).Append("\", \"description\": \"Publication du rapport n\\u00b0").Append(i).Append("\", \"n\": ").Append(i).Append('}');
        }
        builder.Append("]}");
        var document = JsonTextParser.Parse(builder.ToString());
        Assert.Equal(50_000, document.Root!["items"]!.Count);
        Assert.Equal("/items/49999/n", document.Root["items"]!.Children[49_999]["n"]!.Pointer);
    }
}
