using OgpData.Dates;
using OgpData.Findings;

namespace OgpData.Quality.Rules;

/// <summary>
/// OGP0004: a milestone whose period lies outside its commitment's, or a commitment outside its plan's. Like
/// OGP0003 it fires only when certain: a start whose latest day is before the parent's earliest start day, or
/// an end whose earliest day is after the parent's latest end day (a start after the parent's end, or an end
/// before the parent's start, counts too). A parent without a period is not compared.
/// </summary>
internal sealed class PeriodOutsideParentRule : CommitmentRule
{
    /// <summary>Creates the rule.</summary>
    public PeriodOutsideParentRule() : base(RuleIds.PeriodOutsideParent) { }

    /// <inheritdoc />
    public override void CheckCommitment(CommitmentView commitment, RuleContext context) =>
        Check(commitment.Period, commitment.Describe(), commitment.Plan.Period, "its action plan", context);

    /// <inheritdoc />
    public override void CheckMilestone(MilestoneView milestone, RuleContext context) =>
        Check(milestone.Period, milestone.Describe(), milestone.Commitment.Period, "its commitment", context);

    private static void Check(PeriodView child, string owner, PeriodView parent, string parentName, RuleContext context)
    {
        if (!child.IsPresent || !parent.IsPresent) return;
        var name = RuleContext.Capitalise(owner);
        var parentStart = parent.Start.Date;
        var parentEnd = parent.End.Date;

        if (child.Start is { Date: { } start, Source: { } startNode })
        {
            if (parentStart is { } ps && start.IsCertainlyBefore(ps))
                context.Report(startNode, name + " starts (" + child.Start.Describe() + ") before " + parentName + " starts (" + parent.Start.Describe() + ").", startNode.StringValue);
            else if (parentEnd is { } pe && pe.IsCertainlyBefore(start))
                context.Report(startNode, name + " starts (" + child.Start.Describe() + ") after " + parentName + " ends (" + parent.End.Describe() + ").", startNode.StringValue);
        }
        if (child.End is { Date: { } end, Source: { } endNode } && !ReferenceEquals(endNode, child.Start.Source))
        {
            if (parentEnd is { } pe && pe.IsCertainlyBefore(end))
                context.Report(endNode, name + " ends (" + child.End.Describe() + ") after " + parentName + " ends (" + parent.End.Describe() + ").", endNode.StringValue);
            else if (parentStart is { } ps && end.IsCertainlyBefore(ps))
                context.Report(endNode, name + " ends (" + child.End.Describe() + ") before " + parentName + " starts (" + parent.Start.Describe() + ").", endNode.StringValue);
        }
    }
}
