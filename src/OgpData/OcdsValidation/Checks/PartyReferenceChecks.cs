using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// OCDS0014: a buyer, procuring entity, tenderer, supplier, payer or payee whose <c>id</c> matches no party,
/// or several. Releases without a <c>parties</c> array (OCDS 1.0 style) are not checked.
/// </summary>
internal sealed class UnresolvedPartyReferenceCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsUnresolvedPartyReference;

    public override bool ReadsValues => false;

    public override bool ReadsReleases => true;

    public override void VisitRelease(JsonElement release, CheckContext context)
    {
        if (PartyReferences.PartiesById(release) is not { } parties) return;
        foreach (var (pointer, reference, role) in PartyReferences.Of(release))
        {
            if (!OcdsJson.TryGet(reference, "id", out var id) || OcdsJson.IdText(id) is not { } key) continue;
            var count = parties.TryGetValue(key, out var matches) ? matches.Count : 0;
            if (count == 1) continue;
            context.Report(RuleId, count == 0
                ? $"The {role} reference '{key}' matches no party in 'parties'."
                : $"The {role} reference '{key}' matches {count} parties; party ids must be unique.", key, pointer + "/id");
        }
    }
}

/// <summary>OCDS0015: the party a reference resolves to lacks the role the reference implies (a supplier without the supplier role, ...).</summary>
internal sealed class PartyWithoutRoleCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsPartyWithoutRole;

    public override bool ReadsValues => false;

    public override bool ReadsReleases => true;

    public override void VisitRelease(JsonElement release, CheckContext context)
    {
        if (PartyReferences.PartiesById(release) is not { } parties) return;
        foreach (var (pointer, reference, role) in PartyReferences.Of(release))
        {
            if (!OcdsJson.TryGet(reference, "id", out var id) || OcdsJson.IdText(id) is not { } key) continue;
            if (!parties.TryGetValue(key, out var matches) || matches.Count != 1 || PartyReferences.HasRole(matches[0], role)) continue;
            context.Report(RuleId, $"The party '{key}' is referenced as {role} but its roles do not include '{role}'.", key, pointer + "/id");
        }
    }
}
