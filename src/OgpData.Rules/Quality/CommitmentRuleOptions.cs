using System;
using System.Collections.Generic;
using OgpData.Findings;

namespace OgpData.Quality;

/// <summary>
/// How the commitment rules run: a severity per rule id (<see cref="Severity.None"/> switches a rule off),
/// and the language assumed for prose when a plan does not state one.
/// </summary>
public sealed record CommitmentRuleOptions
{
    private static readonly IReadOnlyDictionary<string, Severity> NoOverrides = new Dictionary<string, Severity>();

    /// <summary>The options used when none are given: catalogue severities, no default language.</summary>
    public static CommitmentRuleOptions Default { get; } = new();

    /// <summary>Severity overrides by rule id (<c>OGP0002</c> → warning); rules not named keep the catalogue default.</summary>
    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = NoOverrides;

    /// <summary>The language (<c>fr</c>, <c>en</c>) assumed for prose when a plan has no <c>language</c>; null lets
    /// each rule decide from the words.</summary>
    public string? DefaultLanguage { get; init; }

    /// <summary>The severity a rule reports with: the override when there is one, else the catalogue default.</summary>
    public Severity SeverityOf(string ruleId)
    {
        if (Severities.TryGetValue(ruleId, out var severity)) return severity;
        return RuleCatalog.Find(ruleId)?.DefaultSeverity ?? Severity.Warning;
    }

    /// <summary>A copy with one rule's severity set (<see cref="Severity.None"/> switches it off).</summary>
    public CommitmentRuleOptions WithSeverity(string ruleId, Severity severity)
    {
        var copy = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var pair in Severities) copy[pair.Key] = pair.Value;
        copy[ruleId] = severity;
        return this with { Severities = copy };
    }
}
