using OgpData.Findings;

namespace OgpData.Reporting;

/// <summary>The findings of one rule in one file, for the reports that group by rule.</summary>
public sealed record RuleGroup(RuleDescriptor? Rule, string RuleId, Severity Severity, IReadOnlyList<Finding> Findings)
{
    /// <summary>The rule's title, or its id when the catalogue does not know it.</summary>
    public string Title => Rule?.Title ?? RuleId;

    /// <summary>
    /// Groups findings by rule (and severity, which configuration may set per rule), the most serious
    /// groups first, then by rule id; findings keep their file order inside a group.
    /// </summary>
    public static IReadOnlyList<RuleGroup> Of(IEnumerable<Finding> findings) =>
        findings
            .GroupBy(f => (f.RuleId, f.Severity))
            .Select(g => new RuleGroup(RuleCatalog.Find(g.Key.RuleId), g.Key.RuleId, g.Key.Severity, g.ToList()))
            .OrderByDescending(g => g.Severity)
            .ThenBy(g => g.RuleId, StringComparer.Ordinal)
            .ToList();
}
