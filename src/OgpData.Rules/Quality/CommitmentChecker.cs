using System;
using System.Collections.Generic;
using OgpData.Findings;
using OgpData.Measurability;
using OgpData.Quality.Rules;
using OgpData.Text;

namespace OgpData.Quality;

/// <summary>
/// Runs the commitment rules over an OGP commitment package given as JSON text, the same way in the library,
/// the CLI and the analyzers. The text is read once into a tree with exact spans; the rules then walk it
/// once. Usage: <c>CommitmentChecker.Check(json, options)</c>; <see cref="CommitmentRuleOptions"/> sets each
/// rule's severity (<c>None</c> turns it off). The rules and the text tree they walk are internal: the
/// library's <c>DocumentValidator</c>, the CLI and the analyzers all run them through this class.
/// </summary>
public sealed class CommitmentChecker
{
    private readonly CommitmentRule[] _rules;

    /// <summary>A checker running <paramref name="rules"/>.</summary>
    internal CommitmentChecker(IEnumerable<CommitmentRule> rules)
    {
        if (rules is null) throw new ArgumentNullException(nameof(rules));
        _rules = new List<CommitmentRule>(rules).ToArray();
    }

    /// <summary>The checker running <see cref="CommitmentRules.All"/>.</summary>
    public static CommitmentChecker Default { get; } = new(CommitmentRules.All);

    /// <summary>The checker running every rule, with OGP0001 judging by <paramref name="classifier"/> (its
    /// thresholds and words), as the CLI and the analyzers do when measurability options are set.</summary>
    public static CommitmentChecker With(MeasurabilityClassifier classifier)
    {
        if (classifier is null) throw new ArgumentNullException(nameof(classifier));
        return new(CommitmentRules.With(classifier));
    }

    /// <summary>The rules this checker runs.</summary>
    internal IReadOnlyList<CommitmentRule> Rules => _rules;

    /// <summary>Checks a JSON text with every rule of <see cref="CommitmentRules.All"/>.</summary>
    public static CommitmentCheckResult Check(string jsonText, CommitmentRuleOptions? options = null) => Default.Run(jsonText, options);

    /// <summary>Checks an already parsed document (the analyzers parse each file once and cache it).</summary>
    internal static CommitmentCheckResult Check(JsonTextDocument document, CommitmentRuleOptions? options = null) => Default.Run(document, options);

    /// <summary>Reads <paramref name="jsonText"/> and runs this checker's rules on it.</summary>
    public CommitmentCheckResult Run(string jsonText, CommitmentRuleOptions? options = null)
    {
        if (jsonText is null) throw new ArgumentNullException(nameof(jsonText));
        return Run(JsonTextParser.Parse(jsonText), options);
    }

    /// <summary>Runs this checker's rules on a parsed document. A document that is not JSON gives its parse
    /// error and no findings; one that is JSON but not shaped like a package gives only what the rules can
    /// still see (the schema reports the shape).</summary>
    internal CommitmentCheckResult Run(JsonTextDocument document, CommitmentRuleOptions? options = null)
    {
        if (document is null) throw new ArgumentNullException(nameof(document));
        if (document.Root is null) return new CommitmentCheckResult { Findings = Array.Empty<Finding>(), ParseError = document.Error };
        options ??= CommitmentRuleOptions.Default;

        var findings = new List<Finding>();
        var active = new List<(CommitmentRule Rule, RuleContext Context)>(_rules.Length);
        foreach (var rule in _rules)
        {
            var severity = options.SeverityOf(rule.RuleId);
            if (severity == Severity.None) continue;
            active.Add((rule, new RuleContext(rule.RuleId, severity, document, findings)));
        }

        var package = new PackageView(document, options.DefaultLanguage);
        if (active.Count > 0 && package.Root.Kind == JsonTextKind.Object)
        {
            foreach (var (rule, context) in active) rule.CheckPackage(package, context);
            foreach (var plan in package.ActionPlans)
            {
                foreach (var (rule, context) in active) rule.CheckPlan(plan, context);
                foreach (var commitment in plan.Commitments)
                {
                    foreach (var (rule, context) in active) rule.CheckCommitment(commitment, context);
                    foreach (var milestone in commitment.Milestones)
                    {
                        foreach (var (rule, context) in active) rule.CheckMilestone(milestone, context);
                    }
                }
            }
        }

        findings.Sort(ByPosition);
        return new CommitmentCheckResult { Findings = findings };
    }

    private static int ByPosition(Finding a, Finding b)
    {
        var byStart = (a.Span?.Start ?? 0).CompareTo(b.Span?.Start ?? 0);
        if (byStart != 0) return byStart;
        var byRule = string.CompareOrdinal(a.RuleId, b.RuleId);
        return byRule != 0 ? byRule : string.CompareOrdinal(a.Message, b.Message);
    }
}

/// <summary>The commitment rules, one instance each, in id order. A new rule is one more class in
/// <c>Quality/Rules</c> and one more line here.</summary>
internal static class CommitmentRules
{
    /// <summary>Every built-in commitment rule, with OGP0001 judging by <paramref name="classifier"/> (its thresholds
    /// and words): what a host that reads measurability options (the analyzers, the CLI) runs.</summary>
    public static IReadOnlyList<CommitmentRule> With(MeasurabilityClassifier classifier)
    {
        var rules = new List<CommitmentRule>(All.Count);
        foreach (var rule in All) rules.Add(rule.RuleId == RuleIds.MilestoneNotMeasurable ? new MilestoneNotMeasurableRule(classifier) : rule);
        return rules;
    }

    /// <summary>Every built-in commitment rule.</summary>
    public static IReadOnlyList<CommitmentRule> All { get; } = new CommitmentRule[]
    {
        new MilestoneNotMeasurableRule(),
        new MilestoneWithoutDeadlineRule(),
        new EndBeforeStartRule(),
        new PeriodOutsideParentRule(),
        new CommitmentWithoutMilestonesRule(),
        new DuplicateIdRule(),
        new UnreadableDateTextRule(),
        new StatusNotInCodelistRule(),
        new NoOgpValueRule(),
        new PersonalDataInPublicFieldRule(),
        new NoLeadAgencyOrContactRule(),
    };
}
