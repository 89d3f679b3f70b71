using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Csv;
using OgpData.Findings;

namespace OgpData.Tests.Csv;

public sealed class CsvReadingTests
{
    [Theory]
    [InlineData("1234.5", "1234.5")]
    [InlineData("1 234,5", "1234.5")]
    [InlineData("1\u00A0234,50", "1234.50")]
    [InlineData("1\u202F234\u202F567", "1234567")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1,234.5", "1234.5")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("12,5", "12.5")]
    [InlineData("-3,25", "-3.25")]
    [InlineData("+12", "12")]
    [InlineData("0012", "12")]
    [InlineData(",5", "0.5")]
    [InlineData("1e3", "1e3")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    public void Numbers_are_read_as_french_and_english_spreadsheets_write_them(string cell, string json)
    {
        Assert.True(CellValues.TryReadNumber(cell, integer: false, out var value));
        Assert.Equal(json, value.ToJsonString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,2,3.4.5")]
    [InlineData("12 €")]
    [InlineData("")]
    [InlineData("1-2")]
    public void Text_is_not_a_number(string cell) => Assert.False(CellValues.TryReadNumber(cell, integer: false, out _));

    [Fact]
    public void An_integer_column_refuses_fractions_but_accepts_a_zero_fraction()
    {
        Assert.False(CellValues.TryReadNumber("12,5", integer: true, out _));
        Assert.True(CellValues.TryReadNumber("12,0", integer: true, out _));
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33 1 23 45 67 89", "'+33 1 23 45 67 89")]
    [InlineData("-10 %", "'-10 %")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'=already", "''=already")]
    [InlineData("'abc", "'abc")]
    [InlineData("a=b", "a=b")]
    [InlineData("'", "'")]
    public void Formula_protection_is_added_and_removed_losslessly(string text, string cell)
    {
        Assert.Equal(cell, FormulaGuard.Protect(text));
        Assert.Equal(text, FormulaGuard.Unprotect(cell));
    }

    [Theory]
    [InlineData("id;title;x", ';')]
    [InlineData("id,title,x", ',')]
    [InlineData("id\ttitle\tx", '\t')]
    [InlineData("\"a;b\",c", ',')]
    [InlineData("\"a,b\";c", ';')]
    [InlineData("id", ',')]
    public void The_delimiter_comes_from_the_header_line(string header, char expected) =>
        Assert.Equal(expected, CsvDialect.DelimiterOf(header));

    [Fact]
    public void Encodings_are_detected_with_or_without_bom()
    {
        var text = "id;titre\r\n1;Égalité à l'accès\r\n";
        Assert.Equal(Encoding.UTF8.WebName, CsvEncoding.Detect(new MemoryStream(Encoding.UTF8.GetBytes(text))).WebName);
        Assert.Equal(Encoding.UTF8.WebName, CsvEncoding.Detect(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)])).WebName);
        Assert.Equal(1252, CsvEncoding.Detect(new MemoryStream(CsvEncoding.Windows1252.GetBytes(text))).CodePage);
    }

    [Fact]
    public void Detection_reads_past_its_buffer_and_across_split_characters()
    {
        // 'é' straddles the 64 KiB buffer boundary; the only 1252 byte comes much later.
        var utf8 = Encoding.UTF8.GetBytes(new string('a', (1 << 16) - 1) + "é" + new string('b', 100_000));
        Assert.Equal(Encoding.UTF8.WebName, CsvEncoding.Detect(new MemoryStream(utf8)).WebName);
        var mixed = (byte[])[.. utf8, 0xE9];
        Assert.Equal(1252, CsvEncoding.Detect(new MemoryStream(mixed)).CodePage);
    }

    [Fact]
    public void Rows_are_counted_as_a_spreadsheet_shows_them_and_lines_as_the_file_has_them()
    {
        var problems = new List<CsvProblem>();
        var csv = "id,text\r\n1,\"two\r\nlines\"\r\n\r\n3,x,extra\r\n";
        using var reader = CsvSheetReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "s", null, problems);

        Assert.True(reader.Read(out var first));
        Assert.Equal("two\r\nlines", first.Cells[1]);
        Assert.True(reader.Read(out var second));
        Assert.False(reader.Read(out _));
        var ragged = Assert.Single(problems);
        Assert.Equal(RuleIds.CsvRaggedRow, ragged.RuleId);
        Assert.Equal(second.Number, ragged.Row);
        Assert.Equal(5, ragged.Line);
        Assert.Contains("sheet s, row", ragged.Message);
    }

    [Fact]
    public void Unbalanced_quotes_are_a_problem_naming_the_row()
    {
        var problems = new List<CsvProblem>();
        using var reader = CsvSheetReader.Open(new MemoryStream(Encoding.UTF8.GetBytes("id,text\n1,ok\n2,says \"hi\" here\n")), null, null, problems);
        while (reader.Read(out _)) { }

        var problem = Assert.Single(problems);
        Assert.Equal(RuleIds.CsvBadQuotes, problem.RuleId);
        Assert.Equal(3, problem.Row);
    }

    [Fact]
    public void A_header_that_is_not_a_path_is_named_and_its_column_ignored()
    {
        var problems = new List<CsvProblem>();
        var unflattener = new SheetUnflattener(["id", "a//b", "0/x", "tags/0/0"], "s", CsvTypeMap.Empty, ["id"], problems);
        var record = new JsonObject();
        unflattener.Merge(new CsvRow(2, 2, ["1", "x", "y", "z"]), record, new CellOrigins());

        Assert.Equal("""{"id":"1"}""", record.ToJsonString());
        Assert.Equal(["a//b", "0/x", "tags/0/0"], problems.Select(p => p.Column));
        Assert.All(problems, p => Assert.Equal(1, p.Row));
    }

    [Fact]
    public void Schema_kinds_follow_local_references_and_keep_ids_as_text()
    {
        using var schema = JsonDocument.Parse("""
            { "definitions": {
                "Value": { "type": "object", "properties": { "amount": { "type": ["number", "null"] } } },
                "Award": { "type": "object", "properties": { "id": { "type": ["string", "integer"] }, "value": { "$ref": "#/definitions/Value" },
                  "items": { "type": "array", "items": { "$ref": "#/definitions/Award" } } } } },
              "type": "object",
              "properties": { "tag": { "type": "array", "items": { "type": "string" } },
                "awards": { "type": "array", "items": { "$ref": "#/definitions/Award" } },
                "flag": { "type": "boolean" }, "n": { "type": "integer" } } }
            """);
        var map = CsvTypeMap.FromSchema(schema.RootElement);

        Assert.Equal(FieldKind.StringArray, map.Find("tag"));
        Assert.Equal(FieldKind.ObjectArray, map.Find("awards"));
        Assert.Equal(FieldKind.String, map.Find("awards/id"));
        Assert.Equal(FieldKind.Number, map.Find("awards/value/amount"));
        Assert.Equal(FieldKind.Boolean, map.Find("flag"));
        Assert.Equal(FieldKind.Integer, map.Find("n"));
        // The Award → items → Award cycle stops instead of recursing forever.
        Assert.Equal(FieldKind.ObjectArray, map.Find("awards/items"));
        Assert.Null(map.Find("awards/items/items/value"));
    }

    [Fact]
    public void Sheet_names_follow_flatten_tool()
    {
        Assert.Equal("awards", SheetLayout.SheetNameOf("awards"));
        Assert.Equal("award_suppliers", SheetLayout.SheetNameOf("awards/suppliers"));
        Assert.Equal("contr_imple_transactions", SheetLayout.SheetNameOf("contracts/implementation/transactions"));
        Assert.Equal("award_items_additionalClassific", SheetLayout.SheetNameOf("awards/items/additionalClassifications"));
    }
}
