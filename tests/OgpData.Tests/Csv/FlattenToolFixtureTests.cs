using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Conversion;
using OgpData.Csv;
using OgpData.Testing;

namespace OgpData.Tests.Csv;

/// <summary>flatten-tool's own CSV and JSON fixtures, read and round-tripped by this engine.</summary>
public sealed class FlattenToolFixtureTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("ogpdata-flatten-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    // The beneficial-ownership fields of basic_1 that are not text, as its schema types them.
    private const string BodsTypes = """
        { "type": "object", "properties": {
            "isComponent": { "type": "boolean" },
            "publicListing": { "type": "object", "properties": {
                "hasPublicListing": { "type": "boolean" },
                "companyFilingsURLs": { "type": "array", "items": { "type": "string" } } } },
            "interests": { "type": "array", "items": { "$ref": "#/definitions/Interest" } } },
          "definitions": { "Interest": { "type": "object", "properties": {
                "beneficialOwnershipOrControl": { "type": "boolean" },
                "share": { "$ref": "#/definitions/Share" } } },
            "Share": { "type": "object", "properties": {
                "exact": { "type": "number" }, "minimum": { "type": "number" }, "maximum": { "type": "number" } } } } }
        """;

    [SkippableFact]
    public void Basic_1_sheets_unflatten_to_the_fixture_json()
    {
        var folder = SharedData.Require("ocds/fixtures/flatten-tool/basic_1.csv");
        var expected = JsonNode.Parse(File.ReadAllText(SharedData.Require("ocds/fixtures/flatten-tool/basic_1.json")))!.AsArray();
        using var schema = JsonDocument.Parse(BodsTypes);
        using var output = new MemoryStream();

        var result = SheetFolder.Read(folder, output, "statements", ["statementID"], CsvTypeMap.FromSchema(schema.RootElement), indented: false, mainSheet: "main");

        Assert.Empty(result.Problems);
        Assert.Equal(3, result.Records);
        // The fixture's empty list has no cells to come from.
        ((JsonObject)expected[0]!["publicListing"]!).Remove("securitiesListings");
        var actual = JsonNode.Parse(output.ToArray())!["statements"];
        Assert.Null(JsonTreeDiff.FirstDifference(expected, actual));
        Assert.Equal("07444723", actual![0]!["identifiers"]![0]!["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public void Grants_round_trip_through_sheets_with_their_own_list_and_key()
    {
        var path = SharedData.Require("ocds/fixtures/flatten-tool/fundingproviders-grants_fixed_2_grants.json");
        var folder = Path.Combine(_temp, "grants");
        var written = SheetFolder.Write(path, folder, "grants", ["id"], CsvWriteOptions.Default);
        using var output = new MemoryStream();
        var read = SheetFolder.Read(folder, output, "grants", ["id"], CsvTypeMap.Empty, indented: false);

        Assert.Equal(2, read.Records);
        Assert.Empty(read.Problems);
        Assert.Contains(Path.Combine(folder, "grantProgramme.csv"), written.Files);
        Assert.Null(JsonTreeDiff.FirstDifference(JsonNode.Parse(File.ReadAllText(path)), JsonNode.Parse(output.ToArray())));
    }

    [SkippableFact]
    public void Tenders_releases_round_trip_and_child_sheets_start_with_parent_keys()
    {
        var path = SharedData.Require("ocds/fixtures/flatten-tool/tenders_releases_2_releases.json");
        var folder = Path.Combine(_temp, "tenders");
        OcdsCsv.WriteFolder(path, folder);
        using var output = new MemoryStream();
        var read = OcdsCsv.ReadFolder(folder, output);

        Assert.Empty(read.Problems);
        Assert.Null(JsonTreeDiff.FirstDifference(JsonNode.Parse(File.ReadAllText(path)), JsonNode.Parse(output.ToArray())));
        Assert.StartsWith("ocid,id,tender/items/0/id,", File.ReadLines(Path.Combine(folder, "tende_items.csv")).First());
        Assert.StartsWith("ocid,id,tender/documents/0/", File.ReadLines(Path.Combine(folder, "tende_documents.csv")).First());
    }

    [SkippableFact]
    public void The_ocds_flat_template_reads_as_an_empty_package_without_problems()
    {
        var folder = SharedData.Require("ocds/samples/flat-template/template");
        using var schema = JsonDocument.Parse(File.ReadAllText(SharedData.Require("ocds/schema/1.1.5/release-schema.json")));
        using var output = new MemoryStream();

        var read = OcdsCsv.ReadFolder(folder, output, new OcdsCsvOptions { ReleaseSchema = schema.RootElement });

        Assert.Equal(0, read.Records);
        Assert.Empty(read.Problems);
        Assert.Empty(JsonNode.Parse(output.ToArray())!["releases"]!.AsArray());
    }

    [SkippableFact]
    public void A_hand_made_folder_takes_its_kinds_from_the_release_schema()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SharedData.Require("ocds/schema/1.1.5/release-schema.json")));
        var folder = Path.Combine(_temp, "hand");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "releases.csv"), "ocid,id,date,tag,tender/id,tender/value/amount,tender/numberOfTenderers\nocds-213czf-1,r1,2020-01-01,tender;award,00123,\"1 500,50\",3\n");
        File.WriteAllText(Path.Combine(folder, "awards.csv"), "ocid,id,awards/0/id,awards/0/value/amount,awards/0/value/currency\nocds-213czf-1,r1,a1,1000,EUR\nocds-213czf-1,r1,a2,2000,EUR\n");
        File.WriteAllText(Path.Combine(folder, "award_suppliers.csv"), "ocid,id,awards/0/id,awards/0/suppliers/0/id,awards/0/suppliers/0/name\nocds-213czf-1,r1,a2,s1,ACME\nocds-213czf-1,r1,a1,s2,Beta\n");
        using var output = new MemoryStream();

        var read = OcdsCsv.ReadFolder(folder, output, new OcdsCsvOptions { ReleaseSchema = schema.RootElement });

        Assert.Empty(read.Problems);
        var release = JsonNode.Parse(output.ToArray())!["releases"]![0]!;
        Assert.Equal("""["tender","award"]""", release["tag"]!.ToJsonString());
        Assert.Equal("00123", release["tender"]!["id"]!.GetValue<string>());
        Assert.Equal(1500.50m, release["tender"]!["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(3, release["tender"]!["numberOfTenderers"]!.GetValue<long>());
        Assert.Equal("Beta", release["awards"]![0]!["suppliers"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("ACME", release["awards"]![1]!["suppliers"]![0]!["name"]!.GetValue<string>());
    }
}
