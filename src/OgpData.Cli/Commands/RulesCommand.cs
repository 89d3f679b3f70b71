using OgpData.Findings;

namespace OgpData.Cli.Commands;

/// <summary>
/// <c>ogpdata rules [ID]</c>: the catalogue of rules with their ids, default severities and titles, or one rule's
/// whole page, read from the library (the pages travel inside it, so no link is needed).
/// </summary>
internal static class RulesCommand
{
    public const string Help = """
        Usage: ogpdata rules [ID]

        Without ID: lists every rule, its id, default severity and title.
        With ID (e.g. OGP0001): prints the rule's page: what it reports, why, an example that fires,
        one that does not, and how to configure it.

        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var arguments = Arguments.Parse("rules", args, [], ["--help", "-h"]);
        if (arguments.Has("--help") || arguments.Has("-h"))
        {
            stdout.Write(Help);
            return CommandLine.Success;
        }
        if (arguments.Positional.Count > 1) throw new UsageException("rules takes at most one rule id, e.g. 'ogpdata rules OGP0001'.");
        if (arguments.Positional.Count == 1) return PrintPage(arguments.Positional[0], stdout);

        var idWidth = RuleCatalog.All.Max(r => r.Id.Length);
        foreach (var rule in RuleCatalog.All)
        {
            stdout.WriteLine($"{rule.Id.PadRight(idWidth)}  {rule.DefaultSeverity.ToName(),-7}  {rule.Title}");
            if (rule.HelpUri is { } help) stdout.WriteLine($"{new string(' ', idWidth)}  {"",-7}  {help}");
        }
        stdout.WriteLine();
        stdout.WriteLine("'ogpdata rules ID' prints a rule's page.");
        return CommandLine.Success;
    }

    private static int PrintPage(string id, TextWriter stdout)
    {
        // Ids are upper case; a user typing "ogp0001" means OGP0001 ("schema" is the one lower-case id).
        var rule = RuleCatalog.Find(id) ?? RuleCatalog.Find(id.ToUpperInvariant())
            ?? throw new UsageException($"'{id}' is not a rule id; 'ogpdata rules' lists them.");
        stdout.Write(rule.Help.Length > 0 ? rule.Help : rule.Title + "\n");
        if (rule.HelpUri is { } help) stdout.WriteLine("\n" + help);
        return CommandLine.Success;
    }
}
