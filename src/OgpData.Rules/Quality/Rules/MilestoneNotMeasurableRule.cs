using System.Collections.Generic;
using System.Globalization;
using OgpData.Findings;
using OgpData.Measurability;
using OgpData.Text;

namespace OgpData.Quality.Rules;

/// <summary>
/// OGP0001: a milestone whose text names no verifiable deliverable and no quantified target. The description
/// is judged; when it is not checkable but the milestone states its deliverable apart, a checkable deliverable
/// is enough. A milestone the classifier is unsure of is reported at info (or not at all, by the options). The
/// finding sits on the description and names the words that decided with their learned weights, the language
/// assumed and the score.
/// </summary>
internal sealed class MilestoneNotMeasurableRule : CommitmentRule
{
    private readonly MeasurabilityClassifier _classifier;

    /// <summary>The rule with the built-in lexicons and threshold.</summary>
    public MilestoneNotMeasurableRule() : this(MeasurabilityClassifier.Default) { }

    /// <summary>The rule judging with <paramref name="classifier"/> (its options set the thresholds, whether uncertain
    /// milestones are reported at info, and extra words).</summary>
    public MilestoneNotMeasurableRule(MeasurabilityClassifier classifier) : base(RuleIds.MilestoneNotMeasurable) =>
        _classifier = classifier ?? throw new System.ArgumentNullException(nameof(classifier));

    /// <inheritdoc />
    public override void CheckMilestone(MilestoneView milestone, RuleContext context)
    {
        if (milestone.Description is not { Kind: JsonTextKind.String, StringValue: { } description } node) return;
        // An empty description is a missing one: the schema reports that, not a judgement of prose.
        if (string.IsNullOrWhiteSpace(description)) return;

        var verdict = _classifier.Classify(description, milestone.Language);
        if (verdict.Outcome == MeasurabilityOutcome.Measurable) return;
        // The deliverable, when stated apart, is the verifiable output itself: a checkable one is enough, and
        // one the classifier is unsure of lifts a vague description to uncertain.
        var outcome = verdict.Outcome;
        if (milestone.Deliverable is { Kind: JsonTextKind.String, StringValue: { Length: > 0 } deliverable })
        {
            var stated = _classifier.Classify(deliverable, milestone.Language).Outcome;
            if (stated == MeasurabilityOutcome.Measurable) return;
            if (stated == MeasurabilityOutcome.Uncertain) outcome = MeasurabilityOutcome.Uncertain;
        }
        // Uncertain: at info, or not at all (MeasurabilityOptions.ReportUncertain).
        if (outcome == MeasurabilityOutcome.Uncertain && !_classifier.Options.ReportUncertain) return;

        var cues = new List<string>(verdict.Cues.Count);
        foreach (var cue in verdict.Cues)
        {
            if (cue.Weight != 0 || cue.IsNegated) cues.Add(cue.Text);
        }
        context.Report(
            node,
            RuleContext.Capitalise(milestone.Describe()) + ": " + verdict.Explanation + " (read as " + verdict.Language
                + (verdict.LanguageWasDetected ? ", detected" : "") + ", score "
                + verdict.Score.ToString("0.00", CultureInfo.InvariantCulture) + ").",
            value: description,
            cues: cues,
            language: verdict.Language,
            severity: outcome == MeasurabilityOutcome.Uncertain ? Severity.Info : null);
    }
}
