using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OgpData.OcdsPublishing;

/// <summary>
/// Upgrades OCDS 1.0 data to 1.1 as ocdskit's <c>upgrade 1.0:1.1</c> does: organizations become references to
/// <c>parties</c> (ids made from the identifying fields when absent), <c>amendment</c> joins <c>amendments</c>,
/// transactions' <c>providerOrganization</c>/<c>receiverOrganization</c>/<c>amount</c> become
/// <c>payer</c>/<c>payee</c>/<c>value</c>. Data that is already 1.1 is left as it is. The deprecated fields
/// 1.1 still allows are kept.
/// </summary>
public sealed class OcdsUpgrader(bool reorder = true, Action<string>? warn = null)
{
    // The fields that identified an organization in OCDS 1.0, in the order the party id is made from.
    private static readonly (string? Parent, string[] Fields)[] IdentifyingFields =
    [
        (null, ["name"]),
        ("identifier", ["scheme", "id", "legalName", "uri"]),
        ("address", ["streetAddress", "locality", "region", "postalCode", "countryName"]),
        ("contactPoint", ["name", "email", "telephone", "faxNumber", "url"]),
    ];

    /// <summary>The OCDS minor version of a package, record or release, as ocdskit tells it.</summary>
    public static string MinorVersion(JsonObject data, bool isPackage)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (isPackage) return data["version"] is JsonValue version && version.TryGetValue<string>(out var text) ? text : "1.0";
        if (data.ContainsKey("releases") && data.ContainsKey("ocid"))
        {
            return data["releases"] is JsonArray releases && releases.Any(r => r is JsonObject release && release.ContainsKey("parties")) ? "1.1" : "1.0";
        }
        return data.ContainsKey("parties") ? "1.1" : "1.0";
    }

    /// <summary>Upgrades one release in place.</summary>
    public void UpgradeRelease(JsonObject release)
    {
        ArgumentNullException.ThrowIfNull(release);
        UpgradeParties(release);
        UpgradeAmendments(release);
        UpgradeTransactions(release);
    }

    /// <summary>Upgrades one record in place: its releases and its compiled release (a versioned release is left alone, as the reference does).</summary>
    public void UpgradeRecord(JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record["releases"] is JsonArray releases)
        {
            foreach (var release in releases)
            {
                if (release is JsonObject r) UpgradeRelease(r);
            }
        }
        if (record["compiledRelease"] is JsonObject compiled) UpgradeRelease(compiled);
    }

    /// <summary>Sets a package's version to 1.1 (with <c>uri</c> and <c>version</c> moved first when reordering).</summary>
    public void UpgradePackageMetadata(JsonObject package)
    {
        ArgumentNullException.ThrowIfNull(package);
        package["version"] = "1.1";
        MoveToTop(package, "uri", "version");
    }

    private void UpgradeParties(JsonObject release)
    {
        var parties = PartiesOf(release);
        if (IsPresent(release, "buyer")) release["buyer"] = AddParty(parties, release["buyer"]!, "buyer");
        if (IsPresent(release, "tender") && release["tender"] is JsonObject tender)
        {
            if (IsPresent(tender, "procuringEntity")) tender["procuringEntity"] = AddParty(parties, tender["procuringEntity"]!, "procuringEntity");
            if (IsPresent(tender, "tenderers") && tender["tenderers"] is JsonArray tenderers)
            {
                for (var i = 0; i < tenderers.Count; i++) tenderers[i] = AddParty(parties, tenderers[i]!, "tenderer");
            }
        }
        if (IsPresent(release, "awards") && release["awards"] is JsonArray awards)
        {
            foreach (var award in awards)
            {
                if (award is JsonObject a && IsPresent(a, "suppliers") && a["suppliers"] is JsonArray suppliers)
                {
                    for (var i = 0; i < suppliers.Count; i++) suppliers[i] = AddParty(parties, suppliers[i]!, "supplier");
                }
            }
        }
        if (parties.Count == 0) return;
        if (!release.ContainsKey("parties"))
        {
            release["parties"] = new JsonArray();
            MoveToTop(release, "ocid", "id", "date", "tag", "initiationType", "parties");
        }
        if (release["parties"] is not JsonArray list) return;
        foreach (var party in parties.Values)
        {
            if (!list.Any(existing => ReferenceEquals(existing, party) || JsonNode.DeepEquals(existing, party))) list.Add((JsonNode)party);
        }
    }

    private static Dictionary<string, JsonObject> PartiesOf(JsonObject release)
    {
        var parties = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (release["parties"] is JsonArray list)
        {
            foreach (var node in list)
            {
                if (node is not JsonObject party) continue;
                parties[party.ContainsKey("id") ? Text(party["id"]) : PartyId(party)] = party;
            }
        }
        return parties;
    }

    /// <summary>Puts a copy of the organization in the parties (by id), gives it the role, and returns the reference that replaces it.</summary>
    private JsonObject AddParty(Dictionary<string, JsonObject> parties, JsonNode organization, string role)
    {
        if (organization.DeepClone() is not JsonObject party) return new JsonObject { ["id"] = organization.DeepClone() };
        if (!party.ContainsKey("id"))
        {
            party["id"] = PartyId(party);
            MoveToTop(party, "id");
        }
        var id = Text(party["id"]);
        if (!parties.TryGetValue(id, out var survivor))
        {
            parties[id] = survivor = party;
        }
        else
        {
            var others = survivor.Where(m => m.Key != "roles").ToDictionary(m => m.Key, m => m.Value);
            if (party.Any(m => !others.TryGetValue(m.Key, out var value) || !JsonNode.DeepEquals(value, m.Value)))
            {
                warn?.Invoke($"party in \"{role}\" role differs from party in {survivor["roles"]?.ToJsonString() ?? "[]"} roles: {party.ToJsonString()} / {survivor.ToJsonString()}");
            }
        }
        if (!survivor.ContainsKey("roles"))
        {
            survivor["roles"] = new JsonArray();
            MoveToTop(survivor, "id", "roles");
        }
        survivor["roles"] = AsSortedList(survivor["roles"]);
        var roles = (JsonArray)survivor["roles"]!;
        if (!roles.Any(r => r is JsonValue v && v.TryGetValue<string>(out var s) && s == role)) roles.Add((JsonNode)JsonValue.Create(role));
        var reference = new JsonObject { ["id"] = party["id"]!.DeepClone() };
        if (party.ContainsKey("name")) reference["name"] = party["name"]?.DeepClone();
        return reference;
    }

    // A string becomes a one-item list; a list is sorted (as the reference does to invalid data too).
    private static JsonArray AsSortedList(JsonNode? roles)
    {
        // JsonArray's JsonNode constructor, not a collection expression: that would call the generic
        // JsonArray.Add<T>, which serialises by reflection (not trim- or AOT-safe).
        if (roles is JsonValue value && value.TryGetValue<string>(out var single)) return new JsonArray(JsonValue.Create(single));
        if (roles is not JsonArray array) return new JsonArray();
        var items = array.Select(r => r?.DeepClone()).ToList();
        items.Sort((a, b) => string.CompareOrdinal(a?.ToString(), b?.ToString()));
        return new JsonArray([.. items]);
    }

    /// <summary>The md5 of the identifying fields joined by '-': the same organization always gets the same id.</summary>
    private static string PartyId(JsonObject party)
    {
        var parts = new List<string>();
        foreach (var (parent, fields) in IdentifyingFields)
        {
            var source = parent is null ? party : party[parent] as JsonObject;
            if (parent is not null && !party.ContainsKey(parent)) continue;
            foreach (var field in fields) parts.Add(source is null ? "" : Truthy(source[field]) ? Text(source[field]) : "");
        }
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join('-', parts)))).ToLowerInvariant();
    }

    private static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.ToJsonString() is var text && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && number != 0,
            _ => true,
        },
        _ => true,
    };

    private static string Text(JsonNode? node)
    {
        if (node is null) return "None";
        using var document = JsonDocument.Parse(node.ToJsonString());
        return PythonValues.Text(document.RootElement);
    }

    private static void UpgradeAmendments(JsonObject release)
    {
        if (IsPresent(release, "tender") && release["tender"] is JsonObject tender) UpgradeAmendment(tender);
        foreach (var field in (ReadOnlySpan<string>)["awards", "contracts"])
        {
            if (!IsPresent(release, field) || release[field] is not JsonArray blocks) continue;
            foreach (var block in blocks)
            {
                if (block is JsonObject b) UpgradeAmendment(b);
            }
        }
    }

    private static void UpgradeAmendment(JsonObject block)
    {
        if (!block.ContainsKey("amendment")) return;
        if (block["amendments"] is not JsonArray amendments)
        {
            if (block.ContainsKey("amendments")) return; // not a list: left as it is
            block["amendments"] = amendments = [];
        }
        var amendment = block["amendment"];
        if (!amendments.Any(existing => JsonNode.DeepEquals(existing, amendment))) amendments.Add((JsonNode?)amendment?.DeepClone());
        block.Remove("amendment");
    }

    private void UpgradeTransactions(JsonObject release)
    {
        // The reference looks parties up here but never adds the payers and payees to the parties array: nor do we.
        var parties = PartiesOf(release);
        if (!IsPresent(release, "contracts") || release["contracts"] is not JsonArray contracts) return;
        foreach (var contract in contracts)
        {
            if (contract is not JsonObject c || !IsPresent(c, "implementation") || c["implementation"] is not JsonObject implementation
                || !IsPresent(implementation, "transactions") || implementation["transactions"] is not JsonArray transactions) continue;
            foreach (var node in transactions)
            {
                if (node is not JsonObject transaction) continue;
                if (!transaction.ContainsKey("value") && transaction.ContainsKey("amount"))
                {
                    var amount = transaction["amount"];
                    transaction.Remove("amount");
                    transaction["value"] = amount;
                }
                foreach (var (old, renamed) in (ReadOnlySpan<(string, string)>)[("providerOrganization", "payer"), ("receiverOrganization", "payee")])
                {
                    if (!transaction.ContainsKey(old) || transaction.ContainsKey(renamed)) continue;
                    var identifier = transaction[old];
                    var party = new JsonObject { ["identifier"] = identifier?.DeepClone() };
                    if (identifier is JsonObject id && id.ContainsKey("legalName")) party["name"] = id["legalName"]?.DeepClone();
                    transaction[renamed] = AddParty(parties, party, renamed);
                    transaction.Remove(old);
                }
            }
        }
    }

    private static bool IsPresent(JsonObject obj, string field) => obj.TryGetPropertyValue(field, out var value) && value is not null;

    /// <summary>Moves the fields present to the front, in this order, the others keeping theirs (unless not reordering).</summary>
    private void MoveToTop(JsonObject obj, params string[] fields)
    {
        if (!reorder) return;
        var members = obj.ToList();
        obj.Clear();
        foreach (var field in fields)
        {
            var at = members.FindIndex(m => m.Key == field);
            if (at >= 0) obj[field] = members[at].Value;
        }
        foreach (var (name, value) in members)
        {
            if (Array.IndexOf(fields, name) < 0) obj[name] = value;
        }
    }
}
