using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>OCDS0010: a period (any object with <c>startDate</c> and <c>endDate</c>) that ends before it starts.</summary>
internal sealed class PeriodCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsPeriodEndsBeforeStart;

    public override void Visit(in VisitedValue value, CheckContext context)
    {
        var period = value.Value;
        // Most objects are not periods: ask for the UTF-8 name, which needs no transcoding, before reading dates.
        if (period.ValueKind != JsonValueKind.Object || !period.TryGetProperty("endDate"u8, out _)) return;
        if (!OcdsJson.TryDate(period, "startDate", out var start) || !OcdsJson.TryDate(period, "endDate", out var end) || end >= start || context.Skip(RuleId)) return;
        context.Report(RuleId, $"The period ends ({OcdsJson.Text(period.GetProperty("endDate"))}) before it starts ({OcdsJson.Text(period.GetProperty("startDate"))}).",
            OcdsJson.Text(period.GetProperty("endDate")), "/endDate");
    }
}
