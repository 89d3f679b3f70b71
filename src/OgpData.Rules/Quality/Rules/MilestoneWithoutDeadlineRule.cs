using OgpData.Dates;
using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality.Rules;

/// <summary>
/// OGP0002: a milestone needs a deadline an independent reviewer can check. It fires when the milestone has
/// no period, no end at all, an end that cannot be read, or an end that states there is none
/// ("Dates à déterminer", "en continu", "durée indéterminée"). A date with a remark ("Août 2021 (en continu)")
/// is a deadline and passes.
/// </summary>
internal sealed class MilestoneWithoutDeadlineRule : CommitmentRule
{
    /// <summary>Creates the rule.</summary>
    public MilestoneWithoutDeadlineRule() : base(RuleIds.MilestoneWithoutDeadline) { }

    /// <inheritdoc />
    public override void CheckMilestone(MilestoneView milestone, RuleContext context)
    {
        var period = milestone.Period;
        var name = RuleContext.Capitalise(milestone.Describe());
        if (!period.IsPresent)
        {
            if (period.Node is { } notAnObject)
                context.Report(notAnObject, name + " has a period that is not an object (" + notAnObject.Kind.ToString().ToLowerInvariant() + "), so no end date.", notAnObject.StringValue ?? notAnObject.RawText);
            else
                context.Report(milestone.Node, name + " has no period, so no end date.");
            return;
        }
        if (period.End.Date is not null) return;

        if (period.EndDate is { } endDate)
        {
            var reading = period.EndDateReading;
            var why = endDate.Kind != JsonTextKind.String ? "it is not a string" : reading?.Failure ?? Meaning(reading);
            context.Report(endDate, name + " has no end date that can be read: endDate " + endDate.RawText + " — " + why + ".",
                endDate.StringValue ?? endDate.RawText, reading?.Words, reading?.Language);
            return;
        }
        if (period.EndText is { Kind: JsonTextKind.String } endText)
        {
            var reading = period.EndTextReading!;
            var why = reading.IsNoDate ? "it says " + Meaning(reading) : "it cannot be read: " + reading.Failure;
            context.Report(endText, name + " has no deadline: its end is '" + endText.StringValue + "' and " + why + ".",
                endText.StringValue, reading.Words, reading.Language);
            return;
        }
        context.Report(period.Node!, name + " has no end date (neither endDate nor endText).");
    }

    private static string Meaning(DateTextReading? reading) => reading?.Meaning switch
    {
        DateTextMeaning.ToBeDetermined => "the date is to be determined",
        DateTextMeaning.Ongoing => "the activity is ongoing, with no end",
        DateTextMeaning.Indefinite => "the duration is indefinite",
        DateTextMeaning.Range => "it is a range, not an end date",
        _ => "it is not a date",
    };
}
