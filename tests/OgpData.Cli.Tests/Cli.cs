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

    public static Outcome Run(params string[] args)
    {
        if (Published is { } executable) return RunProcess(executable, args);
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CommandLine.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }

    private static Outcome RunProcess(string executable, string[] args)
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
