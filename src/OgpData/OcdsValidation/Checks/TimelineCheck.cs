using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// OCDS0011: the procurement timeline runs backwards: an award dated before the tender period ends, a contract
/// signed before its award's date, a transaction dated before its contract was signed.
/// </summary>
internal sealed class TimelineCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsTimelineOutOfOrder;

    public override void VisitRelease(JsonElement release, CheckContext context)
    {
        DateTimeOffset? tenderEnds = null;
        var tenderEndText = "";
        if (Json.TryGet(release, "tender", out var tender) && Json.TryGet(tender, "tenderPeriod", out var period) && Json.TryDate(period, "endDate", out var end))
        {
            tenderEnds = end;
            tenderEndText = Json.Text(period.GetProperty("endDate"));
        }
        var awardDates = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (index, award) in Json.Items(release, "awards"))
        {
            if (!Json.TryDate(award, "date", out var date)) continue;
            if (Json.TryGet(award, "id", out var id) && Json.IdText(id) is { } awardId) awardDates.TryAdd(awardId, date);
            if (tenderEnds is { } tenderEnd && date < tenderEnd)
                context.Report(RuleId, $"The award is dated before the tender period ends ({tenderEndText}).", Json.Text(award.GetProperty("date")), $"/awards/{index}/date");
        }
        foreach (var (index, contract) in Json.Items(release, "contracts"))
        {
            if (!Json.TryDate(contract, "dateSigned", out var signed)) continue;
            if (Json.TryGet(contract, "awardID", out var awardId) && Json.IdText(awardId) is { } key && awardDates.TryGetValue(key, out var awarded) && signed < awarded)
                context.Report(RuleId, $"The contract is signed before the date of its award '{key}'.", Json.Text(contract.GetProperty("dateSigned")), $"/contracts/{index}/dateSigned");
            if (!Json.TryGet(contract, "implementation", out var implementation)) continue;
            foreach (var (t, transaction) in Json.Items(implementation, "transactions"))
            {
                if (Json.TryDate(transaction, "date", out var paid) && paid < signed)
                    context.Report(RuleId, "The transaction is dated before the contract was signed.", Json.Text(transaction.GetProperty("date")), $"/contracts/{index}/implementation/transactions/{t}/date");
            }
        }
    }
}
