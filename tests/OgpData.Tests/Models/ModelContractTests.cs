using System.Text;
using System.Text.Json.Serialization.Metadata;
using OgpData.Ocds;
using OgpData.Serialization;
using OgpData.Testing;

namespace OgpData.Tests.Models;

public sealed class ModelContractTests
{
    public static TheoryData<string> ModelTypes() =>
    [
        .. typeof(ReleasePackage).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(ExtensibleObject)) && !type.IsAbstract)
            .Select(type => type.FullName!)
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Every_model_property_has_a_camel_case_wire_name(string typeName)
    {
        var type = typeof(ReleasePackage).Assembly.GetType(typeName)!;
        var options = type.Namespace == "OgpData.Ogp" ? OgpJson.Options : OcdsJson.Options;
        var info = options.GetTypeInfo(type);
        Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
        Assert.NotEmpty(info.Properties);
        foreach (var property in info.Properties.Where(property => !property.IsExtensionData && property.Get is not null))
        {
            Assert.True(char.IsLower(property.Name[0]), $"{type.Name}.{property.Name} is not camelCase");
            Assert.False(property.IsRequired, $"{type.Name}.{property.Name}: the reader must not demand required members");
        }
    }

    [SkippableFact]
    public void JSON_Lines_are_read_lazily_and_written_back_line_for_line()
    {
        var path = SharedData.Require("ocds/samples/paraguay.releases.jsonl");
        var lines = File.ReadAllLines(path, Encoding.UTF8).Where(line => line.Trim().Length > 0).ToArray();
        using var input = File.OpenRead(path);
        var releases = OcdsJson.ReadReleaseLines(input).ToList();
        Assert.Equal(lines.Length, releases.Count);
        using var output = new MemoryStream();
        OcdsJson.WriteReleaseLines(output, releases);
        var written = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Length, written.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var difference = JsonTree.FirstDifference(Encoding.UTF8.GetBytes(lines[i]), Encoding.UTF8.GetBytes(written[i]));
            Assert.True(difference is null, $"line {i + 1}: {difference}");
        }
    }

    [Fact]
    public void A_malformed_JSON_line_names_its_line()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("{\"ocid\":\"ocds-abc123-1\"}\r\n\n{\"ocid\":\n"));
        var error = Assert.ThrowsAny<System.Text.Json.JsonException>(() => OcdsJson.ReadReleaseLines(input).ToList());
        Assert.StartsWith("Line 3:", error.Message);
    }

    [Fact]
    public void Numbers_ids_nulls_and_wrong_types_survive_in_an_OCDS_release()
    {
        const string json = """
        {"ocid":"ocds-213czf-1","id":1,"date":"2024-01-01T00:00:00+01:00","tag":["tender"],
         "tender":{"id":"T","value":{"amount":1.50,"currency":"EUR"},"minValue":{"amount":"1 000,00"},
           "numberOfTenderers":1e1,"title":null,"items":[{"id":1,"quantity":12345678901234567890,"unit":{"value":{"amount":-0}}}]},
         "awards":{"not":"an array"},
         "parties":[{"id":"P","roles":["buyer",7],"details":{"scale":"sme"}}],
         "x-extension":{"nested":[1,2,3]}}
        """;
        var bytes = Encoding.UTF8.GetBytes(json);
        var release = OcdsJson.ReadRelease(bytes);
        Assert.True(release.Id!.Value.IsNumber);
        Assert.Equal("1", release.Id.Value.Text);
        Assert.Equal("1.50", release.Tender!.Value!.Amount!.Value.Text);
        Assert.Null(release.Tender.MinValue!.Amount);
        Assert.Equal("1e1", release.Tender.NumberOfTenderers!.Value.Text);
        Assert.True(release.Tender.IsExplicitNull("title"));
        Assert.Equal("12345678901234567890", release.Tender.Items!.Value[0].Quantity!.Value.Text);
        Assert.Null(release.Awards);
        Assert.True(release.TryGetRaw("awards", out _));
        Assert.Null(release.Parties!.Value[0].Roles);
        Assert.Equal("sme", release.Parties.Value[0].Details!.Value.GetProperty("scale").GetString());
        Assert.Null(JsonTree.FirstDifference(bytes, Encoding.UTF8.GetBytes(OcdsJson.ToJson(release))));
    }
}
