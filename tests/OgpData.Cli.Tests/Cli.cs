using System.Diagnostics;

namespace OgpData.Cli.Tests;

/// <summary>
/// Runs the command line and captures what it printed: in-process, or, when the environment variable
/// <c>OGPDATA_CLI</c> names a published <c>ogpdata</c> executable, as that program in a process of its own
/// (.ci/run does so with the ReadyToRun build that <c>dotnet publish</c> makes, so what ships is what is tested).
/// </summary>
internal static class Cli
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    private static readonly string? Published = Environment.GetEnvironmentVariable("OGPDATA_CLI") is { Length: > 0 } path ? path : null;

    /// <summary>The published executable the tests run through (<c>OGPDATA_CLI</c>), or null to run in-process.</summary>
    public static string? PublishedExecutable => Published;

    public static Outcome Run(params string[] args) => Published is { } executable ? RunPublished(executable, args) : RunInProcess(args);

    /// <summary>The command line in this process (the JIT-compiled build the tests were built with).</summary>
    public static Outcome RunInProcess(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CommandLine.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The command line as <paramref name="executable"/>, in a process of its own.</summary>
    public static Outcome RunPublished(string executable, params string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Environment.CurrentDirectory,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        // The in-process writers end lines with "\n"; so does the program on the platforms CI runs on.
        return new Outcome(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
