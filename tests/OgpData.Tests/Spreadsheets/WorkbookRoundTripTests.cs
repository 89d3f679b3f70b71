using System.IO.Compression;
using System.Text.Json.Nodes;
using ExcelDataReader;
using OgpData.Conversion;
using OgpData.Csv;
using OgpData.Findings;
using OgpData.Spreadsheets;
using OgpData.Testing;
using OgpData.Tests.Csv;
using OgpData.Validation;

namespace OgpData.Tests.Spreadsheets;

/// <summary>Workbooks written by ogpdata: every OCDS sample and the Luxembourg plan back equal, and read by an independent reader as typed.</summary>
public sealed class WorkbookRoundTripTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("ogpdata-workbook-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string, string> PackagesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in (IEnumerable<object[]>)OcdsCsvRoundTripTests.Packages())
        {
            var name = (string)sample[0];
            data.Add(name, "xlsx");
            data.Add(name, "ods");
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(PackagesAndFormats))]
    public void Every_sample_release_package_comes_back_from_a_workbook_as_from_the_csv_folder(string sample, string format)
    {
        var path = SharedData.Require("ocds/samples/" + sample);
        var workbook = Path.Combine(_temp, "sheets." + format);
        var written = OcdsCsv.WriteWorkbook(path, workbook);
        using var fromWorkbook = new MemoryStream();
        var read = OcdsCsv.ReadWorkbook(workbook, fromWorkbook);

        var folder = Path.Combine(_temp, "sheets");
        OcdsCsv.WriteFolder(path, folder);
        using var fromFolder = new MemoryStream();
        OcdsCsv.ReadFolder(folder, fromFolder);

        Assert.DoesNotContain(read.Problems, p => p.Severity == Severity.Error);
        var back = JsonNode.Parse(fromWorkbook.ToArray());
        // The same layout and typing as the folder: the same JSON, release for release.
        Assert.Null(JsonTreeDiff.FirstDifference(JsonNode.Parse(fromFolder.ToArray()), back));
        var difference = JsonTreeDiff.FirstDifference(JsonNode.Parse(File.ReadAllText(path)), back);
        if (difference is not null) Assert.True(written.Problems.Any(p => p.RuleId == RuleIds.CsvDuplicateKey), $"{sample} differs at {difference} and the writer reported nothing about it.");
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("ods")]
    public void The_luxembourg_plan_goes_to_a_workbook_and_back_equal(string format)
    {
        var original = SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json");
        var workbook = Path.Combine(_temp, "plan." + format);
        using var baseFile = new MemoryStream();
        using (var package = File.OpenRead(original))
        {
            var written = CommitmentCsv.WriteWorkbook(package, workbook, baseFile);
            Assert.Empty(written.Problems);
        }
        using var json = new MemoryStream();
        var read = CommitmentCsv.ReadWorkbook(workbook, json, new CommitmentCsvOptions { Base = JsonNode.Parse(baseFile.ToArray())!.AsObject() });

        Assert.Equal(6, read.Records);
        Assert.All(read.Problems, p => Assert.StartsWith("commitments!", p.Message, StringComparison.Ordinal));
        Assert.Null(JsonTreeDiff.FirstDifference(JsonNode.Parse(File.ReadAllText(original)), JsonNode.Parse(json.ToArray())));
    }

    private const string TypedPackage = """
        { "uri": "https://example.org/p", "version": "1.1", "publishedDate": "2020-01-02T00:00:00Z", "publisher": { "name": "P" },
          "releases": [ { "ocid": "ocds-213czf-1", "id": "1", "date": "2020-01-02T10:30:00Z", "tag": ["tender"], "initiationType": "tender",
            "tender": { "id": "00123", "title": "=HYPERLINK(\"http://evil\")", "hasEnquiries": true, "numberOfTenderers": 3,
                        "value": { "amount": 1500.5, "currency": "EUR" }, "tenderPeriod": { "startDate": "2020-02-01", "endDate": "2020-03" },
                        "description": "line one\r\nline two  with  spaces " } } ] }
        """;

    [Fact]
    public void An_independent_reader_sees_numbers_dates_booleans_and_text_as_typed_and_no_formula()
    {
        var package = Path.Combine(_temp, "typed.json");
        File.WriteAllText(package, TypedPackage);
        var workbook = Path.Combine(_temp, "typed.xlsx");
        OcdsCsv.WriteWorkbook(package, workbook);

        // ExcelDataReader's configuration asks for the 1252 code page (for old .xls files) even for .xlsx.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var row = new Dictionary<string, object?>();
        var sheets = new List<string>();
        using (var stream = File.OpenRead(workbook))
        using (var reader = ExcelReaderFactory.CreateOpenXmlReader(stream))
        {
            do
            {
                sheets.Add(reader.Name);
                if (reader.Name != "releases") continue;
                Assert.True(reader.Read());
                var headers = new string[reader.FieldCount];
                for (var i = 0; i < headers.Length; i++) headers[i] = reader.GetString(i);
                Assert.True(reader.Read());
                for (var i = 0; i < headers.Length; i++) row[headers[i]] = reader.GetValue(i);
            }
            while (reader.NextResult());
        }
        Assert.Contains(SheetWorkbook.DataSheet, sheets);
        Assert.Equal("00123", row["tender/id"]);
        Assert.Equal(1500.5, row["tender/value/amount"]);
        Assert.Equal(3.0, row["tender/numberOfTenderers"]);
        Assert.Equal(true, row["tender/hasEnquiries"]);
        Assert.Equal(new DateTime(2020, 1, 2, 10, 30, 0), row["date"]);
        Assert.Equal(new DateTime(2020, 2, 1), row["tender/tenderPeriod/startDate"]);
        Assert.Equal("2020-03", row["tender/tenderPeriod/endDate"]); // a partial date stays text
        Assert.Equal("=HYPERLINK(\"http://evil\")", row["tender/title"]); // text, never a formula
        Assert.Equal("line one\r\nline two  with  spaces ", row["tender/description"]);

        using var zip = ZipFile.OpenRead(workbook);
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        Assert.DoesNotContain("<x:f", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        Assert.Contains("state=\"frozen\"", sheet, StringComparison.Ordinal);
        Assert.Contains("customWidth=\"1\"", sheet, StringComparison.Ordinal);
        var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd();
        Assert.Contains("<x:b />", styles.Replace("<x:b/>", "<x:b />"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("ods")]
    public void Typed_cells_read_back_as_the_json_they_came_from(string format)
    {
        var package = Path.Combine(_temp, "typed.json");
        File.WriteAllText(package, TypedPackage);
        var workbook = Path.Combine(_temp, "typed." + format);
        OcdsCsv.WriteWorkbook(package, workbook);
        using var json = new MemoryStream();
        var read = OcdsCsv.ReadWorkbook(workbook, json);

        Assert.Empty(read.Problems);
        Assert.Null(JsonTreeDiff.FirstDifference(JsonNode.Parse(TypedPackage), JsonNode.Parse(json.ToArray())));
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("ods")]
    public async Task Validating_a_commitments_workbook_finds_what_the_csv_finds_at_its_cells(string format)
    {
        var flawed = SharedData.InRepo("samples/flawed.commitments.json");
        var workbook = Path.Combine(_temp, "flawed." + format);
        var csv = Path.Combine(_temp, "flawed.csv");
        using (var package = File.OpenRead(flawed)) CommitmentCsv.WriteWorkbook(package, workbook);
        using (var package = File.OpenRead(flawed))
        using (var sheet = File.Create(csv)) CommitmentCsv.Write(package, sheet);
        var validator = new DocumentValidator();

        var fromWorkbook = await validator.ValidateFileAsync(workbook);
        var fromCsv = await validator.ValidateFileAsync(csv);

        Assert.NotEmpty(fromWorkbook.Findings);
        Assert.Equal(fromCsv.Findings.Select(f => (f.RuleId, f.Pointer)), fromWorkbook.Findings.Select(f => (f.RuleId, f.Pointer)));
        foreach (var finding in fromWorkbook.Findings)
        {
            Assert.Matches(@"^commitments![A-Z]+\d+: ", finding.Message);
            var address = finding.Message[..finding.Message.IndexOf(':')];
            Assert.Equal(address, CsvProblem.CellAddress("commitments", finding.Line, finding.Column));
        }
    }
}
