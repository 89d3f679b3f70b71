using System.Collections.Immutable;
using System.Text;
using OgpData.Findings;
using OgpData.OcdsValidation;
using static OgpData.Tests.OcdsValidation.OcdsTestData;

namespace OgpData.Tests.OcdsValidation;

/// <summary>Each OCDS check fires where it should and stays quiet where it should not.</summary>
public class OcdsChecksTests
{
    [SkippableFact]
    public async Task OCDS0001_duplicate_ocid_and_id_in_releases()
    {
        var result = await Validate(Package(Release(id: "1"), Release(id: "2"), Release(id: "1"), Release(id: "1", ocid: "ocds-213czf-0002")));
        var duplicate = Assert.Single(result.Of(RuleIds.OcdsNonUniqueId));
        Assert.Equal("/releases/2/id", duplicate.Pointer);
        Assert.Equal(Severity.Error, duplicate.Severity);
        Assert.Contains("number 0", duplicate.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OCDS0001_duplicate_ocid_in_records_only()
    {
        var records = """{"version":"1.1","records":[{"ocid":"ocds-213czf-1","releases":[]},{"ocid":"ocds-213czf-2","releases":[]},{"ocid":"ocds-213czf-1","releases":[]}]}""";
        Assert.Equal(["/records/2/ocid"], (await Validate(records)).PointersOf(RuleIds.OcdsNonUniqueId));
        Assert.Empty((await Validate(Package(Release(id: "1"), Release(id: "2")))).Of(RuleIds.OcdsNonUniqueId));
    }

    [SkippableFact]
    public async Task OCDS0001_keys_keep_ocid_and_id_apart_and_packages_apart()
    {
        // The key is a digest of the ocid and the id, each with its length: ("ocds-213czf-1-2", "3") and
        // ("ocds-213czf-1", "2-3") are different releases, as are identical keyless releases of two packages.
        var lines = "{\"ocid\":\"ocds-213czf-1-2\",\"id\":\"3\"}\n{\"ocid\":\"ocds-213czf-1\",\"id\":\"2-3\"}\n{\"ocid\":\"ocds-213czf-1\",\"id\":\"2-3\"}\n";
        var only = new OcdsValidationOptions { Severities = AllBut(RuleIds.OcdsNonUniqueId) };
        Assert.Equal(["/2/id"], (await Validate(lines, only)).PointersOf(RuleIds.OcdsNonUniqueId));

        var keyless = """[{"version":"1.1","releases":[{"tag":["planning"]}]},{"version":"1.1","releases":[{"tag":["planning"]},{"tag":["planning"]}]}]""";
        var duplicate = Assert.Single((await Validate(keyless, only)).Of(RuleIds.OcdsNonUniqueId));
        Assert.Equal("/1/releases/1", duplicate.Pointer);
        Assert.Contains("number 1", duplicate.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OCDS0001_scales_linearly_on_many_releases()
    {
        // 100,000 releases as JSON Lines, then two repeats of release 7 and one new release: the keys are hashed once each.
        var lines = new StringBuilder();
        for (var i = 0; i < 100_000; i++) lines.Append("{\"ocid\":\"ocds-213czf-").Append(i % 25_000).Append("\",\"id\":\"").Append(i).Append("\"}\n");
        lines.Append("{\"ocid\":\"ocds-213czf-7\",\"id\":\"7\"}\n{\"ocid\":\"ocds-213czf-8\",\"id\":\"new\"}\n{\"ocid\":\"ocds-213czf-7\",\"id\":\"7\"}\n");
        var only = new OcdsValidationOptions { Severities = AllBut(RuleIds.OcdsNonUniqueId) };
        var result = await Validate(lines.ToString(), only);
        Assert.Equal(100_003, result.Records);
        Assert.Equal(["/100000/id", "/100002/id"], result.PointersOf(RuleIds.OcdsNonUniqueId));
        Assert.Equal(100_001, result.Of(RuleIds.OcdsNonUniqueId)[0].Line);
    }

    [SkippableFact]
    public async Task Records_are_checked_in_their_compiled_and_embedded_releases_not_in_the_versioned_history()
    {
        var record = "{\"version\":\"1.1\",\"records\":[{\"ocid\":\"ocds-213czf-1\"," +
            "\"releases\":[" + Release("\"awards\":[{\"id\":\"a\",\"value\":{\"amount\":-1,\"currency\":\"EUR\"}}]", ocid: "ocds-213czf-1") + "]," +
            "\"compiledRelease\":" + Release("\"contracts\":[{\"id\":\"c\",\"awardID\":\"x\"}],\"awards\":[{\"id\":\"a\"}]", ocid: "bad") + "," +
            "\"versionedRelease\":{\"ocid\":\"ocds-213czf-1\",\"tender\":{\"title\":[{\"releaseDate\":\"2020-01-01T00:00:00Z\",\"releaseID\":\"1\",\"value\":\"T\"}]}}}]}";
        var result = await Validate(record);
        Assert.Equal(["/records/0/releases/0/awards/0/value/amount"], result.PointersOf(RuleIds.OcdsNegativeAmount));
        Assert.Equal(["/records/0/compiledRelease/contracts/0/awardID"], result.PointersOf(RuleIds.OcdsContractAwardNotFound));
        Assert.Equal(["/records/0/compiledRelease/ocid"], result.PointersOf(RuleIds.OcdsBadOcidPrefix));
        Assert.Empty(result.Of(RuleIds.OcdsAdditionalField));
    }

    [SkippableFact]
    public async Task OCDS0002_array_items_without_id_unless_the_list_merges_whole()
    {
        // Parties need no id by the schema: this rule reports the one without. Awards must have one: the schema
        // reports that (not run here), and this rule stays quiet (one failure, one finding).
        var result = await Validate(Package(Release("\"awards\":[{\"id\":\"a\"},{\"title\":\"no id\"}]," +
            "\"parties\":[{\"id\":\"p\",\"roles\":[\"buyer\"],\"additionalIdentifiers\":[{\"scheme\":\"X\"}]},{\"name\":\"no id\"}]")));
        Assert.Equal(["/releases/0/parties/1"], result.PointersOf(RuleIds.OcdsArrayItemWithoutId));
    }

    [SkippableFact]
    public async Task OCDS0003_empty_strings_objects_and_arrays()
    {
        var result = await Validate(Package(Release("\"language\":\" \",\"buyer\":{},\"parties\":[],\"tender\":{\"id\":\"t\",\"title\":\"\"}")));
        Assert.Equal(["/releases/0/language", "/releases/0/buyer", "/releases/0/parties", "/releases/0/tender/title"], result.PointersOf(RuleIds.OcdsEmptyField));
        Assert.Empty((await Validate(Package(Release("\"tender\":{\"id\":\"t\",\"title\":\"x\"}")))).Of(RuleIds.OcdsEmptyField));
    }

    [SkippableFact]
    public async Task OCDS0004_ocid_prefix()
    {
        var result = await Validate(Package(Release(ocid: "abc-123", id: "1"), Release(ocid: "ocds-213CZF-1", id: "2"), Release(ocid: "ocds-213czf-1", id: "3")));
        Assert.Equal(["/releases/0/ocid", "/releases/1/ocid"], result.PointersOf(RuleIds.OcdsBadOcidPrefix));
        Assert.Empty((await Validate(Package("{\"ocid\":3,\"id\":\"1\"}"))).Of(RuleIds.OcdsBadOcidPrefix));
    }

    [SkippableFact]
    public async Task OCDS0005_deprecated_fields()
    {
        var result = await Validate(Package(Release("\"awards\":[{\"id\":\"a\",\"amendment\":{\"rationale\":\"r\"}}]")));
        var finding = Assert.Single(result.Of(RuleIds.OcdsDeprecatedField));
        Assert.Equal("/releases/0/awards/0/amendment", finding.Pointer);
        Assert.Contains("1.1", finding.Message, StringComparison.Ordinal);
        Assert.Empty((await Validate(Package(Release("\"awards\":[{\"id\":\"a\",\"amendments\":[{\"id\":\"1\"}]}]")))).Of(RuleIds.OcdsDeprecatedField));
    }

    [SkippableFact]
    public async Task OCDS0006_additional_fields_outermost_only_and_language_variants_allowed()
    {
        var result = await Validate(Package(Release("\"extra\":{\"deeper\":1},\"tender\":{\"id\":\"t\",\"title_fr\":\"Titre\",\"colour\":\"red\"}")));
        Assert.Equal(["/releases/0/extra", "/releases/0/tender/colour"], result.PointersOf(RuleIds.OcdsAdditionalField));
        Assert.Equal(Severity.Info, result.Of(RuleIds.OcdsAdditionalField)[0].Severity);
    }

    [SkippableFact]
    public async Task OCDS0006_additional_fields_in_package_metadata_with_line()
    {
        var json = "{\"version\":\"1.1\",\n\"oddity\":true,\n\"releases\":[" + Release() + "]}";
        var finding = Assert.Single((await Validate(json)).Of(RuleIds.OcdsAdditionalField));
        Assert.Equal("/oddity", finding.Pointer);
        Assert.Equal((2, 10), (finding.Line, finding.Column));
    }

    [SkippableFact]
    public async Task OCDS0007_and_OCDS0008_closed_and_open_codelists()
    {
        var result = await Validate(Package(Release(
            "\"tender\":{\"id\":\"t\",\"value\":{\"amount\":1,\"currency\":\"XXX1\"},\"documents\":[{\"id\":\"d\",\"documentType\":\"madeUp\"},{\"id\":\"e\",\"documentType\":\"tenderNotice\"}]}").Replace("[\"tender\"]", "[\"tender\",\"oops\"]")));
        Assert.Equal(["/releases/0/tag/1", "/releases/0/tender/value/currency"], result.PointersOf(RuleIds.OcdsClosedCodelistValue));
        Assert.Equal(["/releases/0/tender/documents/0/documentType"], result.PointersOf(RuleIds.OcdsOpenCodelistValue));
        Assert.Equal("madeUp", result.Of(RuleIds.OcdsOpenCodelistValue)[0].Value);
    }

    [SkippableFact]
    public async Task OCDS0010_period_ends_before_it_starts()
    {
        var result = await Validate(Package(Release(
            "\"tender\":{\"id\":\"t\",\"tenderPeriod\":{\"startDate\":\"2020-02-01T00:00:00Z\",\"endDate\":\"2020-01-01T00:00:00Z\"},\"contractPeriod\":{\"startDate\":\"2020-02-01T00:00:00Z\",\"endDate\":\"2020-02-01T00:00:00Z\"}}")));
        Assert.Equal(["/releases/0/tender/tenderPeriod/endDate"], result.PointersOf(RuleIds.OcdsPeriodEndsBeforeStart));
    }

    [SkippableFact]
    public async Task OCDS0011_procurement_timeline()
    {
        var result = await Validate(Package(Release(
            "\"tender\":{\"id\":\"t\",\"tenderPeriod\":{\"endDate\":\"2020-03-01T00:00:00Z\"}}," +
            "\"awards\":[{\"id\":\"a1\",\"date\":\"2020-02-01T00:00:00Z\"},{\"id\":\"a2\",\"date\":\"2020-04-01T00:00:00Z\"}]," +
            "\"contracts\":[{\"id\":\"c1\",\"awardID\":\"a2\",\"dateSigned\":\"2020-03-15T00:00:00Z\",\"implementation\":{\"transactions\":[{\"id\":\"x\",\"date\":\"2020-03-01T00:00:00Z\"},{\"id\":\"y\",\"date\":\"2020-05-01T00:00:00Z\"}]}}]")));
        Assert.Equal(["/releases/0/awards/0/date", "/releases/0/contracts/0/dateSigned", "/releases/0/contracts/0/implementation/transactions/0/date"],
            result.PointersOf(RuleIds.OcdsTimelineOutOfOrder));
    }

    [SkippableFact]
    public async Task OCDS0012_and_OCDS0013_negative_amounts_and_missing_currency()
    {
        var result = await Validate(Package(Release(
            "\"planning\":{\"budget\":{\"amount\":{\"amount\":-5,\"currency\":\"EUR\"}}},\"tender\":{\"id\":\"t\",\"value\":{\"amount\":10},\"minValue\":{\"amount\":1,\"currency\":\"EUR\"}}")));
        Assert.Equal(["/releases/0/planning/budget/amount/amount"], result.PointersOf(RuleIds.OcdsNegativeAmount));
        Assert.Equal(["/releases/0/tender/value/amount"], result.PointersOf(RuleIds.OcdsAmountWithoutCurrency));
    }

    [SkippableFact]
    public async Task OCDS0014_and_OCDS0015_party_references()
    {
        var result = await Validate(Package(Release(
            "\"parties\":[{\"id\":\"b\",\"roles\":[\"buyer\"]},{\"id\":\"s\",\"roles\":[\"tenderer\"]},{\"id\":\"d\",\"roles\":[\"supplier\"]},{\"id\":\"d\",\"roles\":[\"supplier\"]}]," +
            "\"buyer\":{\"id\":\"b\"},\"tender\":{\"id\":\"t\",\"procuringEntity\":{\"id\":\"nobody\"},\"tenderers\":[{\"id\":\"s\"}]}," +
            "\"awards\":[{\"id\":\"a\",\"suppliers\":[{\"id\":\"s\"},{\"id\":\"d\"}]}]")));
        Assert.Equal(["/releases/0/tender/procuringEntity/id", "/releases/0/awards/0/suppliers/1/id"], result.PointersOf(RuleIds.OcdsUnresolvedPartyReference));
        Assert.Equal(["/releases/0/awards/0/suppliers/0/id"], result.PointersOf(RuleIds.OcdsPartyWithoutRole));
        // No parties at all (OCDS 1.0 style): nothing to resolve against, nothing reported.
        var old = await Validate(Package(Release("\"buyer\":{\"id\":\"b\",\"name\":\"B\"}")));
        Assert.Empty(old.Of(RuleIds.OcdsUnresolvedPartyReference));
    }

    [SkippableFact]
    public async Task OCDS0016_contract_award_id()
    {
        var result = await Validate(Package(Release("\"awards\":[{\"id\":\"a\"}],\"contracts\":[{\"id\":\"c\",\"awardID\":\"a\"},{\"id\":\"d\",\"awardID\":\"z\"}]"),
            Release("\"contracts\":[{\"id\":\"c\",\"awardID\":\"elsewhere\"}]", id: "2")));
        Assert.Equal(["/releases/0/contracts/1/awardID"], result.PointersOf(RuleIds.OcdsContractAwardNotFound));
    }

    [SkippableFact]
    public async Task OCDS0017_number_of_tenderers()
    {
        var result = await Validate(Package(Release("\"tender\":{\"id\":\"t\",\"numberOfTenderers\":3,\"tenderers\":[{\"id\":\"a\"}]}"),
            Release("\"tender\":{\"id\":\"t\",\"numberOfTenderers\":1,\"tenderers\":[{\"id\":\"a\"}]}", id: "2")));
        Assert.Equal(["/releases/0/tender/numberOfTenderers"], result.PointersOf(RuleIds.OcdsNumberOfTenderersMismatch));
    }

    [SkippableFact]
    public async Task OCDS0018_a_broken_line_is_reported_and_the_rest_is_read()
    {
        var result = await Validate(Release(id: "1") + "\n{\"ocid\": oops}\n" + Release(id: "3") + "\n");
        Assert.Equal(3, result.Records);
        var broken = Assert.Single(result.Of(RuleIds.OcdsMalformedJson));
        Assert.Equal(("/1", 2), (broken.Pointer, broken.Line));
        Assert.Null(result.Unreadable);
    }

    [SkippableFact]
    public async Task OCDS0018_a_truncated_package_is_unreadable_not_a_crash()
    {
        var json = Package(Release(id: "1"), Release(id: "2"));
        var result = await Validate(json[..^30]);
        Assert.NotNull(result.Unreadable);
        Assert.Single(result.Of(RuleIds.OcdsMalformedJson));
        Assert.Equal(1, result.Records);
    }

    [SkippableFact]
    public async Task Findings_carry_the_exact_line_and_column_of_the_value()
    {
        var json = Package(Release(id: "1"), Release("\"tender\":{\"id\":\"t\",\n   \"title\":  \"   \"}", id: "2")).Replace("},{", "},\n  {");
        var finding = Assert.Single((await Validate(json)).Of(RuleIds.OcdsEmptyField));
        var offset = json.IndexOf("\"   \"", StringComparison.Ordinal);
        Assert.Equal(StreamingTests.NaivePosition(json, offset), new OgpData.Streaming.TextPosition(finding.Line, finding.Column));
    }

    [SkippableFact]
    public async Task Severities_can_be_changed_or_switched_off_and_findings_are_capped()
    {
        var json = Package(Release("\"a\":1,\"b\":2,\"c\":3"));
        var result = await OcdsValidator.ValidateAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), new OcdsValidationOptions
        {
            Schemas = await SchemaSet(), MaxFindings = 2,
            Severities = System.Collections.Immutable.ImmutableDictionary<string, Severity>.Empty.Add(RuleIds.OcdsAdditionalField, Severity.Error),
        });
        Assert.Equal(3, result.Errors);
        Assert.Equal(2, result.Findings.Length);
        Assert.True(result.FindingsTruncated);
        Assert.False(result.Valid);

        var off = await Validate(json, new OcdsValidationOptions { Severities = AllBut("none") });
        Assert.Empty(off.Findings);
    }

    [SkippableFact]
    public async Task The_schema_check_plugs_in_per_item_with_pointers_placed_in_the_file()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<OgpData.Streaming.OcdsItemKind>();
        OcdsSchemaCheck Factory(OcdsSchemaSet schemas)
        {
            Assert.True(schemas.ReleaseSchema.TryGetProperty("properties", out _));
            return (item, kind) =>
            {
                seen.Add(kind);
                return item.TryGetProperty("tender", out _)
                    ? [new Finding { RuleId = RuleIds.Schema, Severity = Severity.Error, Pointer = "/tender", Message = "fake", Keyword = "required" }]
                    : [];
            };
        }
        var json = Package(Release(id: "1"), Release("\"tender\":{\"id\":\"t\"}", id: "2")).Replace("},{", "},\n{");
        var result = await Validate(json, new OcdsValidationOptions { SchemaCheckFactory = Factory });
        var finding = Assert.Single(result.Of(RuleIds.Schema));
        Assert.Equal(("/releases/1/tender", 2), (finding.Pointer, finding.Line));
        Assert.Contains(OgpData.Streaming.OcdsItemKind.ReleasePackageMetadata, seen);
        Assert.Equal(2, seen.Count(k => k == OgpData.Streaming.OcdsItemKind.Release));
    }

    [SkippableFact]
    public async Task A_library_caller_given_a_schema_source_gets_json_schema_validation_unless_it_turns_it_off()
    {
        // A release without its required id: only the JSON Schema step says so.
        var json = Package("{\"ocid\":\"ocds-213czf-0001\",\"date\":\"2020-01-01T00:00:00Z\",\"tag\":[\"tender\"],\"initiationType\":\"tender\"}");
        async Task<OcdsValidationResult> Run(OcdsValidationOptions options) =>
            await OcdsValidator.ValidateAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), options);
        var schemas = await SchemaSet();

        var withSet = await Run(new OcdsValidationOptions { Schemas = schemas });
        Assert.Contains(withSet.Of(RuleIds.Schema), f => f.Keyword == "required" && f.Pointer == "/releases/0");
        var withVersions = await Run(new OcdsValidationOptions { Versions = OcdsSchemaVersions.FromPath(OgpData.Testing.SharedData.Require("ocds/schema/1.1.5")) });
        Assert.Equal(withSet.Of(RuleIds.Schema), withVersions.Of(RuleIds.Schema));

        var off = await Run(new OcdsValidationOptions { Schemas = schemas, SchemaCheckFactory = null });
        Assert.Empty(off.Of(RuleIds.Schema));
    }

    [SkippableFact]
    public async Task Inputs_that_are_not_ocds_come_back_unchecked()
    {
        Assert.Equal(OgpData.Streaming.DocumentKind.OgpCommitmentPackage, (await Validate("{\"actionPlans\":[]}")).Kind);
        var notJson = await Validate("<html>");
        Assert.NotNull(notJson.Unreadable);
    }

    internal static System.Collections.Immutable.ImmutableDictionary<string, Severity> AllBut(string ruleId) =>
        RuleCatalog.All.Where(r => r.Category == "OCDS" && r.Id != ruleId).ToDictionary(r => r.Id, _ => Severity.None).ToImmutableDictionary();
}
