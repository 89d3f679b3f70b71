using System.Diagnostics;
using System.Text.Json;
using OgpData.Testing;

namespace OgpData.Cli.Tests.EndToEnd;

/// <summary>
/// What the README promises: <c>dotnet pack src/OgpData.Cli</c> makes a dotnet tool that installs from a local
/// folder and runs as <c>ogpdata</c>. The package gets a version unique to the run, so the NuGet cache can
/// never hand back an older build; that copy is removed afterwards.
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ogpdata-tool-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _version = "0.1.0-tool." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages)) packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = Path.Combine(packages, "ogpdata.cli", _version);
        try { if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public void The_packed_tool_installs_from_a_local_folder_and_validates_the_bundled_sample()
    {
        var feed = Path.Combine(_root, "feed");
        var tools = Path.Combine(_root, "tools");
        Directory.CreateDirectory(feed);
        // Debug, as the test run's own build: the projects are then already compiled. OgpDataNative=false: the
        // framework-dependent package a machine without the native toolchain makes (the Native AOT tool package
        // takes minutes to compile; .ci/run packs and installs that one once).
        var pack = DotNet.Run(SharedData.RepoRoot, Timeout, "pack", SharedData.InRepo("src/OgpData.Cli/OgpData.Cli.csproj"), "-c", "Debug",
            "-o", feed, "-p:PackageVersion=" + _version, "-p:OgpDataNative=false", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        Assert.True(File.Exists(Path.Combine(feed, $"OgpData.Cli.{_version}.nupkg")), "no OgpData.Cli package in " + feed);
        // The readme a feed shows is the package's own, which stands alone.
        using (var nupkg = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"OgpData.Cli.{_version}.nupkg")))
        {
            using var readme = new StreamReader(nupkg.GetEntry("README.md")!.Open());
            Assert.Equal(File.ReadAllText(SharedData.InRepo("src/PackageReadme.md")), readme.ReadToEnd());
        }

        var config = Path.Combine(_root, "nuget.config");
        File.WriteAllText(config, DotNet.NuGetConfigWith(feed));
        var install = DotNet.Run(_root, Timeout, "tool", "install", "OgpData.Cli", "--version", _version, "--tool-path", tools, "--configfile", config);
        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Output);

        var ogpdata = Path.Combine(tools, OperatingSystem.IsWindows() ? "ogpdata.exe" : "ogpdata");
        var version = Run(ogpdata, "--version");
        Assert.Equal(0, version.ExitCode);
        // The assembly keeps the project's version (the package version was set for the pack only).
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Stdout.Trim());

        var validate = Run(ogpdata, "validate", SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json"), "--format", "json", "--fail-on", "none");
        Assert.Equal(0, validate.ExitCode);
        var file = JsonDocument.Parse(validate.Stdout).RootElement.GetProperty("files")[0];
        Assert.Equal("ogp-commitment-package", file.GetProperty("kind").GetString());
        Assert.Equal(6, file.GetProperty("counts").GetProperty("records").GetInt32());

        var help = Run(ogpdata, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("ogpdata validate", help.Stdout, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
