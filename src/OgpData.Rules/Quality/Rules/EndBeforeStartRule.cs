using OgpData.Dates;
using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality.Rules;

/// <summary>
/// OGP0003: a period (of a plan, a commitment or a milestone) that ends before it starts, judged on the days
/// each partial date can mean: it fires only when the latest day of the end is before the earliest day of
/// the start ("Août 2019" → "Juin 2019"), never for "2019" → "2019-03". A range written in one text
/// ("Août 2019 - Juin 2019") is checked the same way.
/// </summary>
internal sealed class EndBeforeStartRule : CommitmentRule
{
    /// <summary>Creates the rule.</summary>
    public EndBeforeStartRule() : base(RuleIds.EndBeforeStart) { }

    /// <inheritdoc />
    public override void CheckPlan(ActionPlanView plan, RuleContext context) => Check(plan.Period, plan.Describe(), context);

    /// <inheritdoc />
    public override void CheckCommitment(CommitmentView commitment, RuleContext context) => Check(commitment.Period, commitment.Describe(), context);

    /// <inheritdoc />
    public override void CheckMilestone(MilestoneView milestone, RuleContext context) => Check(milestone.Period, milestone.Describe(), context);

    private static void Check(PeriodView period, string owner, RuleContext context)
    {
        if (!period.IsPresent) return;
        CheckRangeText(period.StartText, period.StartTextReading, owner, context);
        CheckRangeText(period.EndText, period.EndTextReading, owner, context);

        var start = period.Start;
        var end = period.End;
        if (start.Date is not { } from || end.Date is not { } to) return;
        // A range text gives both ends; it was checked above.
        if (ReferenceEquals(start.Source, end.Source)) return;
        if (!to.IsCertainlyBefore(from)) return;
        context.Report(end.Source!,
            RuleContext.Capitalise(owner) + " ends (" + end.Describe() + ", at the latest " + Day(to.Latest) +
            ") before it starts (" + start.Describe() + ", at the earliest " + Day(from.Earliest) + ").",
            end.Source!.StringValue ?? end.Source.RawText);
    }

    private static void CheckRangeText(JsonTextNode? node, DateTextReading? reading, string owner, RuleContext context)
    {
        if (node is null || reading is not { Meaning: DateTextMeaning.Range, Start: { } from, End: { } to }) return;
        if (!to.IsCertainlyBefore(from)) return;
        context.Report(node,
            RuleContext.Capitalise(owner) + " ends (" + to + ") before it starts (" + from + ") in '" + reading.Text + "'.",
            reading.Text, reading.Words, reading.Language);
    }

    private static string Day(System.DateTime day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
