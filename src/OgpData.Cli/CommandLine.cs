using System.Reflection;
using OgpData.Cli.Commands;
using OgpData.Validation;

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

    /// <summary>Runs one command. <paramref name="progress"/> draws a status line for long work (none by default).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default, Progress? progress = null)
    {
        if (args.Length == 0)
        {
            stderr.Write(Usage);
            return UsageOrInputError;
        }
        var rest = args.AsSpan(1).ToArray();
        try
        {
            switch (args[0])
            {
                case "-h" or "--help" or "help":
                    stdout.Write(Usage);
                    return Success;
                case "--version":
                    stdout.WriteLine(Version);
                    return Success;
                case "validate":
                    return await ValidateCommand.RunAsync(rest, stdout, stderr, progress ?? Progress.None, cancellationToken).ConfigureAwait(false);
                case "detect":
                    return await DetectCommand.RunAsync(rest, stdout, cancellationToken).ConfigureAwait(false);
                case "convert":
                    return ConvertCommand.Run(rest, stdout, stderr);
                case "compile":
                    return await CompileCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
                case "upgrade":
                    return await UpgradeCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
                case "package":
                    return await PackageCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
                case "combine":
                    return await CombineCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
                case "split":
                    return await SplitCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
                case "rules":
                    return RulesCommand.Run(rest, stdout);
                default:
                    stderr.WriteLine($"ogpdata: unknown command '{args[0]}'; run 'ogpdata --help' for the list of commands.");
                    return UsageOrInputError;
            }
        }
        catch (UsageException e)
        {
            stderr.WriteLine("ogpdata: " + e.Message);
            return UsageOrInputError;
        }
        catch (InputException e)
        {
            stderr.WriteLine("ogpdata: " + e.Message);
            return UsageOrInputError;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours, not of the input: still one line, never a stack trace in a CI log.
            stderr.WriteLine($"ogpdata: internal error ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}); please report it with the file that caused it.");
            return UsageOrInputError;
        }
    }

    private const string Usage = """
        ogpdata — validate OGP commitment packages and OCDS data

        Usage:
          ogpdata validate <path>... [options]   check files against their schema and the quality rules
          ogpdata convert <in> -o <out>          spreadsheet (CSV) to standard JSON and back
          ogpdata compile <inputs...> -o <out>   OCDS releases to compiled releases or a record package
          ogpdata upgrade <inputs...> -o <out>   OCDS 1.0 data to 1.1
          ogpdata package <inputs...> -o <out>   OCDS releases to release package(s) (--size N)
          ogpdata combine <packages...> -o <out> OCDS release packages to one package
          ogpdata split <package> -o <folder>    an OCDS release package to packages of --size N releases
          ogpdata detect <path>...               say what each file is
          ogpdata rules [ID]                     list the rules, or print one rule's page
          ogpdata --version                      print the version

        Examples:
          ogpdata validate plan.json                             findings as text, grouped by rule
          ogpdata validate data/ --format sarif -o results.sarif for code scanning in CI
          ogpdata validate releases.json --ocds-schema-dir schema/1.1.5 --format html -o report.html
          ogpdata convert plan.commitments.csv -o plan.json --base plan.base.json

        Run 'ogpdata <command> --help' for a command's options. Exit codes: 0 fine, 1 findings
        at or above --fail-on, 2 bad usage or unreadable input (one line on standard error).

        """;
}
