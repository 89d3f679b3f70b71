using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using OgpData.Findings;
using OgpData.OcdsValidation;
using OgpData.Testing;
using static OgpData.Tests.OcdsValidation.OcdsTestData;

namespace OgpData.Tests.OcdsValidation;

/// <summary>
/// Choosing the schema by the package's <c>version</c>. The shared data holds only the 1.1.5 schema, so the
/// tests make a stand-in "1.0.3" from it: its id names 1__0__3 and it has no <c>parties</c>, which is enough
/// to tell from the findings which schema checked a package.
/// </summary>
public sealed class OcdsSchemaVersionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ocds-versions-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private const string PartiesRelease =
        "{\"ocid\":\"ocds-213czf-1\",\"id\":\"1\",\"date\":\"2020-01-01T00:00:00Z\",\"tag\":[\"planning\"],\"initiationType\":\"tender\"," +
        "\"parties\":[{\"id\":\"b\",\"name\":\"Buyer\",\"roles\":[\"buyer\"]}],\"buyer\":{\"id\":\"b\",\"name\":\"Buyer\"}}";

    private static string PackageDeclaring(string? version, bool versionAfterItems = false)
    {
        var versionProperty = version is null ? "" : $"\"version\":\"{version}\",";
        var head = "{\"uri\":\"https://example.org/p.json\",\"publishedDate\":\"2020-01-01T00:00:00Z\",\"publisher\":{\"name\":\"P\"},";
        return versionAfterItems
            ? head + "\"releases\":[" + PartiesRelease + "]," + versionProperty.TrimEnd(',') + "}"
            : head + versionProperty + "\"releases\":[" + PartiesRelease + "]}";
    }

    /// <summary>A folder with <c>1.1.5/</c> (the real schema) and <c>1.0.3/</c> (the stand-in).</summary>
    private string TwoVersions()
    {
        var source = SharedData.Require("ocds/schema/1.1.5");
        Copy(source, Path.Combine(_root, "1.1.5"));
        var old = Path.Combine(_root, "1.0.3");
        Copy(source, old);
        var release = JsonNode.Parse(File.ReadAllText(Path.Combine(old, "release-schema.json")))!.AsObject();
        release["id"] = "https://standard.open-contracting.org/schema/1__0__3/release-schema.json";
        release["properties"]!.AsObject().Remove("parties");
        File.WriteAllText(Path.Combine(old, "release-schema.json"), release.ToJsonString());
        return _root;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<OcdsValidationResult> ValidateWith(OcdsSchemaVersions versions, string json, string? fixedVersion = null) =>
        await OcdsValidator.ValidateAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), new OcdsValidationOptions
        {
            Schemas = await versions.LoadAsync(fixedVersion is null ? versions.Latest : versions.Match(fixedVersion)!),
            Versions = versions,
            Version = fixedVersion,
            MaxFindings = 10_000,
        });

    [SkippableFact]
    public void A_folder_of_version_folders_offers_each_version_read_from_the_schema_ids()
    {
        var versions = OcdsSchemaVersions.FromPath(TwoVersions());
        Assert.Equal("1.0.3 1.1.5", string.Join(' ', versions.Available));
        Assert.Equal("1.1.5", versions.Latest);
        Assert.Equal("1.0.3", versions.Match("1.0"));
        Assert.Equal("1.1.5", versions.Match("1.1"));
        Assert.Equal("1.1.5", versions.Match("1.1.5"));
        Assert.Null(versions.Match("1.2"));
        Assert.Null(versions.Match("1.1.4"));
    }

    [SkippableFact]
    public async Task A_single_schema_folder_is_one_version()
    {
        var versions = OcdsSchemaVersions.FromPath(SharedData.Require("ocds/schema/1.1.5"));
        Assert.Equal("1.1.5", Assert.Single(versions.Available));
        Assert.Equal("1.1.5", (await versions.LoadAsync("1.1.5")).Version);
        await Assert.ThrowsAsync<ArgumentException>(() => versions.LoadAsync("1.0.3"));
    }

    [SkippableFact]
    public void A_zip_holding_two_versions_offers_both()
    {
        var folder = TwoVersions();
        var zip = Path.Combine(_root, "standard.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => f != zip))
                archive.CreateEntryFromFile(file, "schemas/" + Path.GetRelativePath(folder, file).Replace('\\', '/'));
        }
        Assert.Equal("1.0.3 1.1.5", string.Join(' ', OcdsSchemaVersions.FromPath(zip).Available));
    }

    [Fact]
    public void A_path_without_a_release_schema_is_refused_with_a_reason()
    {
        Directory.CreateDirectory(_root);
        var error = Assert.Throws<FileNotFoundException>(() => OcdsSchemaVersions.FromPath(_root));
        Assert.Contains("release-schema.json", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Each_package_is_checked_against_the_version_it_declares()
    {
        var versions = OcdsSchemaVersions.FromPath(TwoVersions());

        var modern = await ValidateWith(versions, PackageDeclaring("1.1"));
        Assert.Empty(modern.Of(RuleIds.OcdsSchemaVersion));
        Assert.Empty(modern.Of(RuleIds.OcdsAdditionalField));

        // 1.0 has no parties: checked against 1.0.3, they are additional fields.
        var old = await ValidateWith(versions, PackageDeclaring("1.0"));
        Assert.Empty(old.Of(RuleIds.OcdsSchemaVersion));
        Assert.Contains("/releases/0/parties", old.PointersOf(RuleIds.OcdsAdditionalField));

        // No version means 1.0, which this source holds: no finding, the 1.0 schema applies.
        var unversioned = await ValidateWith(versions, PackageDeclaring(null));
        Assert.Empty(unversioned.Of(RuleIds.OcdsSchemaVersion));
        Assert.Contains("/releases/0/parties", unversioned.PointersOf(RuleIds.OcdsAdditionalField));
    }

    [SkippableFact]
    public async Task A_fixed_version_wins_over_what_packages_declare()
    {
        var versions = OcdsSchemaVersions.FromPath(TwoVersions());
        var result = await ValidateWith(versions, PackageDeclaring("1.0"), fixedVersion: "1.1");
        Assert.Empty(result.Of(RuleIds.OcdsSchemaVersion));
        Assert.Empty(result.Of(RuleIds.OcdsAdditionalField));
    }

    [SkippableFact]
    public async Task A_version_the_source_lacks_is_a_finding_at_the_version_field()
    {
        var result = await Validate(PackageDeclaring("1.0"), new OcdsValidationOptions { Versions = OcdsSchemaVersions.FromPath(SharedData.Require("ocds/schema/1.1.5")) });
        var finding = Assert.Single(result.Of(RuleIds.OcdsSchemaVersion));
        Assert.Equal("/version", finding.Pointer);
        Assert.Equal("1.0", finding.Value);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("holds 1.1.5", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, finding.Line);
        Assert.Equal(PackageDeclaring("1.0").IndexOf("\"1.0\"", StringComparison.Ordinal) + 1, finding.Column);
    }

    [SkippableFact]
    public async Task A_missing_version_is_left_to_the_schema_which_requires_it()
    {
        var result = await Validate(PackageDeclaring(null), schema: true);
        Assert.Empty(result.Of(RuleIds.OcdsSchemaVersion));
        Assert.Contains(result.Of(RuleIds.Schema), f => f.Message.Contains("\"version\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_version_after_the_items_is_judged_at_the_end_and_said_to_be_late()
    {
        var versions = OcdsSchemaVersions.FromPath(TwoVersions());
        // Declared 1.1 after the items: 1.0 (the default for "none yet") was used, and the finding says why.
        var result = await ValidateWith(versions, PackageDeclaring("1.1", versionAfterItems: true));
        var finding = Assert.Single(result.Of(RuleIds.OcdsSchemaVersion));
        Assert.Contains("after its items", finding.Message, StringComparison.Ordinal);
        Assert.Equal("/version", finding.Pointer);
        var lines = result.Findings.Select(f => (f.Line, f.Column)).ToList();
        Assert.Equal(lines.Order(), lines);
    }

    [SkippableFact]
    public async Task Releases_outside_packages_use_the_newest_version_without_a_finding()
    {
        var versions = OcdsSchemaVersions.FromPath(TwoVersions());
        var result = await ValidateWith(versions, PartiesRelease);
        Assert.Empty(result.Of(RuleIds.OcdsSchemaVersion));
        Assert.Empty(result.Of(RuleIds.OcdsAdditionalField));
    }

    [SkippableFact]
    public async Task The_rule_can_be_switched_off()
    {
        var result = await Validate(PackageDeclaring("1.0"), new OcdsValidationOptions
        {
            Severities = System.Collections.Immutable.ImmutableDictionary<string, Severity>.Empty.Add(RuleIds.OcdsSchemaVersion, Severity.None),
        });
        Assert.Empty(result.Of(RuleIds.OcdsSchemaVersion));
    }
}
