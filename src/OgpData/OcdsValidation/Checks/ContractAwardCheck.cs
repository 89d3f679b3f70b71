using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// OCDS0016: a contract whose <c>awardID</c> matches no award of the release. Releases without awards are not
/// checked: a contract release may point at an award published in an earlier release.
/// </summary>
internal sealed class ContractAwardCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsContractAwardNotFound;

    public override bool ReadsValues => false;

    public override bool ReadsReleases => true;

    public override void VisitRelease(JsonElement release, CheckContext context)
    {
        if (!OcdsJson.TryGet(release, "awards", out var awards) || awards.ValueKind != JsonValueKind.Array || awards.GetArrayLength() == 0
            || !OcdsJson.TryGet(release, "contracts", out var contracts) || contracts.ValueKind != JsonValueKind.Array || contracts.GetArrayLength() == 0) return;
        HashSet<string>? ids = null;
        foreach (var (index, contract) in OcdsJson.Items(release, "contracts"))
        {
            if (!OcdsJson.TryGet(contract, "awardID", out var awardId) || OcdsJson.IdText(awardId) is not { } key) continue;
            // The award ids are gathered only for a release whose contracts name an award.
            if ((ids ??= AwardIds(awards)).Contains(key)) continue;
            context.Report(RuleId, $"The contract's awardID '{key}' matches no award in this release.", key, $"/contracts/{index}/awardID");
        }
    }

    private static HashSet<string> AwardIds(JsonElement awards)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var award in awards.EnumerateArray())
        {
            if (OcdsJson.TryGet(award, "id", out var id) && OcdsJson.IdText(id) is { } key) ids.Add(key);
        }
        return ids;
    }
}
