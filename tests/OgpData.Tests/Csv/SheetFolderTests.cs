using System.Text.Json.Nodes;
using OgpData.Conversion;
using OgpData.Csv;
using OgpData.Findings;

namespace OgpData.Tests.Csv;

/// <summary>Folders of sheets whose rows are not where the writer puts them, edited aside values, conflicts across sheets.</summary>
public sealed class SheetFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-sheets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (JsonObject Package, CsvConversionResult Result) Read()
    {
        using var output = new MemoryStream();
        var result = OcdsCsv.ReadFolder(_folder, output);
        return (JsonNode.Parse(output.ToArray())!.AsObject(), result);
    }

    private void Sheet(string name, string text) => File.WriteAllText(Path.Combine(_folder, name + ".csv"), text);

    [Fact]
    public void Child_rows_out_of_the_main_order_are_kept_as_separate_releases_with_a_warning()
    {
        Sheet("releases", "ocid,id,date\no1,r1,2020\no2,r2,2021\n");
        Sheet("parties", "ocid,id,parties/0/id,parties/0/name\no2,r2,p2,B\no1,r1,p1,A\n");

        var (package, result) = Read();

        var releases = package["releases"]!.AsArray();
        Assert.Equal(3, releases.Count);
        Assert.Null(releases[0]!["parties"]);
        Assert.Equal("B", releases[1]!["parties"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("A", releases[2]!["parties"]![0]!["name"]!.GetValue<string>());
        var late = Assert.Single(result.Problems);
        Assert.Equal(RuleIds.CsvRowsOutOfOrder, late.RuleId);
        Assert.Equal("parties", late.Sheet);
        Assert.Equal(3, late.Row);
    }

    [Fact]
    public void A_child_row_that_contradicts_the_parent_names_both_sheets_rows_and_columns()
    {
        Sheet("releases", "ocid,id,awards/0/id,awards/0/title\no1,r1,a1,Old\n");
        Sheet("awards", "ocid,id,awards/0/id,awards/0/title\no1,r1,a1,New\n");

        var (package, result) = Read();

        Assert.Equal("Old", package["releases"]![0]!["awards"]![0]!["title"]!.GetValue<string>());
        var conflict = Assert.Single(result.Problems);
        Assert.Equal(RuleIds.CsvMergeConflict, conflict.RuleId);
        Assert.Equal(("awards", 2, "awards/0/title"), (conflict.Sheet, conflict.Row, conflict.Column));
        Assert.Contains("sheet releases, row 2, column awards/0/title", conflict.Message);
    }

    [Fact]
    public void Values_kept_aside_come_back_and_an_edited_sheet_that_took_their_place_is_reported()
    {
        var package = Path.Combine(_folder, "package.json");
        File.WriteAllText(package, """
            { "uri": "u", "version": "1.1", "releases": [
              { "ocid": "o1", "id": "r1", "tag": ["tender"], "x": null, "tender": { "title": "", "items": [] },
                "coords": [[1, 2]], "a/b": 1, "123": "digits", "n": 5, "awards": [{ "id": "a1", "suppliers": [{ "name": "S" }] }] },
              { "ocid": "o2", "id": "r2", "n": "five" },
              { "ocid": "o3", "id": "r3", "n": 6 } ] }
            """);
        var sheets = Path.Combine(_folder, "out");
        var written = OcdsCsv.WriteFolder(package, sheets);
        using (var output = new MemoryStream())
        {
            var read = OcdsCsv.ReadFolder(sheets, output);
            Assert.Empty(read.Problems);
            Assert.Null(JsonTreeDiff.FirstDifference(JsonNode.Parse(File.ReadAllText(package)), JsonNode.Parse(output.ToArray())));
        }
        Assert.Contains(written.Problems, p => p.RuleId == RuleIds.CsvNotRepresentable && p.Message.Contains("coords"));
        Assert.Contains(written.Problems, p => p.RuleId == RuleIds.CsvNotRepresentable && p.Pointer == "/releases/1/n");
        Assert.True(File.Exists(Path.Combine(sheets, "award_suppliers.csv")));

        // An analyst fills the cell whose value was kept aside: the sheet wins, and that is said.
        var main = Path.Combine(sheets, "releases.csv");
        var lines = File.ReadAllLines(main);
        var headers = lines[0].TrimStart('\uFEFF').Split(',');
        Assert.DoesNotContain("x", headers);
        File.WriteAllLines(main, [lines[0] + ",x", lines[1] + ",filled", lines[2] + ",", lines[3] + ","]);
        using (var output = new MemoryStream())
        {
            var read = OcdsCsv.ReadFolder(sheets, output);
            var problem = Assert.Single(read.Problems);
            Assert.Equal(RuleIds.CsvResidueNotApplied, problem.RuleId);
            Assert.Equal("/x", problem.Pointer);
            Assert.Equal("filled", JsonNode.Parse(output.ToArray())!["releases"]![0]!["x"]!.GetValue<string>());
        }
    }

    [Fact]
    public void A_semicolon_delimited_folder_reads_back_the_same()
    {
        var package = Path.Combine(_folder, "package.json");
        File.WriteAllText(package, """{ "releases": [{ "ocid": "o1", "id": "r1", "tender": { "title": "Travaux; lot 1", "value": { "amount": 1234.5 } } }] }""");
        var sheets = Path.Combine(_folder, "out");

        OcdsCsv.WriteFolder(package, sheets, new OcdsCsvOptions { Csv = new CsvWriteOptions { Delimiter = ';' } });
        using var output = new MemoryStream();
        var read = OcdsCsv.ReadFolder(sheets, output);

        Assert.StartsWith("ocid;id;", File.ReadAllText(Path.Combine(sheets, "releases.csv")).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Empty(read.Problems);
        Assert.Null(JsonTreeDiff.FirstDifference(JsonNode.Parse(File.ReadAllText(package)), JsonNode.Parse(output.ToArray())));
    }

    [Fact]
    public void A_folder_without_a_main_sheet_is_a_problem_not_an_exception()
    {
        using var output = new MemoryStream();
        var result = OcdsCsv.ReadFolder(_folder, output);
        Assert.Equal(Severity.Error, Assert.Single(result.Problems).Severity);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void A_release_list_whose_item_holds_the_separator_gets_numbered_columns_not_the_aside_file()
    {
        var package = Path.Combine(_folder, "package.json");
        File.WriteAllText(package, """
            { "releases": [
              { "ocid": "o1", "id": "r1", "tag": ["tender"], "awards": [{ "id": "a1", "x-notes": ["lot 1; lot 2", "lot 3", "\tlot 4\u00A0"] }] },
              { "ocid": "o2", "id": "r2", "tag": ["award", "contract"], "awards": [{ "id": "a2", "x-notes": ["lot 4"] }] } ] }
            """);
        var sheets = Path.Combine(_folder, "out");

        var written = OcdsCsv.WriteFolder(package, sheets);
        using var output = new MemoryStream();
        var read = OcdsCsv.ReadFolder(sheets, output);

        Assert.Empty(written.Problems);
        Assert.Empty(read.Problems);
        Assert.False(File.Exists(Path.Combine(sheets, AsideValues.FileName)));
        Assert.Null(JsonTreeDiff.FirstDifference(JsonNode.Parse(File.ReadAllText(package)), JsonNode.Parse(output.ToArray())));
        var awardHeaders = File.ReadLines(Path.Combine(sheets, "awards.csv")).First().TrimStart('\uFEFF').Split(',');
        Assert.Contains("awards/0/x-notes/2", awardHeaders);
        Assert.Contains("tag", File.ReadLines(Path.Combine(sheets, "releases.csv")).First().TrimStart('\uFEFF').Split(','));
    }
}
