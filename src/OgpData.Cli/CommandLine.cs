using System.Reflection;

namespace OgpData.Cli;

/// <summary>Dispatches <c>ogpdata &lt;command&gt;</c> and maps outcomes to exit codes.</summary>
internal static class CommandLine
{
    /// <summary>Nothing at or above the failure threshold.</summary>
    public const int Success = 0;
    /// <summary>Findings at or above the failure threshold.</summary>
    public const int FindingsAtThreshold = 1;
    /// <summary>Bad usage or unreadable input.</summary>
    public const int UsageOrInputError = 2;

    public static string Version { get; } =
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(Usage);
            return Task.FromResult(args.Length == 0 ? UsageOrInputError : Success);
        }
        if (args[0] is "--version")
        {
            stdout.WriteLine(Version);
            return Task.FromResult(Success);
        }
        stderr.WriteLine($"ogpdata: unknown command '{args[0]}'; run 'ogpdata --help' for the list of commands.");
        return Task.FromResult(UsageOrInputError);
    }

    private const string Usage = """
        ogpdata — validate OGP commitment packages and OCDS data

        Usage:
          ogpdata validate <path>... [options]   check documents against their schema and the quality rules
          ogpdata --version                      print the version

        Run 'ogpdata <command> --help' for a command's options.

        """;
}
