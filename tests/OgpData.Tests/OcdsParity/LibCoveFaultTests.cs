using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Findings;
using OgpData.Reporting;
using OgpData.Testing;
using OgpData.Validation;

namespace OgpData.Tests.OcdsParity;

/// <summary>
/// The faults found by running lib-cove-ocds beside ogpdata on the shared samples and fixtures (issue 13), each
/// pinned on the real file it was found in, and on a damaged copy where the fault needs one. Checked against
/// OCDS 1.1.5, as lib-cove-ocds checks them.
/// </summary>
public class LibCoveFaultTests
{
    private static async Task<FileReport> Validate(string relativePath)
    {
        var validator = new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = SharedData.Require("ocds/schema/1.1.5"), OcdsVersion = "1.1" });
        return await validator.ValidateFileAsync(SharedData.Require(relativePath));
    }

    /// <summary>Validates a copy of a shared file changed by <paramref name="damage"/>, written to a temporary file.</summary>
    private static async Task<FileReport> ValidateDamaged(string relativePath, Action<JsonObject> damage)
    {
        var node = JsonNode.Parse(await File.ReadAllBytesAsync(SharedData.Require(relativePath)))!.AsObject();
        damage(node);
        var path = Path.Combine(Path.GetTempPath(), "ogpdata-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, node.ToJsonString());
        try
        {
            var validator = new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = SharedData.Require("ocds/schema/1.1.5"), OcdsVersion = "1.1" });
            return await validator.ValidateFileAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool IsSchema(Finding f, string keyword, string pointer) => f.RuleId == RuleIds.Schema && f.Keyword == keyword && f.Pointer == pointer;

    [SkippableFact]
    public async Task Fault1_releases_that_is_not_an_array_fails_the_package_schema()
    {
        var report = await Validate("ocds/fixtures/cove-ocds/utf8.json");
        Assert.Contains(report.Findings, f => IsSchema(f, "type", "/releases") && f.Message.Contains("expected an array", StringComparison.Ordinal));
        Assert.True(report.Counts.Errors > 0);

        var asText = await ValidateDamaged("ocds/fixtures/cove-ocds/utf8.json", package => package["releases"] = "x");
        Assert.Contains(asText.Findings, f => IsSchema(f, "type", "/releases"));
    }

    [SkippableFact]
    public async Task Fault1_records_that_is_not_an_array_fails_the_record_package_schema()
    {
        var report = await ValidateDamaged("ocds/fixtures/cove-ocds/record_minimal_valid.json", package => package["records"] = new JsonObject());
        Assert.Contains(report.Findings, f => IsSchema(f, "type", "/records") && f.Message.Contains("expected an array", StringComparison.Ordinal));
        // Read as a record package: 'records' is its own field, not an additional one.
        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.OcdsAdditionalField && f.Pointer == "/records");
    }

    [SkippableTheory]
    [InlineData("ocds/fixtures/cove-ocds/7_records.json")]
    [InlineData("ocds/fixtures/cove-ocds/30_records.json")]
    public async Task Fault2_embedded_releases_of_a_record_get_the_release_schema_errors_not_one_oneOf(string file)
    {
        var report = await Validate(file);
        Assert.DoesNotContain(report.Findings, f => f.Keyword == "oneOf");
        // lib-cove-ocds: missing tag and initiationType, a date that is not a date-time, for every embedded release.
        Assert.Contains(report.Findings, f => IsSchema(f, "required", "/records/0/releases/0") && f.Message.Contains("\"tag\"", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => IsSchema(f, "required", "/records/0/releases/0") && f.Message.Contains("\"initiationType\"", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => IsSchema(f, "format", "/records/0/releases/0/date"));
    }

    [SkippableFact]
    public async Task Fault2_record_minimal_valid_reports_the_empty_ids_of_its_embedded_release()
    {
        var report = await Validate("ocds/fixtures/cove-ocds/record_minimal_valid.json");
        Assert.DoesNotContain(report.Findings, f => f.Keyword == "oneOf");
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.Schema && f.Keyword == "minLength" && f.Pointer.StartsWith("/records/0/releases/0/", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Fault2_linked_releases_are_checked_as_linked_releases_and_a_mixture_is_one_finding()
    {
        // Linked: no id anywhere; a linked release without its url is a linked-release error, not a oneOf.
        var linked = await ValidateDamaged("ocds/fixtures/cove-ocds/record_minimal_valid.json", package =>
            package["records"]![0]!["releases"] = new JsonArray(new JsonObject { ["date"] = "2020-01-01T00:00:00Z", ["tag"] = new JsonArray("tender") }));
        Assert.DoesNotContain(linked.Findings, f => f.Keyword == "oneOf");
        Assert.Contains(linked.Findings, f => IsSchema(f, "required", "/records/0/releases/0") && f.Message.Contains("\"url\"", StringComparison.Ordinal));
        Assert.DoesNotContain(linked.Findings, f => f.RuleId == RuleIds.OcdsArrayItemWithoutId);

        var mixed = await ValidateDamaged("ocds/fixtures/cove-ocds/record_minimal_valid.json", package =>
            package["records"]![0]!["releases"]!.AsArray().Add(new JsonObject { ["url"] = "http://example.org/1", ["date"] = "2020-01-01T00:00:00Z", ["tag"] = new JsonArray("tender") }));
        var oneOf = Assert.Single(mixed.Findings, f => f.Keyword == "oneOf");
        Assert.Equal("/records/0/releases", oneOf.Pointer);
        Assert.Contains("mixture", oneOf.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("ocds/samples/mexico-inai.release-package.json", "/releases/0/parties")]
    [InlineData("ocds/samples/colombia.release-package.json", "/releases/15/contracts")]
    [InlineData("ocds/fixtures/cove-ocds/release_aggregate.json", "/releases/0/tender/milestones/0/documents")]
    public async Task Fault3_duplicate_ids_in_an_array_of_different_objects_are_reported(string file, string array)
    {
        var report = await Validate(file);
        var duplicates = report.Findings.Where(f => IsSchema(f, "uniqueItems", array)).ToList();
        Assert.NotEmpty(duplicates);
        Assert.All(duplicates, f => Assert.Contains("Non-unique id", f.Message, StringComparison.Ordinal));
        // One finding per duplicated id, never the same id twice.
        Assert.Equal(duplicates.Count, duplicates.Select(f => f.Value).Distinct().Count());
    }

    [SkippableTheory]
    [InlineData("ocds/samples/mexico-inai.release-package.json")]
    [InlineData("ocds/samples/colombia.release-package.json")]
    [InlineData("ocds/fixtures/cove-ocds/7_records.json")]
    public async Task Fault3_past_the_cap_the_counts_are_those_of_the_full_report(string file)
    {
        var full = await Validate(file);
        var validator = new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = SharedData.Require("ocds/schema/1.1.5"), OcdsVersion = "1.1", MaxFindings = 1 });
        var capped = await validator.ValidateFileAsync(SharedData.Require(file));
        Assert.Equal(full.Counts, capped.Counts);
    }

    [SkippableTheory]
    [InlineData("ocds/fixtures/cove-ocds/999_empty_releases.json", 999)]
    [InlineData("ocds/fixtures/cove-ocds/1001_empty_releases.json", 1001)]
    public async Task Fault4_identical_releases_without_ocid_and_id_are_duplicates(string file, int releases)
    {
        var report = await Validate(file);
        var duplicates = report.Findings.Where(f => f.RuleId == RuleIds.OcdsNonUniqueId).Select(f => f.Pointer).ToList();
        // Every release is {}: all but the first repeat it.
        Assert.Equal(Enumerable.Range(1, releases - 1).Select(i => $"/releases/{i}"), duplicates);
    }

    [SkippableTheory]
    [InlineData("ocds/samples/armenia.release-package.json", "/parties/", "/details/departmentalCode")]
    [InlineData("ocds/samples/armenia.release-package.json", "/parties/", "/details/financedByBudget")]
    [InlineData("ocds/fixtures/cove-ocds/tenders_releases_1_release_with_extensions_1_1.json", "/parties/", "/details/scale")]
    [InlineData("ocds/fixtures/cove-ocds/tenders_records_1_record_with_invalid_extensions.json", "/compiledRelease/parties/", "/details/scale")]
    public async Task Fault5_fields_inside_parties_details_are_additional(string file, string inside, string field)
    {
        var report = await Validate(file);
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.OcdsAdditionalField && f.Pointer.Contains(inside, StringComparison.Ordinal) && f.Pointer.EndsWith(field, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Fault6_a_versioned_release_gets_the_ocds_checks()
    {
        var report = await Validate("ocds/fixtures/cove-ocds/full_record.json");
        const string versioned = "/records/0/versionedRelease";
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.OcdsDeprecatedField && f.Pointer == versioned + "/tender/procuringEntity/address");
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.OcdsDeprecatedField && f.Pointer == versioned + "/contracts/0/implementation/transactions/0/amount");
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.OcdsArrayItemWithoutId && f.Pointer == versioned + "/awards/0/suppliers/0");
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.OcdsOpenCodelistValue && f.Pointer.StartsWith(versioned + "/tender/documents/", StringComparison.Ordinal) && f.Value == "x_map");
        // The versioned form's own members (releaseDate, releaseID, value) are known where the schema versions a field...
        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.OcdsAdditionalField && f.Pointer.StartsWith(versioned + "/tender/title/", StringComparison.Ordinal));
        // ...and additional where it does not: 'tag' is not part of a versioned release, suppliers are versioned by item.
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.OcdsAdditionalField && f.Pointer == versioned + "/tag");
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.OcdsAdditionalField && f.Pointer.StartsWith(versioned + "/awards/0/suppliers/0/", StringComparison.Ordinal)
            && f.Pointer.EndsWith("/releaseDate", StringComparison.Ordinal));

        var withVersions = await Validate("ocds/samples/fictional/ocds-213czf-000-00001-withversions.json");
        Assert.Contains(withVersions.Findings, f => f.Pointer.Contains("/versionedRelease/", StringComparison.Ordinal) && f.RuleId != RuleIds.Schema);
    }

    [SkippableFact]
    public async Task Fault7_utf16_is_read_and_said_not_to_be_utf8()
    {
        var report = await Validate("ocds/fixtures/cove-ocds/utf-16.json");
        var encoding = Assert.Single(report.Findings, f => f.RuleId == RuleIds.OcdsMalformedJson);
        Assert.Contains("UTF-8", encoding.Message, StringComparison.Ordinal);
        Assert.StartsWith("utf-16", encoding.Value, StringComparison.OrdinalIgnoreCase);
        // Still read and checked: its releases is an object, as in utf8.json.
        Assert.Contains(report.Findings, f => IsSchema(f, "type", "/releases"));
    }

    [SkippableFact]
    public async Task Fault8_unknown_fields_of_a_value_of_the_wrong_type_are_still_additional()
    {
        var report = await Validate("ocds/samples/taiwan.release-package.json");
        // releases/N/awards is an object there, not an array; lib-cove still lists its unknown fields.
        var mistyped = report.Findings.Where(f => IsSchema(f, "type", f.Pointer) && f.Pointer.EndsWith("/awards", StringComparison.Ordinal)).Select(f => f.Pointer).ToHashSet();
        Assert.NotEmpty(mistyped);
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.OcdsAdditionalField && f.Pointer.EndsWith("/awards/awardDate", StringComparison.Ordinal)
            && mistyped.Contains(f.Pointer[..f.Pointer.LastIndexOf('/')]));
    }

    [SkippableFact]
    public async Task Double_OCDS0002_never_on_linked_releases_nor_beside_the_schemas_required_id()
    {
        foreach (var file in new[] { "ocds/fixtures/cove-ocds/full_record.json", "ocds/fixtures/cove-ocds/30_records.json", "ocds/samples/mexico-grupo-aeroportuario.release-package.json", "ocds/samples/moldova.release-package.json" })
        {
            var report = await Validate(file);
            var requiredId = report.Findings.Where(f => f.Keyword == "required" && f.Message.Contains("\"id\"", StringComparison.Ordinal)).Select(f => f.Pointer).ToHashSet();
            Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.OcdsArrayItemWithoutId && requiredId.Contains(f.Pointer));
            Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.OcdsArrayItemWithoutId
                && System.Text.RegularExpressions.Regex.IsMatch(f.Pointer, "^/records/[0-9]+/releases/[0-9]+$"));
        }
    }

    [SkippableTheory]
    [InlineData("ocds/fixtures/cove-ocds/basic_release_empty_fields.json")]
    [InlineData("ocds/samples/moldova.release-package.json")]
    [InlineData("ocds/samples/mexico-jalisco.release-package.json")]
    [InlineData("ocds/fixtures/cove-ocds/record_minimal_valid.json")]
    public async Task Double_a_blank_string_is_an_empty_field_not_a_codelist_value_nor_an_ocid_prefix(string file)
    {
        var report = await Validate(file);
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.OcdsEmptyField);
        Assert.DoesNotContain(report.Findings, f => f.RuleId is RuleIds.OcdsClosedCodelistValue or RuleIds.OcdsOpenCodelistValue or RuleIds.OcdsBadOcidPrefix
            && string.IsNullOrWhiteSpace(f.Value));
    }

    [SkippableFact]
    public async Task Double_a_null_in_a_closed_codelist_field_is_a_type_error_only()
    {
        var report = await ValidateDamaged("ocds/fixtures/cove-ocds/tenders_releases_2_releases.json", package =>
        {
            package["version"] = "1.1";
            var release = package["releases"]![0]!.AsObject();
            release["tag"] = new JsonArray(null, "tender");
            release["initiationType"] = null;
        });
        Assert.Contains(report.Findings, f => IsSchema(f, "type", "/releases/0/tag/0"));
        Assert.Contains(report.Findings, f => IsSchema(f, "type", "/releases/0/initiationType"));
        Assert.DoesNotContain(report.Findings, f => f.Keyword == "enum" && f.Pointer is "/releases/0/tag/0" or "/releases/0/initiationType");
        foreach (var file in new[] { "ocds/fixtures/cove-ocds/ocds_release_nulls.json", "ocds/fixtures/cove-ocds/badfile.json" })
        {
            var real = await Validate(file);
            var mistyped = real.Findings.Where(f => f.Keyword == "type").Select(f => f.Pointer).ToHashSet();
            Assert.DoesNotContain(real.Findings, f => f.Keyword == "enum" && mistyped.Contains(f.Pointer));
        }
    }
}
