using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>OCDS0017: <c>tender.numberOfTenderers</c> differs from the number of entries in <c>tender.tenderers</c>.</summary>
internal sealed class NumberOfTenderersCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsNumberOfTenderersMismatch;

    public override bool ReadsValues => false;

    public override bool ReadsReleases => true;

    public override void VisitRelease(JsonElement release, CheckContext context)
    {
        if (!OcdsJson.TryGet(release, "tender", out var tender) || !OcdsJson.TryGet(tender, "numberOfTenderers", out var number)
            || number.ValueKind != JsonValueKind.Number || !number.TryGetInt64(out var declared)) return;
        if (!OcdsJson.TryGet(tender, "tenderers", out var tenderers) || tenderers.ValueKind != JsonValueKind.Array) return;
        var listed = tenderers.GetArrayLength();
        if (declared == listed) return;
        context.Report(RuleId, $"numberOfTenderers is {declared} but {listed} tenderer(s) are listed.", number.GetRawText(), "/tender/numberOfTenderers");
    }
}
