// The README's library example, compiled and run. The lines inside the two "readme" regions (the usings,
// then the method, four spaces less indented) are the README's ```csharp block under "## The library" (and
// the package readme's), character for character: Readme_shows_this_example checks it, so the example
// cannot drift from code that compiles and runs.
#region readme
using System.Text.Json;
using OgpData.Dates;
using OgpData.Measurability;
using OgpData.Ogp;
using OgpData.Quality;
using OgpData.Reporting;
using OgpData.Schema;
using OgpData.Serialization;
using OgpData.Validation;
#endregion
using OgpData.Testing;

namespace OgpData.Tests.Readme;

public sealed class ReadmeLibraryExampleTests
{
#region readme
    // The front door: DocumentValidator does what `ogpdata validate` does, for any input it recognises
    // (commitment package or sheet, OCDS package, release, record, JSON Lines, gzip, .csv, .xlsx, .ods).
    static async Task<FileReport> CheckPlanAsync(string planPath, string? ocdsSchemaDirectory)
    {
        var validator = new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = ocdsSchemaDirectory });
        FileReport report = await validator.ValidateFileAsync(planPath); // one report per file, never a stack trace
        foreach (var finding in report.Findings)
            Console.WriteLine($"{finding.Line}:{finding.Column} {finding.RuleId} {finding.Message}");

        // Typed models, read and written losslessly (OcdsJson does the same for releases and records).
        CommitmentPackage package;
        using (var file = File.OpenRead(planPath)) package = OgpJson.ReadPackage(file);
        Console.WriteLine(OgpJson.ToJson(package with { PublishedDate = "2021-01-01T00:00:00Z" }).Length);

        // The pieces on their own: the schema engine, the rules, the classifier, the date parser.
        var schema = JsonSchema.Compile("""{ "type": "object", "required": ["version"] }"""); // compile once, validate many
        using var plan = JsonDocument.Parse(File.ReadAllBytes(planPath));
        Console.WriteLine(schema.Validate(plan.RootElement).IsValid);
        Console.WriteLine(CommitmentChecker.Check(File.ReadAllText(planPath)).Findings.Count); // OGP0001–OGP0011
        Console.WriteLine(MeasurabilityClassifier.Default.Classify("Poursuite du dialogue", "fr").Explanation);
        Console.WriteLine(PartialDateParser.Parse("1er semestre 2020").Start); // 2020-H1
        return report;
    }
#endregion

    [Fact]
    public async Task The_example_validates_the_Luxembourg_plan_and_finds_its_milestone_that_ends_before_it_starts()
    {
        var report = await CheckPlanAsync(SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json"), ocdsSchemaDirectory: null);

        Assert.Equal(DocumentKinds.OgpCommitmentPackage, report.Kind);
        Assert.Contains(report.Findings, f => f.RuleId == "OGP0003" && f.Message.Contains("LU0005-5", StringComparison.Ordinal));
        Assert.All(report.Findings, f => Assert.True(f.Line > 0 && f.Column > 0, f.ToString()));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("src/PackageReadme.md")]
    public void Readme_shows_this_example(string readme)
    {
        var block = CsharpBlockUnder(File.ReadAllLines(SharedData.InRepo(readme)), "## The library");
        var example = Regions(File.ReadAllLines(SharedData.InRepo("tests/OgpData.Tests/Readme/ReadmeLibraryExampleTests.cs")));
        Assert.Equal(example, block);
    }

    private static string CsharpBlockUnder(string[] lines, string heading)
    {
        var at = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(at >= 0, $"no '{heading}' section");
        var start = Array.FindIndex(lines, at, l => l == "```csharp") + 1;
        var end = Array.FindIndex(lines, start, l => l == "```");
        Assert.True(start > 0 && end > start, $"no ```csharp block under '{heading}'");
        return string.Join("\n", lines[start..end]);
    }

    // The usings region, a blank line, then the method region with its class indentation taken off.
    private static string Regions(string[] lines)
    {
        var usingsStart = Array.IndexOf(lines, "#region readme") + 1;
        var usingsEnd = Array.IndexOf(lines, "#endregion", usingsStart);
        var methodStart = Array.IndexOf(lines, "#region readme", usingsEnd) + 1;
        var methodEnd = Array.IndexOf(lines, "#endregion", methodStart);
        var method = lines[methodStart..methodEnd].Select(l => l.StartsWith("    ", StringComparison.Ordinal) ? l[4..] : l);
        return string.Join("\n", lines[usingsStart..usingsEnd].Append("").Concat(method));
    }
}
