using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using OgpData.Conversion;
using OgpData.Csv;
using OgpData.Serialization;
using OgpData.Testing;
using OgpData.Tests.Csv;
using OgpData.Tests.Models;

namespace OgpData.Tests.Hostile;

/// <summary>
/// Read → write → read is the identity: commitment packages and OCDS documents through the serialisers, with
/// unknown fields, nulls, number text (<c>1.0</c>, <c>1e400</c>, <c>-0</c>) and any Unicode; commitment packages
/// through a spreadsheet and back, where the writer must say so whenever a value has no cell form.
/// </summary>
public class LosslessPropertyTests
{
    private static readonly string[] NumberTexts = ["0", "-0", "1.0", "1.50", "1e400", "-1E-400", "12345678901234567890123", "0.1", "3"];

    // Strings with what breaks naive code: escapes, surrogate pairs, control characters, delimiters, formulas.
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[0, 12],
        Gen.OneOfConst("", "é", "😀", "a\"b", "back\\slash", "tab\tand\nnewline", "\u0001", "\u2028", "=1+1", "+33 1", "@x", "-5", "00123",
            "a;b", "x,y", "'quoted'", "日本語", "\uFEFFbom", "</script>", "1.0", "null", "true"),
        Gen.Char.Array[0, 6].Select(chars => new string(chars)));

    private static readonly Gen<string> Names = Gen.OneOfConst("x-note", "extra", "é", "😀", "a b", "$ref", "__proto__", "id2", "");

    // Any JSON value for the fields the models do not know.
    private static readonly Gen<string> AnyValue = Gen.Recursive<string>((depth, self) => depth >= 3
        ? Leaf()
        : Gen.OneOf(Leaf(),
            self.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.Select(Names, self).Array[0, 3].Select(members => "{" + string.Join(",", members.DistinctBy(m => m.Item1).Select(m => Quote(m.Item1) + ":" + m.Item2)) + "}")));

    private static Gen<string> Leaf() => Gen.OneOf(Gen.OneOfConst("null", "true", "false"), Gen.OneOfConst(NumberTexts), Text.Select(Quote));

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static Gen<string> Unknowns(params string[] taken) =>
        Gen.Select(Names, AnyValue).Array[0, 3].Select(members =>
            string.Concat(members.Where(m => !taken.Contains(m.Item1)).DistinctBy(m => m.Item1).Select(m => "," + Quote(m.Item1) + ":" + m.Item2)));

    private static readonly Gen<string> Milestone = Gen.Select(Text, Text, Gen.OneOfConst("null", "\"2019-Q3\"", "\"2021-08\"", "\"2021-02-28\""), Unknowns("id", "description", "period"))
        .Select((id, description, end, extra) => "{\"id\":" + Quote(id) + ",\"description\":" + Quote(description)
            + ",\"period\":{\"endDate\":" + end + ",\"endText\":" + Quote(description) + "}" + extra + "}");

    private static readonly Gen<string> Package = Gen.Select(Text, Milestone.Array[0, 3], Gen.OneOfConst(NumberTexts), Unknowns("version", "actionPlans"), Unknowns("id", "title", "milestones", "budget"))
        .Select((title, milestones, amount, topExtra, commitmentExtra) =>
            "{\"version\":\"1.0\"" + topExtra + ",\"actionPlans\":[{\"id\":\"P\",\"member\":\"LU\",\"commitments\":[{\"id\":\"C1\",\"title\":" + Quote(title)
            + ",\"budget\":{\"amount\":" + amount + ",\"currency\":null}" + commitmentExtra + ",\"milestones\":[" + string.Join(",", milestones) + "]}]}]}");

    [Fact]
    public void A_commitment_package_reads_and_writes_back_to_the_same_tree()
    {
        Package.Sample(json =>
        {
            var original = Encoding.UTF8.GetBytes(json);
            var package = OgpJson.ReadPackage(original);
            var written = Encoding.UTF8.GetBytes(OgpJson.ToJson(package));
            Assert.Null(JsonTree.FirstDifference(original, written));
            // And the second trip changes nothing more.
            Assert.Equal(written, Encoding.UTF8.GetBytes(OgpJson.ToJson(OgpJson.ReadPackage(written))));
        }, iter: Fuzzing.Iterations(300));
    }

    private static readonly Gen<string> Release = Gen.Select(Text, Gen.OneOfConst(NumberTexts), Gen.OneOfConst("null", "\"tender\"", "\"x\""), Unknowns("ocid", "id", "date", "tender", "tag"), Unknowns("id", "value", "status"))
        .Select((title, amount, status, extra, tenderExtra) =>
            "{\"ocid\":\"ocds-213czf-1\",\"id\":" + Quote(title) + ",\"date\":\"2020-01-01T00:00:00Z\",\"tag\":[\"tender\"]" + extra
            + ",\"tender\":{\"id\":\"T\",\"status\":" + status + ",\"value\":{\"amount\":" + amount + ",\"currency\":\"EUR\"}" + tenderExtra
            + ",\"items\":[{\"id\":\"1\",\"description\":" + Quote(title) + "}]}}");

    [Fact]
    public void An_ocds_release_package_reads_and_writes_back_to_the_same_tree()
    {
        Gen.Select(Release.Array[0, 3], Unknowns("releases", "uri", "publishedDate")).Sample((releases, extra) =>
        {
            var json = "{\"uri\":\"https://example.org/p.json\",\"publishedDate\":\"2020-01-01T00:00:00Z\"" + extra + ",\"releases\":[" + string.Join(",", releases) + "]}";
            var original = Encoding.UTF8.GetBytes(json);
            var package = OcdsJson.ReadReleasePackage(original);
            var written = Encoding.UTF8.GetBytes(OcdsJson.ToJson(package));
            Assert.Null(JsonTree.FirstDifference(original, written));
        }, iter: Fuzzing.Iterations(300));
    }

    // The sheet has no cell for null, an empty string or an empty array: those are left out of these packages
    // (the writer reports them, see CommitmentCsvTests), everything else must come back.
    private static readonly Gen<string> CellText = Text.Where(t => t.Trim().Length > 0 && t.Trim() == t && !t.Contains('\uFEFF') && !HasLoneSurrogate(t));

    private static readonly Gen<JsonObject> SheetPackage = Gen.Select(
            CellText, CellText.Array[0, 3], Gen.OneOfConst("0012", "C-1", "٣", "1e3"), Gen.Select(CellText, CellText, Gen.OneOfConst("2019-Q3", "2021-08", "2021-02-28")).Array[0, 3])
        .Select((title, actors, number, milestones) =>
        {
            var commitment = new JsonObject { ["id"] = "C1", ["number"] = number, ["title"] = title };
            if (actors.Length > 0 && actors.All(a => !a.Contains(';'))) commitment["otherActors"] = new JsonObject { ["government"] = new JsonArray([.. actors.Select(a => (JsonNode)a)]) };
            var items = new JsonArray();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, description, end) in milestones)
            {
                if (!ids.Add(id)) continue;
                items.Add(new JsonObject { ["id"] = id, ["description"] = description, ["period"] = new JsonObject { ["endDate"] = end } });
            }
            if (items.Count > 0) commitment["milestones"] = items;
            return new JsonObject
            {
                ["version"] = "1.0",
                ["actionPlans"] = new JsonArray(new JsonObject { ["id"] = "P", ["member"] = "LU", ["commitments"] = new JsonArray(commitment) }),
            };
        });

    [Fact]
    public void A_commitment_package_goes_through_a_sheet_and_comes_back_unchanged()
    {
        SheetPackage.Sample(original =>
        {
            using var input = new MemoryStream(Encoding.UTF8.GetBytes(original.ToJsonString()));
            using var csv = new MemoryStream();
            using var baseJson = new MemoryStream();
            var written = CommitmentCsv.Write(input, csv, baseJson);
            Assert.Empty(written.Problems);

            using var sheet = new MemoryStream(csv.ToArray());
            using var output = new MemoryStream();
            var read = CommitmentCsv.ReadPackage(sheet, output, new CommitmentCsvOptions { Base = JsonNode.Parse(baseJson.ToArray())!.AsObject()});
            Assert.Empty(read.Problems);
            Assert.Null(JsonTreeDiff.FirstDifference(original, JsonNode.Parse(output.ToArray())));
        }, iter: Fuzzing.Iterations(200), print: p => p.ToJsonString());
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }
}
