using System.Text.Json.Nodes;
using OgpData.Testing;

namespace OgpData.Cli.Tests;

public sealed class ConvertTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-convert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string In(string name) => Path.Combine(_folder, name);

    [Fact]
    public void The_luxembourg_package_goes_to_a_french_sheet_and_back_unchanged()
    {
        var sample = SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json");
        var toCsv = Cli.Run("convert", sample, "-o", In("lu.csv"), "--delimiter", ";");
        Assert.Equal(0, toCsv.ExitCode);
        Assert.True(File.Exists(In("lu.base.json")), "the package metadata goes beside the sheet");
        var header = File.ReadAllLines(In("lu.csv"))[0];
        Assert.StartsWith("\uFEFFid;", header);

        var back = Cli.Run("convert", In("lu.csv"), "-o", In("lu.json"), "--base", In("lu.base.json"));
        Assert.Equal(0, back.ExitCode);

        var original = JsonNode.Parse(File.ReadAllText(sample))!;
        var roundTrip = JsonNode.Parse(File.ReadAllText(In("lu.json")))!;
        // A list item holds ';', the list separator: that list is written as numbered columns, one item per cell.
        Assert.Contains(";otherActors/government/0;otherActors/government/1;", header);
        Assert.DoesNotContain("CSV0005", toCsv.Stderr);
        Assert.True(JsonNode.DeepEquals(original, roundTrip), "the round trip changed the package");
    }

    [Fact]
    public void A_sheet_becomes_a_package_and_unreadable_dates_name_row_and_column()
    {
        var sample = SharedData.InRepo("samples/luxembourg-2019-2021.commitments.csv");
        var outcome = Cli.Run("convert", sample, "-o", In("lu.json"));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("row 4, column milestones/0/period/startText", outcome.Stderr);
        var package = JsonNode.Parse(File.ReadAllText(In("lu.json")))!;
        Assert.Equal(6, package["actionPlans"]![0]!["commitments"]!.AsArray().Count);
        var period = package["actionPlans"]![0]!["commitments"]![0]!["period"]!;
        Assert.Equal("Août 2019", period["startText"]!.GetValue<string>());
        Assert.Equal("2019-08", period["startDate"]!.GetValue<string>());
        // Without --base the plan has no id or member: said, not guessed.
        Assert.Contains("CSV0008", outcome.Stderr);
    }

    [SkippableFact]
    public void An_ocds_release_package_goes_to_sheets_and_back()
    {
        var sample = SharedData.Require("ocds/samples/moldova.release-package.json");
        var sheets = In("sheets");
        Assert.Equal(0, Cli.Run("convert", sample, "-o", sheets).ExitCode);
        Assert.True(File.Exists(Path.Combine(sheets, "releases.csv")));
        Assert.Equal(0, Cli.Run("convert", sheets, "-o", In("back.json")).ExitCode);
        var original = JsonNode.Parse(File.ReadAllText(sample))!["releases"];
        var back = JsonNode.Parse(File.ReadAllText(In("back.json")))!["releases"];
        Assert.True(JsonNode.DeepEquals(original, back));
    }

    [Fact]
    public void Convert_needs_an_output()
    {
        var outcome = Cli.Run("convert", SharedData.InRepo("samples/luxembourg-2019-2021.commitments.csv"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("-o", outcome.Stderr);
    }
}
