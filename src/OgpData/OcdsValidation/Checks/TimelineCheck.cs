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

    public override bool ReadsValues => false;

    public override bool ReadsReleases => true;

    public override void VisitRelease(JsonElement release, CheckContext context)
    {
        DateTimeOffset? tenderEnds = null;
        var tenderEndText = "";
        if (OcdsJson.TryGet(release, "tender", out var tender) && OcdsJson.TryGet(tender, "tenderPeriod", out var period) && OcdsJson.TryDate(period, "endDate", out var end))
        {
            tenderEnds = end;
            tenderEndText = OcdsJson.Text(period.GetProperty("endDate"));
        }
        Dictionary<string, DateTimeOffset>? awardDates = null;
        foreach (var (index, award) in OcdsJson.Items(release, "awards"))
        {
            if (!OcdsJson.TryDate(award, "date", out var date)) continue;
            if (OcdsJson.TryGet(award, "id", out var id) && OcdsJson.IdText(id) is { } awardId)
                (awardDates ??= new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal)).TryAdd(awardId, date);
            if (tenderEnds is { } tenderEnd && date < tenderEnd)
                context.Report(RuleId, $"The award is dated before the tender period ends ({tenderEndText}).", OcdsJson.Text(award.GetProperty("date")), $"/awards/{index}/date");
        }
        foreach (var (index, contract) in OcdsJson.Items(release, "contracts"))
        {
            if (!OcdsJson.TryDate(contract, "dateSigned", out var signed)) continue;
            if (OcdsJson.TryGet(contract, "awardID", out var awardId) && OcdsJson.IdText(awardId) is { } key && awardDates is not null && awardDates.TryGetValue(key, out var awarded) && signed < awarded)
                context.Report(RuleId, $"The contract is signed before the date of its award '{key}'.", OcdsJson.Text(contract.GetProperty("dateSigned")), $"/contracts/{index}/dateSigned");
            if (!OcdsJson.TryGet(contract, "implementation", out var implementation)) continue;
            foreach (var (t, transaction) in OcdsJson.Items(implementation, "transactions"))
            {
                if (OcdsJson.TryDate(transaction, "date", out var paid) && paid < signed)
                    context.Report(RuleId, "The transaction is dated before the contract was signed.", OcdsJson.Text(transaction.GetProperty("date")), $"/contracts/{index}/implementation/transactions/{t}/date");
            }
        }
    }
}
