using OgpData.Testing;

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
        // The package's own readme, which stands alone (the repository README links to files a feed does not have).
        using (var readme = new StreamReader(zip.GetEntry("README.md")!.Open()))
        {
            Assert.Equal(File.ReadAllText(SharedData.InRepo("src/PackageReadme.md")), readme.ReadToEnd());
        }
        // OgpData.Rules is inside the package: a dependency on a package of that name could never restore.
        using var nuspec = new StreamReader(zip.GetEntry("OgpData.nuspec")!.Open());
        var manifest = nuspec.ReadToEnd();
        Assert.DoesNotContain("OgpData.Rules", manifest);
        // No documentation address is configured: the package names no project URL rather than an invented one.
        Assert.DoesNotContain("projectUrl", manifest);
    }

    [Fact]
    public void Vague_milestones_in_csharp_are_warnings_at_their_literals()
    {
        var expected = new[] { ConsumerFiles.Vague, ConsumerFiles.VagueToo }
            .Select(text => ConsumerFiles.PositionOf(ConsumerFiles.PlanSource, "\"" + text))
            .Select(p => ("warning", "OGP0001", p.Line, p.Column));
        // The build reports diagnostics in the order its analyzers finish, which concurrent execution does not fix.
        var actual = In("Plan.cs").Where(d => d.Id == "OGP0001").Select(d => (d.Severity, d.Id, d.Line, d.Column)).Order();
        Assert.Equal(expected.Order(), actual);
        Assert.All(In("Plan.cs").Where(d => d.Id == "OGP0001"), d => Assert.Contains("read as fr", d.Message));
    }

    [Fact]
    public void A_milestone_without_a_deadline_in_csharp_is_reported_with_the_configured_severity()
    {
        var (line, column) = ConsumerFiles.PositionOf(ConsumerFiles.PlanSource, "Milestone { Id = \"LU0001-3\"");
        var deadline = Assert.Single(In("Plan.cs"), d => d.Id == "OGP0002");
        Assert.Equal(("error", line, column), (deadline.Severity, deadline.Line, deadline.Column));
    }

    [Fact]
    public void Dataset_findings_point_into_the_json_file()
    {
        var (vagueLine, vagueColumn) = ConsumerFiles.PositionOf(ConsumerFiles.Dataset, "\"" + ConsumerFiles.Vague);
        var (noPeriodLine, noPeriodColumn) = ConsumerFiles.PositionOf(ConsumerFiles.Dataset, "\"LU0001-3\"");
        var findings = In("plan.commitments.json").Select(d => (d.Severity, d.Id, d.Line, d.Column)).ToList();
        Assert.Equal(
            new[] { ("warning", "OGP0001", vagueLine, vagueColumn), ("error", "OGP0002", noPeriodLine, noPeriodColumn) },
            findings);
        var path = Assert.Single(In("plan.commitments.json").Select(d => d.Path).Distinct());
        Assert.EndsWith(Path.Combine("data", "plan.commitments.json"), path);
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
    public void Sheet_findings_point_at_the_csv_cell()
    {
        var (line, column) = ConsumerFiles.PositionOf(ConsumerFiles.Sheet, ConsumerFiles.VagueToo);
        var warning = Assert.Single(In("budget.commitments.csv"));
        Assert.Equal(("warning", "OGP0001", line, column), (warning.Severity, warning.Id, warning.Line, warning.Column));
    }

    [Fact]
    public void A_broken_dataset_is_one_warning_where_the_reading_stopped()
    {
        var (line, column) = ConsumerFiles.PositionOf(ConsumerFiles.BrokenDataset, "\"member\"");
        var unreadable = Assert.Single(In("broken.commitments.json"));
        Assert.Equal(("warning", "OGP0000", line, column), (unreadable.Severity, unreadable.Id, unreadable.Line, unreadable.Column));
    }

    [Fact]
    public void The_build_reports_nothing_but_what_the_consumer_wrote()
    {
        var files = consumer.Diagnostics.Select(d => Path.GetFileName(d.Path)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "Plan.cs", "StrictPlan.cs", "broken.commitments.json", "budget.commitments.csv", "plan.commitments.json" }, files);
        Assert.DoesNotContain("AD0001", consumer.Build.Output);
        Assert.DoesNotContain("CS8032", consumer.Build.Output); // an analyzer that could not be loaded
    }
}
