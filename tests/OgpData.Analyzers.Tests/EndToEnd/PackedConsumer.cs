using OgpData.Testing;

namespace OgpData.Analyzers.Tests.EndToEnd;

/// <summary>
/// Packs OgpData into a temporary folder and builds a fresh consumer project against that package, once for
/// all the end-to-end tests. The package version is unique per run (0.1.0-e2e.&lt;time&gt;), so a stale copy
/// in the NuGet cache can never stand in for the package just built; that copy is removed afterwards.
/// </summary>
public sealed class PackedConsumer : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public PackedConsumer()
    {
        Root = Path.Combine(Path.GetTempPath(), "ogpdata-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        var feed = Path.Combine(Root, "feed");
        ConsumerDirectory = Path.Combine(Root, "consumer");
        Directory.CreateDirectory(feed);
        try
        {
            (Pack, Build, Diagnostics) = PackAndBuild(feed);
        }
        catch
        {
            Dispose(); // a failed fixture is never disposed by xunit: leave no temporary folder behind
            throw;
        }
    }

    private (DotNet.Result Pack, DotNet.Result Build, IReadOnlyList<DotNet.BuildDiagnostic> Diagnostics) PackAndBuild(string feed)
    {
        // Debug, as the test run's own build: the library and analyzers are then already compiled.
        var pack = DotNet.Run(SharedData.RepoRoot, Timeout,
            "pack", SharedData.InRepo("src/OgpData/OgpData.csproj"), "-c", "Debug", "-o", feed, "-p:PackageVersion=" + Version,
            "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);

        ConsumerFiles.Write(ConsumerDirectory, Version);
        // Nothing from above the temporary folder may leak into the consumer's build.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), DotNet.NuGetConfigWith(feed));

        var build = DotNet.Run(ConsumerDirectory, Timeout,
            "build", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
        return (pack, build, DotNet.Diagnostics(build.Output));
    }

    /// <summary>The temporary folder holding the feed and the consumer.</summary>
    public string Root { get; }

    /// <summary>The unique package version of this run.</summary>
    public string Version { get; }

    /// <summary>The consumer project's folder.</summary>
    public string ConsumerDirectory { get; }

    /// <summary>The pack command's result.</summary>
    public DotNet.Result Pack { get; }

    /// <summary>The consumer build's result.</summary>
    public DotNet.Result Build { get; }

    /// <summary>The OGP diagnostics the consumer build printed.</summary>
    public IReadOnlyList<DotNet.BuildDiagnostic> Diagnostics { get; }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages)) packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = Path.Combine(packages, "ogpdata", Version.ToLowerInvariant());
        try { if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
