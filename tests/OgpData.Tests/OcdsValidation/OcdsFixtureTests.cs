using System.Text.Json;
using System.Text.RegularExpressions;
using OgpData.Findings;
using OgpData.OcdsValidation;
using OgpData.Streaming;
using OgpData.Testing;
using static OgpData.Tests.OcdsValidation.OcdsTestData;

namespace OgpData.Tests.OcdsValidation;

/// <summary>Parity with lib-cove-ocds on its own fixtures and golden output, and every shared sample read without a crash.</summary>
public class OcdsFixtureTests
{
    /// <summary>lib-cove-ocds paths are JSON Pointers without the leading slash.</summary>
    private static string Pointer(string coveLocation) => "/" + coveLocation;

    [SkippableFact]
    public async Task Golden_badfile_non_schema_parts_match_cove()
    {
        var input = SharedData.Require("ocds/fixtures/cove-ocds/badfile_all_validation_errors.json");
        using var golden = JsonDocument.Parse(await File.ReadAllBytesAsync(SharedData.Require("ocds/fixtures/cove-ocds/badfile_all_validation_errors_results.json")));
        var result = await ValidateFile(input);
        var root = golden.RootElement;

        // Empty fields.
        var empty = root.GetProperty("additional_checks").GetProperty("empty_field").EnumerateArray()
            .Select(e => Pointer(e.GetProperty("json_location").GetString()!)).ToList();
        Assert.Equal(empty, result.PointersOf(RuleIds.OcdsEmptyField));

        // Closed and open codelists: cove groups by generic path; each value it lists must be one of our findings.
        foreach (var (rule, key) in new[] { (RuleIds.OcdsClosedCodelistValue, "additional_closed_codelist_values"), (RuleIds.OcdsOpenCodelistValue, "additional_open_codelist_values") })
        {
            var expected = root.GetProperty(key).EnumerateObject()
                .SelectMany(p => p.Value.GetProperty("values").EnumerateArray().Select(v => (Generic: p.Name, Value: v.GetString()))).ToList();
            var actual = result.Of(rule).Select(f => (Generic: Regex.Replace(f.Pointer, "/[0-9]+", "").TrimStart('/'), f.Value)).ToList();
            Assert.Equal(expected, actual);
        }

        // Deprecated and additional fields, bad prefixes: none in cove's output, none in ours (ocid is a number there).
        Assert.Equal(0, root.GetProperty("deprecated_fields").GetArrayLength());
        Assert.Empty(result.Of(RuleIds.OcdsDeprecatedField));
        Assert.Equal(0, root.GetProperty("additional_fields").GetArrayLength());
        Assert.Empty(result.Of(RuleIds.OcdsAdditionalField));
        Assert.Equal(0, root.GetProperty("ocds_prefixes_bad_format").GetArrayLength());
        Assert.Empty(result.Of(RuleIds.OcdsBadOcidPrefix));
        // The schema errors in "validation_errors" (minLength, pattern, type, required, format, enum, minItems) are
        // the schema engine's part: they arrive through OcdsValidationOptions.SchemaCheckFactory.
        Assert.Empty(result.Of(RuleIds.Schema));
    }

    [SkippableTheory]
    [InlineData("additional_checks/empty_fields_releases.json", new[] { "releases/0/parties/0/address", "releases/0/planning/budget/id", "releases/0/tender/items/0/additionalClassifications" })]
    [InlineData("additional_checks/empty_fields_records.json", new[] { "records/0/compiledRelease/awards/0/documents/0/id", "records/0/compiledRelease/awards/0/items/0/additionalClassifications" })]
    [InlineData("additional_checks/basic_releases.json", new string[0])]
    [InlineData("additional_checks/full_record.json", new string[0])]
    public async Task Empty_fields_match_lib_cove_ocds(string fixture, string[] expected)
    {
        var result = await ValidateFile(SharedData.Require("ocds/fixtures/lib-cove-ocds/" + fixture));
        Assert.Equal(expected.Select(Pointer).Order(StringComparer.Ordinal), result.PointersOf(RuleIds.OcdsEmptyField).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData("common_checks/releases_non_unique.json")]
    [InlineData("common_checks/records_non_unique.json")]
    [InlineData("common_checks/releases_unique.json")]
    [InlineData("common_checks/records_unique.json")]
    [InlineData("common_checks/releases_unique_ocids_but_not_ids.json")]
    [InlineData("common_checks/releases_non_unique_no_id.json")]
    [InlineData("common_checks/records_non_unique_no_ocid.json")]
    public async Task Uniqueness_agrees_with_an_independent_count(string fixture)
    {
        var path = SharedData.Require("ocds/fixtures/lib-cove-ocds/" + fixture);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        var records = document.RootElement.TryGetProperty("records", out var r);
        var items = records ? r : document.RootElement.GetProperty("releases");
        var seen = new HashSet<string>();
        var keyless = new List<JsonElement>();
        var expected = new List<string>();
        var index = 0;
        var array = records ? "records" : "releases";
        foreach (var item in items.EnumerateArray())
        {
            var hasOcid = item.TryGetProperty("ocid", out var ocid);
            var hasId = item.TryGetProperty("id", out var id);
            if (hasOcid && (records || hasId))
            {
                if (!seen.Add(ocid.GetRawText() + "|" + (records ? "" : id.GetRawText()))) expected.Add($"/{array}/{index}/{(records ? "ocid" : "id")}");
            }
            // Without its keys, an item is a duplicate when it equals an earlier one (lib-cove's uniqueItems).
            else if (keyless.Exists(earlier => JsonElement.DeepEquals(earlier, item))) expected.Add($"/{array}/{index}");
            else keyless.Add(item);
            index++;
        }
        var result = await ValidateFile(path);
        Assert.Equal(expected, result.PointersOf(RuleIds.OcdsNonUniqueId));
        Assert.Equal(fixture.Contains("non_unique", StringComparison.Ordinal), expected.Count > 0);
    }

    [SkippableTheory]
    [InlineData("lib/tenders_releases_7_releases_check_ocids.json")]
    [InlineData("lib/record_check_ocids.json")]
    public async Task Bad_ocid_prefixes_agree_with_the_regex(string fixture)
    {
        var path = SharedData.Require("ocds/fixtures/lib-cove-ocds/" + fixture);
        var expected = new List<string>();
        using (var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path)))
        {
            Collect(document.RootElement, "", expected);
        }
        var result = await ValidateFile(path);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.PointersOf(RuleIds.OcdsBadOcidPrefix).Order(StringComparer.Ordinal));

        static void Collect(JsonElement element, string pointer, List<string> bad)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "ocid" && property.Value.ValueKind == JsonValueKind.String && !Regex.IsMatch(property.Value.GetString()!, "^ocds-[a-z0-9]{6}"))
                        bad.Add(pointer + "/ocid");
                    Collect(property.Value, pointer + "/" + property.Name, bad);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray()) Collect(item, pointer + "/" + i++, bad);
            }
        }
    }

    [SkippableFact]
    public async Task Results_are_the_same_on_one_worker_and_on_many()
    {
        var path = SharedData.Require("ocds/samples/armenia.release-package.json");
        var one = await ValidateFile(path, new OcdsValidationOptions { MaxDegreeOfParallelism = 1 });
        var many = await ValidateFile(path, new OcdsValidationOptions { MaxDegreeOfParallelism = 8 });
        Assert.NotEmpty(one.Findings);
        var firstDifference = Enumerable.Range(0, Math.Min(one.Findings.Length, many.Findings.Length)).FirstOrDefault(i => one.Findings[i] != many.Findings[i], -1);
        Assert.True(firstDifference < 0, firstDifference < 0 ? "" : $"{firstDifference}: {one.Findings[firstDifference]} vs {many.Findings[firstDifference]}");
        Assert.Equal(one.Findings.Length, many.Findings.Length);
        Assert.Equal((one.Errors, one.Warnings, one.Infos, one.Records), (many.Errors, many.Warnings, many.Infos, many.Records));
    }

    [SkippableFact]
    public async Task Deprecated_fields_fixture_from_cove()
    {
        var result = await ValidateFile(SharedData.Require("ocds/fixtures/cove-ocds/tenders_releases_deprecated_fields_against_1_1_live.json"));
        Assert.Equal(4, result.Of(RuleIds.OcdsDeprecatedField).Count);
        Assert.Contains("/releases/0/tender/amendment", result.PointersOf(RuleIds.OcdsDeprecatedField));
        Assert.All(result.Of(RuleIds.OcdsDeprecatedField), f => Assert.True(f.Line > 0 && f.Column > 0));
    }

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        var root = SharedData.TryGet("ocds/samples");
        if (root is null)
        {
            data.Add("(absent)");
            return data;
        }
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public async Task Every_sample_runs_through(string sample)
    {
        var path = SharedData.Require("ocds/samples/" + sample);
        var result = await ValidateFile(path);
        if (!result.Kind.IsOcds()) return; // CSV templates and other JSON are not OCDS inputs
        Assert.Null(result.Unreadable);
        Assert.True(result.Records > 0, $"{sample}: no releases or records read");
        Assert.All(result.Findings, f => Assert.True(f.Line > 0 && f.Column > 0 && f.Pointer.StartsWith('/'), $"{f.RuleId} at {f.Pointer} has no location"));
    }

    [SkippableFact]
    public async Task Validates_the_14_7_MB_gzip_package_with_all_checks()
    {
        var path = SharedData.Require("ocds/large/canada-buyandsell-2014.tenders_releases.json.gz");
        var result = await ValidateFile(path);
        Assert.Equal(DocumentKind.OcdsReleasePackage, result.Kind);
        Assert.Equal("gzip", result.Compression);
        Assert.Equal(5_513, result.Records);
        Assert.Null(result.Unreadable);
        // Findings arrive in file order whatever the number of workers.
        var lines = result.Findings.Select(f => f.Line).ToList();
        Assert.Equal(lines.Order(), lines);
    }
}
