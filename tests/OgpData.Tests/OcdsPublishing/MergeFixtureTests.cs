using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.OcdsPublishing;
using OgpData.Testing;
using OgpData.Tests.Csv;

namespace OgpData.Tests.OcdsPublishing;

/// <summary>
/// ocds-merge's own golden cases (../shared/data/ocds/fixtures/ocds-merge/): each input merged with the
/// schema the reference used for its folder, compared as parsed JSON with members in the reference's order.
/// </summary>
public class MergeFixtureTests
{
    private const string Root = "ocds/fixtures/ocds-merge";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var root = SharedData.TryGet(Root);
        if (root is null)
        {
            data.Add("(absent)", "compiled");
            return data;
        }
        foreach (var folder in new[] { "1.1", "1.0", "schema" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, folder), "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                foreach (var kind in new[] { "compiled", "versioned" })
                {
                    if (name.EndsWith($"-{kind}.json", StringComparison.Ordinal)) data.Add($"{folder}/{name[..^($"-{kind}.json".Length)]}", kind);
                }
            }
        }
        return data;
    }

    internal static MergeRules RulesFor(string folder)
    {
        var path = folder switch
        {
            "1.0" => SharedData.Require($"{Root}/release-schema-1__0__3.json"),
            "schema" => SharedData.Require($"{Root}/schema.json"),
            _ => SharedData.Require("ocds/schema/1.1.5/release-schema.json"),
        };
        using var schema = JsonDocument.Parse(File.ReadAllBytes(path));
        return MergeRules.FromReleaseSchema(schema.RootElement.Clone());
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Matches_the_reference(string name, string kind)
    {
        Skip.If(name == "(absent)", "../shared/data is absent: the ocds-merge fixtures live there.");
        var folder = name[..name.IndexOf('/')];
        var input = SharedData.Require($"{Root}/{name}.json");
        var expected = JsonNode.Parse(File.ReadAllText(SharedData.Require($"{Root}/{name}-{kind}.json")));
        using var releases = JsonDocument.Parse(File.ReadAllBytes(input));
        var merged = new OcdsMerger(RulesFor(folder)).Merge([.. releases.RootElement.EnumerateArray()], kind == "compiled" ? MergeOutputs.Compiled : MergeOutputs.Versioned);
        var actual = JsonNode.Parse(kind == "compiled" ? merged.CompiledReleaseUtf8() : merged.VersionedReleaseUtf8());
        Assert.Null(JsonTreeDiff.FirstDifference(expected, actual, memberOrder: true));
    }

    [SkippableFact]
    public void The_1_1_5_rules_come_from_the_schema()
    {
        var rules = RulesFor("1.1").ToDictionary();
        Assert.Equal(MergeRule.OmitWhenMerged, rules["id"]);
        Assert.Equal(MergeRule.OmitWhenMerged, rules["date"]);
        Assert.Equal(MergeRule.OmitWhenMerged, rules["tag"]);
        Assert.Equal(MergeRule.WholeListMerge, rules["parties.roles"]);
        Assert.Equal(MergeRule.WholeListMerge, rules["tender.items.additionalClassifications"]);
        Assert.False(rules.ContainsKey("awards.suppliers"));
        var wholeList = rules.Count(rule => rule.Value == MergeRule.WholeListMerge);
        Assert.True(wholeList >= 21, $"{wholeList} whole-list paths");
    }

    [Fact]
    public void An_extension_field_brings_its_rule()
    {
        using var schema = JsonDocument.Parse("""
            {"properties": {"tender": {"$ref": "#/definitions/Tender"}},
             "definitions": {"Tender": {"type": "object", "properties": {
                "id": {"type": "string"},
                "secret": {"type": "string", "omitWhenMerged": true},
                "lots": {"type": "array", "items": {"$ref": "#/definitions/Lot"}},
                "codes": {"type": "array", "items": {"type": "string"}}}},
              "Lot": {"type": "object", "properties": {"id": {"type": "string"}, "tags": {"type": "array", "wholeListMerge": true}}}}}
            """);
        var rules = MergeRules.FromReleaseSchema(schema.RootElement).ToDictionary();
        Assert.Equal(MergeRule.OmitWhenMerged, rules["tender.secret"]);
        Assert.Equal(MergeRule.WholeListMerge, rules["tender.lots.tags"]);
        Assert.Equal(MergeRule.WholeListMerge, rules["tender.codes"]);
        Assert.Equal(3, rules.Count);
    }
}
