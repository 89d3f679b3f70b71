namespace OgpData.Analyzers.Tests.EndToEnd;

/// <summary>
/// Packs OgpData, builds a fresh consumer project against the package with <c>dotnet build</c>, and reads the
/// warnings MSBuild prints. This is what a user sees; everything else in this project tests the parts.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PackageEndToEndTests(PackedConsumer consumer) : IClassFixture<PackedConsumer>
{
    private IEnumerable<DotNet.BuildDiagnostic> In(string fileName) =>
        consumer.Diagnostics.Where(d => Path.GetFileName(d.Path) == fileName);

    [Fact]
    public void The_package_holds_the_library_the_analyzers_and_the_targets()
    {
        var package = Path.Combine(consumer.Root, "feed", $"OgpData.{consumer.Version}.nupkg");
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{tfm}/OgpData.Core.dll", entries);
            Assert.Contains($"lib/{tfm}/OgpData.Core.xml", entries);
            Assert.Contains($"lib/{tfm}/OgpData.Rules.dll", entries);
        }
        Assert.Contains("analyzers/dotnet/cs/OgpData.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/OgpData.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/OgpData.Rules.dll", entries);
        Assert.Contains("buildTransitive/OgpData.targets", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void A_vague_milestone_in_csharp_is_a_warning_at_its_literal()
    {
        var (line, column) = ConsumerFiles.PositionOf(ConsumerFiles.PlanSource, "\"" + ConsumerFiles.Vague);
        var warning = Assert.Single(In("Plan.cs"));
        Assert.Equal(("warning", "OGP0001", line, column), (warning.Severity, warning.Id, warning.Line, warning.Column));
        Assert.Contains("read as fr", warning.Message);
    }

    [Fact]
    public void Severities_from_editorconfig_are_honoured()
    {
        var strict = Assert.Single(In("StrictPlan.cs"));
        Assert.Equal(("error", "OGP0001"), (strict.Severity, strict.Id));
        Assert.Empty(In("QuietPlan.cs"));
        Assert.NotEqual(0, consumer.Build.ExitCode);
    }

    [Fact]
    public void The_build_reports_nothing_but_what_the_consumer_wrote()
    {
        var files = consumer.Diagnostics.Select(d => Path.GetFileName(d.Path)).Distinct().Order();
        Assert.Equal(new[] { "Plan.cs", "StrictPlan.cs" }, files);
        Assert.DoesNotContain("AD0001", consumer.Build.Output);
        Assert.DoesNotContain("CS8032", consumer.Build.Output); // an analyzer that could not be loaded
    }
}
