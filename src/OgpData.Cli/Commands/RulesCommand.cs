using OgpData.Findings;

namespace OgpData.Cli.Commands;

/// <summary><c>ogpdata rules</c>: the catalogue of rules with their ids, default severities and help links.</summary>
internal static class RulesCommand
{
    public const string Help = """
        Usage: ogpdata rules

        Lists every rule: its id, default severity, title and documentation page.

        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var arguments = Arguments.Parse("rules", args, [], ["--help", "-h"]);
        if (arguments.Has("--help") || arguments.Has("-h"))
        {
            stdout.Write(Help);
            return CommandLine.Success;
        }
        if (arguments.Positional.Count > 0) throw new UsageException("rules takes no arguments.");
        var idWidth = RuleCatalog.All.Max(r => r.Id.Length);
        foreach (var rule in RuleCatalog.All)
        {
            stdout.WriteLine($"{rule.Id.PadRight(idWidth)}  {rule.DefaultSeverity.ToName(),-7}  {rule.Title}");
            stdout.WriteLine($"{new string(' ', idWidth)}  {"",-7}  {rule.HelpUri}");
        }
        return CommandLine.Success;
    }
}
