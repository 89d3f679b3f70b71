using System.Collections.Generic;
using System.Globalization;
using OgpData.Findings;
using OgpData.Measurability;
using OgpData.Quality;
using OgpData.Text;

namespace OgpData.Analyzers.Datasets;

/// <summary>
/// OGP0001 on a commitment package: a milestone whose description the measurability classifier finds not
/// checkable, reported at the description's text. A <see cref="CommitmentRule"/> like OGP0002–OGP0011, so it
/// runs in the same single walk of the document; the analyzers add it only while
/// <see cref="CommitmentRules.All"/> has no OGP0001 of its own.
/// </summary>
internal sealed class MilestoneNotMeasurableRule : CommitmentRule
{
    private readonly MeasurabilityClassifier _classifier;

    /// <summary>A rule judging with <paramref name="classifier"/> (its threshold decides).</summary>
    public MilestoneNotMeasurableRule(MeasurabilityClassifier classifier) : base(RuleIds.MilestoneNotMeasurable) => _classifier = classifier;

    /// <inheritdoc />
    public override void CheckMilestone(MilestoneView milestone, RuleContext context)
    {
        if (milestone.Description is not { Kind: JsonTextKind.String, StringValue: { } text } description) return;
        // An empty description is a missing one: the schema's business, not a judgement of prose.
        if (string.IsNullOrWhiteSpace(text)) return;

        var verdict = _classifier.Classify(text, milestone.Language);
        if (verdict.IsMeasurable) return;

        var cues = new List<string>(verdict.Cues.Count);
        foreach (var cue in verdict.Cues) cues.Add(cue.Text);
        var name = milestone.Id is null ? "Milestone #" + (milestone.Index + 1) : "Milestone '" + milestone.Id + "'";
        context.Report(
            description,
            name + " is not measurable: " + verdict.Explanation + " (read as " + verdict.Language + ", score "
                + verdict.Score.ToString("0.00", CultureInfo.InvariantCulture) + ").",
            value: text,
            cues: cues,
            language: verdict.Language);
    }
}
