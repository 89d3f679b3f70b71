using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using OgpData.Findings;

namespace OgpData.Analyzers.Infrastructure;

/// <summary>
/// Roslyn descriptors built from the shared <see cref="RuleCatalog"/>: the id, title, default severity,
/// category, description (the first section of the rule's embedded page) and help link (only when a
/// documentation address was configured) are the catalogue's, so the analyzers never keep a second list of rules.
/// </summary>
internal static class OgpDescriptors
{
    /// <summary>A dataset file the analyzers were asked to check could not be read at all (not JSON, truncated).</summary>
    public const string UnreadableDatasetId = RuleIds.UnreadableDataset;

    /// <summary>OGP0001 on C# text: the message names the verdict's explanation.</summary>
    public static readonly DiagnosticDescriptor MilestoneNotMeasurable = Create(RuleIds.MilestoneNotMeasurable, "Milestone is not measurable: {0}");

    /// <summary>OGP0002 on C# code: the message says what is missing.</summary>
    public static readonly DiagnosticDescriptor MilestoneWithoutDeadline = Create(RuleIds.MilestoneWithoutDeadline, "Milestone has no deadline: {0}");

    /// <summary>A dataset file that cannot be read.</summary>
    public static readonly DiagnosticDescriptor UnreadableDataset = Create(UnreadableDatasetId, "{0}");

    /// <summary>One descriptor per OGP rule, for findings reported inside dataset files; the message is the finding's.</summary>
    public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ForDatasetFindings = BuildDatasetDescriptors();

    /// <summary>A descriptor from the catalogue entry of <paramref name="id"/>, with the given message format.</summary>
    public static DiagnosticDescriptor Create(string id, string messageFormat)
    {
        var rule = RuleCatalog.Get(id);
        return new DiagnosticDescriptor(
            id: rule.Id,
            title: rule.Title,
            messageFormat: messageFormat,
            category: rule.Category,
            defaultSeverity: ToRoslyn(rule.DefaultSeverity),
            isEnabledByDefault: rule.DefaultSeverity != Severity.None,
            description: rule.Description,
            helpLinkUri: rule.HelpUri);
    }

    /// <summary>The Roslyn severity of a catalogue severity.</summary>
    public static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    private static ImmutableDictionary<string, DiagnosticDescriptor> BuildDatasetDescriptors()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
        foreach (var rule in RuleCatalog.All)
        {
            if (rule.Category != "OGP") continue;
            builder[rule.Id] = Create(rule.Id, "{0}");
        }
        builder[UnreadableDatasetId] = UnreadableDataset;
        return builder.ToImmutable();
    }

    /// <summary>The descriptors of <see cref="ForDatasetFindings"/>, in catalogue order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> DatasetDescriptorsInOrder()
    {
        var list = new List<DiagnosticDescriptor>();
        foreach (var rule in RuleCatalog.All)
        {
            if (ForDatasetFindings.TryGetValue(rule.Id, out var descriptor)) list.Add(descriptor);
        }
        return list.ToImmutableArray();
    }
}
