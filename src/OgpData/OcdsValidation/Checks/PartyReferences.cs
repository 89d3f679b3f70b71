using System.Text.Json;

namespace OgpData.OcdsValidation.Checks;

/// <summary>The organization references of a release, each with the party role it implies, and the parties by id.</summary>
internal static class PartyReferences
{
    /// <summary>Every reference: where it is (relative pointer), its id, and the role it implies.</summary>
    public static IEnumerable<(string Pointer, JsonElement Reference, string Role)> Of(JsonElement release)
    {
        if (OcdsJson.TryGet(release, "buyer", out var buyer)) yield return ("/buyer", buyer, "buyer");
        if (OcdsJson.TryGet(release, "tender", out var tender))
        {
            if (OcdsJson.TryGet(tender, "procuringEntity", out var entity)) yield return ("/tender/procuringEntity", entity, "procuringEntity");
            foreach (var (i, tenderer) in OcdsJson.Items(tender, "tenderers")) yield return ($"/tender/tenderers/{i}", tenderer, "tenderer");
        }
        foreach (var (a, award) in OcdsJson.Items(release, "awards"))
        {
            foreach (var (s, supplier) in OcdsJson.Items(award, "suppliers")) yield return ($"/awards/{a}/suppliers/{s}", supplier, "supplier");
        }
        foreach (var (c, contract) in OcdsJson.Items(release, "contracts"))
        {
            if (!OcdsJson.TryGet(contract, "implementation", out var implementation)) continue;
            foreach (var (t, transaction) in OcdsJson.Items(implementation, "transactions"))
            {
                if (OcdsJson.TryGet(transaction, "payer", out var payer)) yield return ($"/contracts/{c}/implementation/transactions/{t}/payer", payer, "payer");
                if (OcdsJson.TryGet(transaction, "payee", out var payee)) yield return ($"/contracts/{c}/implementation/transactions/{t}/payee", payee, "payee");
            }
        }
    }

    /// <summary>The parties of a release grouped by id; null when the release has no <c>parties</c> array (OCDS 1.0 data).</summary>
    public static Dictionary<string, List<JsonElement>>? PartiesById(JsonElement release)
    {
        if (!OcdsJson.TryGet(release, "parties", out var parties) || parties.ValueKind != JsonValueKind.Array) return null;
        var byId = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        foreach (var party in parties.EnumerateArray())
        {
            if (!OcdsJson.TryGet(party, "id", out var id) || OcdsJson.IdText(id) is not { } key) continue;
            if (!byId.TryGetValue(key, out var list)) byId[key] = list = [];
            list.Add(party);
        }
        return byId;
    }

    public static bool HasRole(JsonElement party, string role)
    {
        foreach (var (_, item) in OcdsJson.Items(party, "roles"))
        {
            if (item.ValueKind == JsonValueKind.String && item.ValueEquals(role)) return true;
        }
        return false;
    }
}
