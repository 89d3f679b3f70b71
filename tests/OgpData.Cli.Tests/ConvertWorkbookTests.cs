using System.Text.Json.Nodes;
using OgpData.Testing;

namespace OgpData.Cli.Tests;

/// <summary><c>convert</c> and <c>validate</c> with workbooks, the format chosen by the file's name.</summary>
public sealed class ConvertWorkbookTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-workbook-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string In(string name) => Path.Combine(_folder, name);

    [Theory]
    [InlineData("xlsx")]
    [InlineData("ods")]
    public void The_luxembourg_plan_goes_to_a_workbook_and_back_and_validates_at_its_cells(string format)
    {
        var sample = SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json");
        Assert.Equal(0, Cli.Run("convert", sample, "-o", In("plan." + format)).ExitCode);
        Assert.True(File.Exists(In("plan.base.json")), "the package metadata goes beside the workbook");
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));

        var back = Cli.Run("convert", In("plan." + format), "-o", In("plan.json"), "--base", In("plan.base.json"));
        Assert.Equal(0, back.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(sample)), JsonNode.Parse(File.ReadAllText(In("plan.json")))));

        var validate = Cli.Run("validate", In("plan." + format), "--format", "json", "--fail-on", "none");
        Assert.Equal(0, validate.ExitCode);
        var findings = JsonNode.Parse(validate.Stdout)!["files"]![0]!["findings"]!.AsArray();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.StartsWith("commitments!", f!["message"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [SkippableFact]
    public void An_ocds_package_goes_to_a_workbook_and_back()
    {
        var sample = SharedData.Require("ocds/samples/moldova.release-package.json");
        Assert.Equal(0, Cli.Run("convert", sample, "-o", In("releases.xlsx")).ExitCode);
        var back = Cli.Run("convert", In("releases.xlsx"), "-o", In("releases.json"));
        Assert.Equal(0, back.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(sample)), JsonNode.Parse(File.ReadAllText(In("releases.json")))));
    }

    [Fact]
    public void A_workbook_that_is_not_one_is_unreadable_input()
    {
        File.WriteAllText(In("broken.xlsx"), "not a zip");
        var outcome = Cli.Run("convert", In("broken.xlsx"), "-o", In("out.json"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("broken.xlsx", outcome.Stderr, StringComparison.Ordinal);
    }
}
