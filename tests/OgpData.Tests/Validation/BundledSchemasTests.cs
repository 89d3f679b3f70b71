using System.Text.Json;
using OgpData.Validation;

namespace OgpData.Tests.Validation;

public class BundledSchemasTests
{
    [Fact]
    public void The_commitment_package_schema_is_embedded_and_is_the_repository_file()
    {
        var embedded = BundledSchemas.CommitmentPackageSchema;
        var onDisk = File.ReadAllBytes(OgpData.Testing.SharedData.InRepo("schemas/ogp/commitment-package.schema.json"));
        Assert.Equal(onDisk, embedded);
        using var schema = JsonDocument.Parse(embedded);
        Assert.Equal(BundledSchemas.CommitmentPackageSchemaId, schema.RootElement.GetProperty("$id").GetString());
    }

    [Fact]
    public void Every_codelist_is_embedded_with_the_required_columns()
    {
        var names = BundledSchemas.CodelistNames.ToList();
        Assert.Contains("milestoneStatus", names);
        Assert.Contains("ogpValue", names);
        foreach (var name in names)
        {
            Assert.StartsWith("Code,Title,Description", BundledSchemas.CodelistText(name).TrimStart('\uFEFF'));
        }
        var statuses = BundledSchemas.CodelistText("milestoneStatus").Split('\n').Skip(1)
            .Where(line => line.Length > 0).Select(line => line.Split(',')[0]).ToList();
        Assert.Equal(["notStarted", "limited", "substantial", "complete", "withdrawn"], statuses);
    }

    [Fact]
    public void The_status_codes_the_rules_know_are_the_bundled_codelist()
    {
        // OgpData.Rules cannot read files (the analyzers load it), so OGP0008 keeps its own copy of the codes.
        var codes = BundledSchemas.CodelistText("milestoneStatus").Split('\n').Skip(1)
            .Where(line => line.Trim().Length > 0).Select(line => line.Split(',')[0]).ToList();
        Assert.Equal(codes, OgpData.Quality.MilestoneStatusCodelist.Codes);
        var completion = BundledSchemas.CodelistText("completion").Split('\n').Skip(1)
            .Where(line => line.Trim().Length > 0).Select(line => line.Split(',')[0]).ToList();
        Assert.Equal(codes, completion);
    }
}
