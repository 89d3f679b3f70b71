using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Text;

namespace OgpData.Findings;

/// <summary>
/// The rule pages of <c>docs/rules/</c>, embedded in this assembly so that the help travels with the tool: the
/// CLI prints them (<c>ogpdata rules OGP0001</c>), SARIF carries them, the analyzers' descriptors describe
/// with them, and no link is needed to read them. The public address of the documentation is known only when
/// the build was given one (MSBuild property <c>OgpDataDocumentationUrl</c>); no address is ever made up.
/// </summary>
public static class RuleDocumentation
{
    private const string ResourcePrefix = "OgpData.Rules.docs.";
    private static readonly ConcurrentDictionary<string, string> Pages = new(StringComparer.Ordinal);
    private static readonly Lazy<string?> Address = new(ReadAddress);

    /// <summary>
    /// The public address of the project's documentation folder (ending with <c>/</c>), as configured at build time
    /// with the MSBuild property <c>OgpDataDocumentationUrl</c>; null when none was configured.
    /// </summary>
    public static string? DocumentationUri => Address.Value;

    /// <summary>The published address of a rule's page (<c>rules/ID.md</c> under <see cref="DocumentationUri"/>), or null when no address is configured.</summary>
    public static string? PageUri(string ruleId) => DocumentationUri is { } root ? root + "rules/" + ruleId + ".md" : null;

    /// <summary>A rule's page, in Markdown, as written under <c>docs/rules/</c>; empty for an id without a page.</summary>
    public static string Markdown(string ruleId)
    {
        if (ruleId is null) throw new ArgumentNullException(nameof(ruleId));
        return Pages.GetOrAdd(ruleId, Load);
    }

    /// <summary>
    /// What the rule reports, in plain text: the page's first section ("What", "What it reports"), its paragraphs
    /// joined; the rule's title when the page has no section.
    /// </summary>
    public static string Description(string ruleId)
    {
        var page = Markdown(ruleId);
        var lines = page.Replace("\r\n", "\n").Split('\n');
        var text = new StringBuilder();
        var inSection = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (inSection) break;
                inSection = true;
                continue;
            }
            if (!inSection) continue;
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                if (text.Length > 0 && text[text.Length - 1] != '\n') text.Append("\n\n");
                continue;
            }
            if (text.Length > 0 && text[text.Length - 1] != '\n') text.Append(' ');
            text.Append(trimmed);
        }
        var description = PlainText(text.ToString()).Trim();
        return description.Length > 0 ? description : RuleCatalog.Find(ruleId)?.Title ?? ruleId;
    }

    /// <summary>A rule's page as plain text: the Markdown marks that a text viewer would show as noise (<c>#</c>, <c>**</c>,
    /// backticks, code fences) taken out, the words and the examples kept.</summary>
    public static string Text(string ruleId) => PlainText(Markdown(ruleId));

    private static string PlainText(string markdown)
    {
        var text = new StringBuilder(markdown.Length);
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) continue;
            var heading = 0;
            while (heading < line.Length && line[heading] == '#') heading++;
            if (heading > 0 && heading < line.Length && line[heading] == ' ') line = line.Substring(heading + 1);
            text.Append(line.Replace("**", "").Replace("`", "")).Append('\n');
        }
        return text.ToString().TrimEnd('\n') + (markdown.Length > 0 ? "\n" : "");
    }

    private static string Load(string ruleId)
    {
        using var stream = typeof(RuleDocumentation).Assembly.GetManifestResourceStream(ResourcePrefix + ruleId + ".md");
        if (stream is null) return "";
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string? ReadAddress()
    {
        foreach (var attribute in typeof(RuleDocumentation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key != "OgpDataDocumentationUrl" || string.IsNullOrWhiteSpace(attribute.Value)) continue;
            var value = attribute.Value!.Trim();
            return value.EndsWith("/", StringComparison.Ordinal) ? value : value + "/";
        }
        return null;
    }
}
