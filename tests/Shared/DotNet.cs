using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OgpData.Testing;

/// <summary>Runs the dotnet command line as a child process, isolated from the test host's MSBuild settings.</summary>
public static partial class DotNet
{
    /// <summary>The result of one command: exit code and everything it printed.</summary>
    public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/>; kills it past the timeout.</summary>
    public static Result Run(string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // `dotnet test` sets MSBuild variables for its own build; a child build must find its own SDK.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}:\n{output}");
        }
        process.WaitForExit();
        lock (output) return new Result(process.ExitCode, output.ToString(), watch.Elapsed);
    }

    /// <summary>
    /// A nuget.config that clears inherited sources, adds a local feed, and the same sources as the
    /// repository's own nuget.config (read from it, so no registry is named here).
    /// </summary>
    public static string NuGetConfigWith(string feed)
    {
        var repoConfig = XDocument.Load(SharedData.InRepo("nuget.config"));
        var sources = new XElement("packageSources", new XElement("clear"),
            new XElement("add", new XAttribute("key", "ogpdata-local"), new XAttribute("value", feed)));
        foreach (var add in repoConfig.Descendants("packageSources").Elements("add")) sources.Add(new XElement(add));
        return new XDocument(new XElement("configuration", sources)).ToString();
    }

    /// <summary>A diagnostic as MSBuild prints it: <c>path(line,col): warning OGP0001: message [project]</c>.</summary>
    public sealed record BuildDiagnostic(string Path, int Line, int Column, string Severity, string Id, string Message);

    /// <summary>The OGP diagnostics of a build's output, each once (MSBuild may repeat them in its summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Diagnostics(string output) =>
        output.Split('\n')
            .Select(line => DiagnosticLine().Match(line.TrimEnd('\r')))
            .Where(match => match.Success)
            .Select(match => new BuildDiagnostic(
                match.Groups["path"].Value.Trim(),
                int.Parse(match.Groups["line"].Value),
                int.Parse(match.Groups["column"].Value),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^\s*(?<path>[^\s].*?)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>OGP\d{4}): (?<message>.*?)(?: \[[^\]]*\])?$")]
    private static partial Regex DiagnosticLine();
}
