using System.Text;
using OgpData.Findings;
using OgpData.Quality;
using OgpData.Rules.Tests.Quality;
using OgpData.Text;

namespace OgpData.Rules.Tests.Hostile;

/// <summary>
/// The worst texts there are, through the JSON text reader, the sheet reader and the commitment rules: each
/// gets a tree or one error with its line and column, never an exception, a stack overflow or a hang.
/// </summary>
public class HostileTextTests
{
    private const int Deep = 200_000;

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void Two_hundred_thousand_nested_containers_are_a_depth_error_at_the_first_bracket_too_many(char open, char close)
    {
        var text = Nest(open, close, Deep);
        var document = JsonTextParser.Parse(text);
        Assert.False(document.IsWellFormed);
        Assert.Equal(JsonTextLimit.Depth, document.Error!.Limit);
        var bracket = open == '[' ? 256 : 256 * 5;
        Assert.Equal(bracket, document.Error.Offset);
        Assert.Equal((1, bracket + 1), (document.Error.Line, document.Error.Column));
    }

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void Two_hundred_thousand_nested_containers_read_on_the_heap_when_allowed(char open, char close)
    {
        // The reader is iterative: a limit above the nesting reads the whole tree without touching the stack.
        var document = JsonTextParser.Parse(Nest(open, close, Deep), maxDepth: Deep + 1);
        Assert.True(document.IsWellFormed, document.Error?.ToString());
        var depth = 0;
        for (var node = document.Root; node is not null; node = node.Count > 0 ? node.Children[0] : null) depth++;
        Assert.Equal(open == '[' ? Deep : Deep + 1, depth);
    }

    [Fact]
    public void The_commitment_rules_walk_a_package_with_a_200000_deep_value_without_overflowing()
    {
        var deep = Nest('[', ']', Deep);
        var package = CommitmentFixture.Package.Replace("\"status\": \"complete\"", "\"status\": \"complete\", \"extra\": " + deep);
        var document = JsonTextParser.Parse(package, maxDepth: Deep + 10);
        Assert.True(document.IsWellFormed);
        var result = CommitmentChecker.Check(document);
        Assert.Null(result.ParseError);
        Assert.Contains(result.Findings, f => f.RuleId == RuleIds.MilestoneNotMeasurable);
        // The pointer of a node that deep is built without recursion too.
        var leaf = document.Root!;
        while (leaf.Count > 0) leaf = leaf.Children[leaf.Count - 1];
        Assert.NotEmpty(leaf.Pointer);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_columns_are_those_an_editor_shows()
    {
        var document = JsonTextParser.Parse("\uFEFF{\"a\": [1,}");
        Assert.Equal((1, 10), (document.Error!.Line, document.Error.Column));
        Assert.True(JsonTextParser.Parse("\uFEFF{\"a\": 1}").IsWellFormed);
    }

    [Theory]
    [InlineData("{\"version\": \"1.0\",\n\"actionPlans\": [{\"id\": \"X\",\n\"comm", 3, 6, "the text ends inside the string opened at line 3, column 1")]
    [InlineData("{\"version\": \"1.0\",\n\"actionPlans\": [{\"id\": \"X\",\n", 3, 1, "the text ends inside the object opened at line 2, column 17")]
    [InlineData("{\"n\": 12", 1, 9, "the text ends inside the object opened at line 1, column 1")]
    [InlineData("{\"n\": tr", 1, 7, "expected a value, found 't'")]
    [InlineData("", 1, 1, "the text holds no JSON value")]
    [InlineData("  \n ", 2, 2, "the text holds no JSON value")]
    public void A_truncated_or_empty_text_is_an_error_at_the_cut(string text, int line, int column, string message)
    {
        var error = JsonTextParser.Parse(text).Error!;
        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal(JsonTextLimit.None, error.Limit);
    }

    [Fact]
    public void A_60_MB_string_is_read_whole_and_a_lower_limit_refuses_it_at_its_quote()
    {
        var big = new string('a', 60_000_000);
        var text = "{\"description\": \"" + big + "\"}";
        var document = JsonTextParser.Parse(text);
        Assert.Equal(60_000_000, document.Root!["description"]!.StringValue!.Length);

        var refused = JsonTextParser.Parse(text, maxStringLength: 1_000_000);
        Assert.Equal(JsonTextLimit.StringLength, refused.Error!.Limit);
        Assert.Equal("a string longer than 1000000 characters", refused.Error.Message);
        Assert.Equal(16, refused.Error.Offset);
        // Escaped strings are measured after unescaping, property names too.
        Assert.Equal(JsonTextLimit.StringLength, JsonTextParser.Parse("[\"\\u0041\\u0042\\u0043\"]", maxStringLength: 2).Error!.Limit);
        Assert.True(JsonTextParser.Parse("[\"\\u0041\\u0042\"]", maxStringLength: 2).IsWellFormed);
        Assert.Equal(JsonTextLimit.StringLength, JsonTextParser.Parse("{\"abc\": 1}", maxStringLength: 2).Error!.Limit);
    }

    [Fact]
    public void Duplicate_names_are_kept_and_listed_in_text_order()
    {
        var document = JsonTextParser.Parse("""
            { "id": "a", "inner": { "x": 1, "x": 2, "y": 0, "x": 3 }, "id": "b",
              "wide": { "k0": 0, "k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7, "k8": 8, "k3": 9 },
              "\u0069d": "escaped" }
            """);
        var repeats = document.DuplicateMembers.Select(m => (m.Pointer, m.RawText)).ToList();
        Assert.Equal(
            [("/inner/x", "2"), ("/inner/x", "3"), ("/id", "\"b\""), ("/wide/k3", "9"), ("/id", "\"escaped\"")],
            repeats);
        // Lookups answer with the last, as System.Text.Json does; nothing is dropped from the tree.
        Assert.Equal("escaped", document.Root!.GetString("id"));
        Assert.Equal(3, document.Root.Children.Count(c => c.Name == "id"));
        Assert.Empty(JsonTextParser.Parse("{\"a\": {\"b\": 1}, \"b\": {\"a\": 1}}").DuplicateMembers);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("123456789012345678901234567890123456789.000000000000000000001")]
    [InlineData("4.9e-325")]
    [InlineData("-0")]
    public void Numbers_beyond_double_keep_their_exact_text(string number)
    {
        var node = JsonTextParser.Parse("{\"amount\": " + number + "}").Root!["amount"]!;
        Assert.Equal(JsonTextKind.Number, node.Kind);
        Assert.Equal(number, node.RawText);
        if (number.Contains("e400", StringComparison.Ordinal)) Assert.False(node.TryGetDouble(out _));
    }

    [Fact]
    public void A_sheet_row_with_a_value_beyond_the_header_is_refused_naming_the_row()
    {
        var sheet = "id,title,milestones/0/id\nC1,Un\nC2,Deux,M1,oublié\n";
        var document = CommitmentSheetReader.Read(sheet);
        Assert.False(document.IsWellFormed);
        Assert.Equal("row 3 has a value in column 4, beyond the 3 columns of the header row", document.Error!.Message);
        Assert.Equal((3, 12), (document.Error.Line, document.Error.Column));
        // Short rows and empty trailing cells lose nothing: they are read.
        Assert.True(CommitmentSheetReader.Read("id,title,milestones/0/id\nC1,Un\nC2,Deux,M1,,\n").IsWellFormed);
    }

    [Fact]
    public void A_sheet_cut_inside_a_quoted_cell_is_refused_at_the_cut()
    {
        var document = CommitmentSheetReader.Read("id;title\nC1;\"Une description\nsur deux lignes");
        Assert.Equal("the text ends inside the quoted cell opened at line 2, column 4", document.Error!.Message);
        Assert.Equal((3, 16), (document.Error.Line, document.Error.Column));
    }

    [Fact]
    public void A_sheet_as_wide_as_a_spreadsheet_is_read_in_bounded_time_and_a_wider_one_is_refused()
    {
        const int width = 16_384 - 1;
        var header = "id," + string.Join(",", Enumerable.Range(0, width).Select(i => "milestones/" + i + "/description"));
        var row = "C1," + string.Join(",", Enumerable.Range(0, width).Select(_ => "x"));
        var document = CommitmentSheetReader.Read(header + "\n" + row + "\n");
        Assert.True(document.IsWellFormed);
        Assert.Equal(width, document.Root!["actionPlans"]!.Children[0]["commitments"]!.Children[0]["milestones"]!.Count);

        var wider = CommitmentSheetReader.Read(header + ",title\n" + row + ",T\n");
        Assert.Equal("the header row has 16385 columns; a sheet has at most 16384, a spreadsheet's limit", wider.Error!.Message);
    }

    [Fact]
    public void Two_hundred_thousand_milestone_rows_of_one_commitment_merge_in_bounded_time()
    {
        var sheet = new StringBuilder("id,milestones/0/id,milestones/0/description\n");
        for (var i = 0; i < 200_000; i++) sheet.Append("C1,M").Append(i).Append(",Publication du rapport ").Append(i).Append('\n');
        sheet.Append("C1,M7,merged into M7\n");
        var document = CommitmentSheetReader.Read(sheet.ToString());
        var milestones = document.Root!["actionPlans"]!.Children[0]["commitments"]!.Children.Single()["milestones"]!;
        Assert.Equal(200_000, milestones.Count);
        Assert.Equal("Publication du rapport 7", milestones.Children[7].GetString("description"));
    }

    private static string Nest(char open, char close, int depth)
    {
        var builder = new StringBuilder(depth * 6);
        for (var i = 0; i < depth; i++) builder.Append(open == '{' ? "{\"a\":" : "[");
        if (open == '{') builder.Append('1');
        builder.Append(close, depth);
        return builder.ToString();
    }
}
