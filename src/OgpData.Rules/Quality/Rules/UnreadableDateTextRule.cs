using OgpData.Dates;
using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality.Rules;

/// <summary>
/// OGP0007: date words that cannot be read as a partial date, in any period (plan, commitment, milestone):
/// a <c>startText</c>/<c>endText</c> that <see cref="PartialDateParser"/> cannot read, and a
/// <c>startDate</c>/<c>endDate</c> string that is not a canonical partial date (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM,
/// YYYY-MM-DD). When the parser can read the words of a date member, the message gives the canonical form
/// to write instead. A text that says "to be determined" or "en continu" is readable: OGP0002 judges it.
/// </summary>
internal sealed class UnreadableDateTextRule : CommitmentRule
{
    /// <summary>Creates the rule.</summary>
    public UnreadableDateTextRule() : base(RuleIds.UnreadableDateText) { }

    /// <inheritdoc />
    public override void CheckPlan(ActionPlanView plan, RuleContext context) => Check(plan.Period, context);

    /// <inheritdoc />
    public override void CheckCommitment(CommitmentView commitment, RuleContext context) => Check(commitment.Period, context);

    /// <inheritdoc />
    public override void CheckMilestone(MilestoneView milestone, RuleContext context) => Check(milestone.Period, context);

    private static void Check(PeriodView period, RuleContext context)
    {
        if (!period.IsPresent) return;
        CheckDate(period.StartDate, period.StartDateReading, "startDate", context);
        CheckDate(period.EndDate, period.EndDateReading, "endDate", context);
        CheckText(period.StartText, period.StartTextReading, "startText", context);
        CheckText(period.EndText, period.EndTextReading, "endText", context);
    }

    private static void CheckDate(JsonTextNode? node, DateTextReading? reading, string member, RuleContext context)
    {
        if (node is null || reading is null) return; // absent, not a string (the schema's finding), or canonical
        var text = node.StringValue!;
        string advice;
        if (reading.Meaning == DateTextMeaning.Date)
            advice = "it reads as " + reading.Date + (reading.IsApproximate ? " (approximately)" : "") + ": write " + reading.Date + " and keep the words in " + TextMember(member);
        else if (reading.Meaning == DateTextMeaning.Range)
            advice = "it is a range (" + reading.Start + " to " + reading.End + "): write startDate and endDate and keep the words in " + TextMember(member);
        else if (reading.IsNoDate)
            advice = "it states no date: leave " + member + " out and keep the words in " + TextMember(member);
        else
            advice = "it cannot be read: " + reading.Failure;
        context.Report(node, member + " '" + text + "' is not a partial date (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM or YYYY-MM-DD); " + advice + ".",
            text, reading.Words, reading.Language);
    }

    private static void CheckText(JsonTextNode? node, DateTextReading? reading, string member, RuleContext context)
    {
        if (node is null || reading is null || reading.IsReadable) return;
        context.Report(node, member + " '" + node.StringValue + "' cannot be read as a date: " + reading.Failure + ".",
            node.StringValue, reading.Words, reading.Language);
    }

    private static string TextMember(string member) => member == "startDate" ? "startText" : "endText";
}
