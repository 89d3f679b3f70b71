using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Testing;
using OgpData.Text;

namespace OgpData.Cli.Tests;

/// <summary>
/// One CSV dialect: a sheet written by <c>convert</c> reads the same, cell for cell, through the converter's
/// reader (<c>convert</c> back) and through the checking reader that <c>validate</c> and the analyzers share
/// (<see cref="CommitmentSheetReader"/>) — the delimiter detected alike and the formula guard undone by both.
/// </summary>
public sealed class SheetDialectTests : HostileFiles
{
    // Texts a spreadsheet would run as formulas (the writer guards them with an apostrophe), texts that already
    // start with apostrophes, and the delimiters, quotes and line breaks a cell must survive.
    private static readonly string[] Titles =
    [
        "=HYPERLINK(\"http://example.org\")", "+33 1 23 45 67 89", "-5 % de délais", "@mairie", "'=déjà protégé",
        "''-deux apostrophes", "'apostrophe seule", "a;b,c\td", "des \"guillemets\"", "sur\ndeux lignes",
    ];

    private string PackageWithTitles()
    {
        var package = JsonNode.Parse(Package)!;
        var commitments = package["actionPlans"]![0]!["commitments"]!.AsArray();
        var model = commitments[0]!.ToJsonString();
        commitments.Clear();
        for (var i = 0; i < Titles.Length; i++)
        {
            var commitment = JsonNode.Parse(model)!;
            commitment["id"] = $"LU{i + 1:0000}";
            commitment["title"] = Titles[i];
            commitment["milestones"]![0]!["id"] = $"LU{i + 1:0000}-1";
            commitment["milestones"]![0]!["description"] = Titles[Titles.Length - 1 - i];
            commitments.Add(commitment);
        }
        return Write("plan.json", package.ToJsonString());
    }

    [Theory]
    [InlineData(";")]
    [InlineData(",")]
    [InlineData("tab")]
    public void A_sheet_written_by_convert_reads_back_cell_for_cell_in_both_readers(string delimiter)
    {
        var package = PackageWithTitles();
        var sheet = Path.Combine(Folder, "plan.csv");
        Assert.Equal(0, Cli.Run("convert", package, "-o", sheet, "--delimiter", delimiter).ExitCode);
        Assert.Contains("'=HYPERLINK", File.ReadAllText(sheet), StringComparison.Ordinal);

        var back = Path.Combine(Folder, "back.json");
        var converted = Cli.Run("convert", sheet, "-o", back, "--base", Path.Combine(Folder, "plan.base.json"));
        Assert.True(converted.ExitCode == 0, converted.Stderr);
        var fromConverter = JsonNode.Parse(File.ReadAllText(back))!["actionPlans"]![0]!["commitments"]!;

        var checking = CommitmentSheetReader.Read(File.ReadAllText(sheet));
        Assert.True(checking.IsWellFormed, checking.Error?.Message);
        var fromChecker = checking.Root!["actionPlans"]!.Children[0]["commitments"]!;

        var cells = 0;
        foreach (var leaf in Leaves(fromChecker))
        {
            var pointer = leaf.Pointer["/actionPlans/0/commitments".Length..];
            Assert.Equal(TextAt(fromConverter, pointer), leaf.StringValue);
            cells++;
        }
        Assert.True(cells >= Titles.Length * 4, $"only {cells} cells compared");
        for (var i = 0; i < Titles.Length; i++)
        {
            Assert.Equal(Titles[i], fromChecker.Children[i]["title"]!.StringValue);
            Assert.Equal(Titles[i], fromConverter[i]!["title"]!.GetValue<string>());
        }

        // validate reads the sheet with that reader (the analyzers call the same one on an AdditionalFile).
        var validated = Cli.Run("validate", sheet, "--format", "json");
        Assert.True(validated.ExitCode is 0 or 1, validated.Stderr);
        using var report = JsonDocument.Parse(validated.Stdout);
        Assert.Equal(Titles.Length, report.RootElement.GetProperty("files")[0].GetProperty("counts").GetProperty("records").GetInt32());
    }

    private static IEnumerable<JsonTextNode> Leaves(JsonTextNode node)
    {
        if (node.IsString)
        {
            yield return node;
            yield break;
        }
        foreach (var child in node.Children)
        {
            foreach (var leaf in Leaves(child)) yield return leaf;
        }
    }

    private static string? TextAt(JsonNode root, string pointer)
    {
        JsonNode? node = root;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node switch
            {
                JsonArray array when int.TryParse(part, out var index) && index < array.Count => array[index],
                JsonObject obj => obj[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)],
                _ => null,
            };
        }
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString();
    }
}
