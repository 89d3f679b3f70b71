using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OgpData.Findings;
using OgpData.OcdsValidation;
using OgpData.Testing;
using static OgpData.Tests.OcdsValidation.OcdsTestData;

namespace OgpData.Tests.OcdsValidation;

public class OcdsSchemaSourceTests
{
    private const string ReleaseSchemaUrl = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

    [SkippableFact]
    public async Task Loads_a_directory_and_maps_the_absolute_refs_over_http_and_https()
    {
        var schemas = await SchemaSet();
        Assert.Equal(ReleaseSchemaUrl, schemas.ReleaseSchemaUri);
        Assert.Contains("EUR", schemas.Codelists["currency.csv"]);
        Assert.Contains("tender", schemas.Codelists["releaseTag.csv"]);
        Assert.NotNull(schemas.ResolveDocument(ReleaseSchemaUrl));
        Assert.NotNull(schemas.ResolveDocument(ReleaseSchemaUrl.Replace("https:", "http:", StringComparison.Ordinal) + "#/definitions/Period"));
        Assert.Null(schemas.ResolveDocument("https://example.org/other-schema.json"));
        // Every absolute $ref in the package schemas lands on a loaded document.
        var refs = System.Text.RegularExpressions.Regex.Matches(schemas.RecordPackageSchema!.Value.GetRawText(), "\"\\$ref\":\\s*\"(http[^\"#]+)")
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.NotNull(schemas.ResolveDocument(r)));
        // Metadata schema: the items array is only "an array" (it reaches the metadata only when it is not one)
        // and no longer required.
        var metadata = schemas.PackageMetadataSchema(OgpData.Streaming.OcdsItemKind.ReleasePackageMetadata)!.Value;
        Assert.Equal("{\"type\":\"array\"}", metadata.GetProperty("properties").GetProperty("releases").GetRawText());
        Assert.DoesNotContain(metadata.GetProperty("required").EnumerateArray(), e => e.GetString() == "releases");
    }

    [SkippableFact]
    public async Task Loads_a_zip_of_the_standard()
    {
        var directory = SharedData.Require("ocds/schema/1.1.5");
        var zip = Path.Combine(Path.GetTempPath(), $"ocds-standard-{Guid.NewGuid():N}.zip");
        try
        {
            using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            {
                foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
                    archive.CreateEntryFromFile(file, "standard-1.1.5/schema/" + Path.GetRelativePath(directory, file).Replace('\\', '/'));
            }
            var fromZip = await OcdsSchemaSet.LoadAsync(OcdsSchemaSource.FromZip(zip));
            var fromDirectory = await SchemaSet();
            Assert.Equal(fromDirectory.Codelists.Keys.Order(), fromZip.Codelists.Keys.Order());
            Assert.Equal(fromDirectory.ReleaseSchema.GetRawText(), fromZip.ReleaseSchema.GetRawText());
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [SkippableFact]
    public async Task Downloads_explicitly_into_a_cache_then_reads_the_cache()
    {
        var directory = SharedData.Require("ocds/schema/1.1.5");
        var cache = Path.Combine(Path.GetTempPath(), $"ocds-cache-{Guid.NewGuid():N}");
        try
        {
            Uri baseUri;
            await using (var server = LocalServer.Serving(directory, "/schema/1__1__5/"))
            {
                baseUri = new Uri(server.BaseUri, "/schema/1__1__5/");
                using var http = new HttpClient();
                var downloaded = await OcdsSchemaSet.LoadAsync(OcdsSchemaSource.Download(baseUri, cache, http));
                Assert.Contains("EUR", downloaded.Codelists["currency.csv"]);
                Assert.True(server.Requests > 5);
            }
            Assert.True(File.Exists(Path.Combine(cache, "release-schema.json")));
            // The server is gone: everything now comes from the cache.
            using var offline = new HttpClient();
            var cached = await OcdsSchemaSet.LoadAsync(OcdsSchemaSource.Download(baseUri, cache, offline));
            Assert.Contains("EUR", cached.Codelists["currency.csv"]);
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }

    private static string BidRelease(string status) => Package(Release("\"bids\":{\"details\":[{\"id\":\"b1\",\"status\":\"" + status + "\"}]}"))
        .Replace("\"releases\":", "\"extensions\":[\"ocds_bid_extension/extension.json\"],\"releases\":", StringComparison.Ordinal);

    [SkippableFact]
    public async Task A_local_extension_is_merged_into_the_schema_and_codelists()
    {
        var extensions = new OcdsExtensionOptions { BaseDirectory = SharedData.Require("ocds/extensions") };
        var extended = await Validate(BidRelease("bogus"), new OcdsValidationOptions { Extensions = extensions });
        Assert.Empty(extended.Of(RuleIds.OcdsAdditionalField));
        Assert.Equal(["/releases/0/bids/details/0/status"], extended.PointersOf(RuleIds.OcdsClosedCodelistValue));
        Assert.Equal("ocds_bid_extension/extension.json", Assert.Single(extended.Extensions).Url);

        var valid = await Validate(BidRelease("pending"), new OcdsValidationOptions { Extensions = extensions });
        Assert.Empty(valid.Of(RuleIds.OcdsClosedCodelistValue));

        // Without the folder, local paths are refused and the fields are additional.
        var refused = await Validate(BidRelease("pending"));
        var problem = Assert.Single(refused.Of(RuleIds.OcdsExtensionNotApplied));
        Assert.Equal("/extensions/0", problem.Pointer);
        Assert.Equal(["/releases/0/bids"], refused.PointersOf(RuleIds.OcdsAdditionalField));
    }

    [SkippableFact]
    public async Task Extension_codelists_add_remove_and_replace()
    {
        var schemas = await SchemaSet();
        var (extended, problems) = await schemas.WithExtensionsAsync(["codelist_extension/extension.json"],
            new OcdsExtensionOptions { BaseDirectory = SharedData.Require("ocds/fixtures/cove-ocds") });
        Assert.Contains("newDocumentType", extended.Codelists["documentType.csv"]);
        Assert.DoesNotContain("needsAssessment", extended.Codelists["documentType.csv"]);
        Assert.Contains("needsAssessment", schemas.Codelists["documentType.csv"]);
        Assert.Equal(["moo"], extended.Codelists["awardStatus.csv"]);
        Assert.Contains(problems, p => p.Message.Contains("+releaseTag.csv", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Unreachable_broken_or_outside_extensions_are_findings_not_crashes()
    {
        var folder = SharedData.Require("ocds/fixtures/cove-ocds");
        await using var server = LocalServer.Serving(folder, "/ext/");
        using var http = new HttpClient();
        var urls = new[]
        {
            new Uri(server.BaseUri, "/ext/codelist_extension/extension.json").AbsoluteUri, // fine
            new Uri(server.BaseUri, "/ext/nowhere/extension.json").AbsoluteUri,              // 404
            "badprotocol://example.com",
            "../../schema/1.1.5/extension.json",                                              // outside the folder
        };
        var json = Package(Release()).Replace("\"releases\":", "\"extensions\":[" + string.Join(",", urls.Select(u => "\"" + u + "\"")) + "],\"releases\":", StringComparison.Ordinal);
        var result = await Validate(json, new OcdsValidationOptions { Extensions = new OcdsExtensionOptions { Http = http, BaseDirectory = folder } });
        var problems = result.Of(RuleIds.OcdsExtensionNotApplied);
        Assert.Contains(problems, p => p.Pointer == "/extensions/1" && p.Message.Contains("404", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Pointer == "/extensions/2" && p.Message.Contains("scheme", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Pointer == "/extensions/3" && p.Message.Contains("outside", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Pointer == "/extensions/0" && p.Message.Contains("+releaseTag.csv", StringComparison.Ordinal));
        Assert.Single(result.Extensions);
        Assert.All(problems, p => Assert.Equal(1, p.Line));

        // A remote extension is never fetched unless a client is given.
        var offline = await Validate(json, new OcdsValidationOptions { Extensions = new OcdsExtensionOptions { BaseDirectory = folder } });
        Assert.Contains(offline.Of(RuleIds.OcdsExtensionNotApplied), p => p.Pointer == "/extensions/0" && p.Message.Contains("not downloaded", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_extension_with_broken_json_is_reported()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ocds-ext-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "broken"));
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "broken", "extension.json"), "{\"name\":\"b\"}");
            await File.WriteAllTextAsync(Path.Combine(folder, "broken", "release-schema.json"), "{\"properties\": ");
            var (extended, problems) = await (await SchemaSet()).WithExtensionsAsync(["broken/extension.json"], new OcdsExtensionOptions { BaseDirectory = folder });
            Assert.Contains("not valid JSON", Assert.Single(problems).Message, StringComparison.Ordinal);
            Assert.Empty(extended.Extensions);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
