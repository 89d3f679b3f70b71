using OgpData.Findings;
using System.Globalization;
using System.Text.Json;
using OgpData.Json;
using OgpData.Serialization;

namespace OgpData.Decp;

/// <summary>An organization named in a DECP entry (acheteur, titulaire, concessionnaire), with where it is.</summary>
internal sealed record DecpOrganization(string? IdentifierType, string Id, string? Name, string Pointer);

/// <summary>
/// Reads the values of one DECP entry, tolerating what real files do (numbers written as text, wrapped and
/// unwrapped lists, 1.x spellings) and reporting, with its pointer, every value it cannot use.
/// </summary>
internal sealed class DecpValues(DecpEntryScope scope, DecpTimeZones.Zone? zone = null)
{
    public DecpEntryScope Scope => scope;

    /// <summary>A text member; a number or boolean is read as its JSON text. Blank text is absent.</summary>
    public string? Text(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value)) return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!.Trim();
                return text.Length == 0 ? null : text;
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return value.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                scope.Report(RuleIds.DecpWrongType, Child(pointer, name), $"'{name}' should be text, not {Kind(value)}: left out.");
                return null;
        }
    }

    /// <summary>A date member, or null (reported) when it is there but unreadable.</summary>
    public DecpDates.DecpDate? Date(JsonElement obj, string name, string pointer)
    {
        var text = Text(obj, name, pointer);
        if (text is null) return null;
        // A date without an offset is at the place of execution's: overseas, its own; else metropolitan France's.
        if (DecpDates.TryParse(text, out var date)) return date.Offset is null && zone is not null ? date with { Offset = zone.OffsetOn(date.Day) } : date;
        scope.Report(RuleIds.DecpBadDate, Child(pointer, name), $"'{name}' is not a date AAAA-MM-JJ: left out.", text);
        return null;
    }

    /// <summary>A non-negative amount (zero allowed), kept as its exact JSON text; null (reported) when negative or not a number.</summary>
    public JsonNumber? Amount(JsonElement obj, string name, string pointer)
    {
        if (!TryNumber(obj, name, pointer, RuleIds.DecpBadAmount, out var number)) return null;
        if (number.IsNegative)
        {
            scope.Report(RuleIds.DecpBadAmount, Child(pointer, name), $"'{name}' is negative: left out.", number.Text);
            return null;
        }
        return number;
    }

    /// <summary>A share between 0 and 1 (taux d'avance, origine UE), or null.</summary>
    public double? Share(JsonElement obj, string name, string pointer)
    {
        if (!TryNumber(obj, name, pointer, RuleIds.DecpWrongType, out var number)) return null;
        var share = number.ToDouble();
        if (share is >= 0 and <= 1) return share;
        scope.Report(RuleIds.DecpWrongType, Child(pointer, name), $"'{name}' should be a share between 0 and 1: left out.", number.Text);
        return null;
    }

    /// <summary>A duration in whole months, at least 1; null (reported) otherwise.</summary>
    public int? Months(JsonElement obj, string name, string pointer)
    {
        if (!TryNumber(obj, name, pointer, RuleIds.DecpBadDuration, out var number)) return null;
        if (number.TryGetInt64(out var months) && months is >= 1 and <= 12_000) return (int)months;
        scope.Report(RuleIds.DecpBadDuration, Child(pointer, name), $"'{name}' is not a whole number of months of at least 1: left out.", number.Text);
        return null;
    }

    /// <summary>A whole number (offres reçues), or null (reported) when it is not one.</summary>
    public long? Count(JsonElement obj, string name, string pointer)
    {
        if (!TryNumber(obj, name, pointer, RuleIds.DecpWrongType, out var number)) return null;
        if (number.TryGetInt64(out var count) && count >= 0) return count;
        scope.Report(RuleIds.DecpWrongType, Child(pointer, name), $"'{name}' is not a whole number: left out.", number.Text);
        return null;
    }

    /// <summary>A yes/no member; <c>"true"</c>/<c>"oui"</c> written as text are read too.</summary>
    public bool? Flag(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value)) return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Null: return null;
            case JsonValueKind.String when value.GetString()!.Trim().ToLowerInvariant() is "true" or "oui" or "1": return true;
            case JsonValueKind.String when value.GetString()!.Trim().ToLowerInvariant() is "false" or "non" or "0": return false;
            default:
                scope.Report(RuleIds.DecpWrongType, Child(pointer, name), $"'{name}' should be true or false: left out.", Raw(value));
                return null;
        }
    }

    /// <summary>
    /// A coded list: <c>{"technique": ["a", "b"]}</c> in 2.0, also a bare list or a single text. The "none" answers
    /// (<c>Sans objet</c>, <c>Pas de ...</c>) are kept: the caller decides what they mean.
    /// </summary>
    public List<string> Codes(JsonElement obj, string name, string inner, string pointer)
    {
        var codes = new List<string>();
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return codes;
        var at = Child(pointer, name);
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (!value.TryGetProperty(inner, out value))
            {
                scope.Report(RuleIds.DecpWrongType, at, $"'{name}' has no '{inner}' list: left out.");
                return codes;
            }
            at = Child(at, inner);
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            AddCode(codes, value.GetString()!);
            return codes;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            scope.Report(RuleIds.DecpWrongType, at, $"'{name}' should be a list of texts, not {Kind(value)}: left out.");
            return codes;
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) AddCode(codes, item.GetString()!);
            else scope.Report(RuleIds.DecpWrongType, JsonPointerText.Append(at, index), $"An entry of '{name}' is {Kind(item)}, not text: left out.", Raw(item));
            index++;
        }
        return codes;
    }

    /// <summary>
    /// The objects of a DECP list, unwrapped: <c>[{"modification": {...}}]</c> (2.0), <c>[{...}]</c> (1.x) and, for the
    /// titulaires of 1.x modifications, <c>[[{...}]]</c>. Each comes with its pointer.
    /// </summary>
    public List<(JsonElement Value, string Pointer)> Objects(JsonElement obj, string name, string wrapper, string pointer)
    {
        var found = new List<(JsonElement, string)>();
        if (!obj.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null) return found;
        var at = Child(pointer, name);
        if (list.ValueKind == JsonValueKind.Object)
        {
            // One entry not put in a list.
            Unwrap(list, at, wrapper, found);
            return found;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            scope.Report(RuleIds.DecpWrongType, at, $"'{name}' should be a list, not {Kind(list)}: left out.", Raw(list));
            return found;
        }
        var index = 0;
        foreach (var item in list.EnumerateArray()) Unwrap(item, JsonPointerText.Append(at, index++), wrapper, found);
        return found;
    }

    private void Unwrap(JsonElement item, string pointer, string wrapper, List<(JsonElement, string)> found)
    {
        if (item.ValueKind == JsonValueKind.Array)
        {
            // Consolidation tools nest lists of titulaires in lists; the objects inside are what counts.
            var inner = 0;
            foreach (var nested in item.EnumerateArray()) Unwrap(nested, JsonPointerText.Append(pointer, inner++), wrapper, found);
            return;
        }
        if (item.ValueKind != JsonValueKind.Object)
        {
            scope.Report(RuleIds.DecpWrongType, pointer, $"An entry of the list is {Kind(item)}, not an object: left out.", Raw(item));
            return;
        }
        // 2.0 wraps each entry ({"tarif": {...}}); 1.x does not, and there a member may share the wrapper's name ("tarif": 9.1).
        if (item.TryGetProperty(wrapper, out var wrapped) && wrapped.ValueKind == JsonValueKind.Object) found.Add((wrapped, Child(pointer, wrapper)));
        else found.Add((item, pointer));
    }

    /// <summary>The titulaires, concessionnaires or sous-traitant of a list, each checked (type known, SIRET well-formed).</summary>
    public List<DecpOrganization> Organizations(JsonElement obj, string name, string wrapper, string pointer)
    {
        var organizations = new List<DecpOrganization>();
        foreach (var (value, at) in Objects(obj, name, wrapper, pointer))
        {
            if (Organization(value, at) is { } organization) organizations.Add(organization);
        }
        return organizations;
    }

    /// <summary>One organization object (<c>typeIdentifiant</c>, <c>id</c>, and the 1.x <c>denominationSociale</c> or <c>nom</c>).</summary>
    public DecpOrganization? Organization(JsonElement value, string pointer)
    {
        var id = Text(value, "id", pointer);
        if (id is null)
        {
            scope.Report(RuleIds.DecpWrongType, pointer, "The organization has no 'id': not listed as a party.");
            return null;
        }
        var type = Text(value, "typeIdentifiant", pointer);
        if (type is null)
        {
            if (DecpCodes.IsSiret(id))
            {
                type = "SIRET";
                scope.Report(RuleIds.DecpUnknownCode, pointer, "The organization has no 'typeIdentifiant'; its 14-digit id is taken as a SIRET.", id);
            }
            else
            {
                scope.Report(RuleIds.DecpUnknownCode, pointer, "The organization has no 'typeIdentifiant': its identifier has no scheme.", id);
            }
        }
        else if (!DecpCodes.IdentifierTypes.Contains(type))
        {
            scope.Report(RuleIds.DecpUnknownCode, Child(pointer, "typeIdentifiant"), $"'{type}' is not a DECP type d'identifiant (SIRET, TVA, TAHITI, RIDET, FRWF, IREP, HORS-UE): kept as the scheme.", type);
        }
        else
        {
            type = type.ToUpperInvariant();
        }
        if (type == "SIRET") CheckSiret(id, Child(pointer, "id"));
        var name = Text(value, "denominationSociale", pointer) ?? Text(value, "nom", pointer);
        return new DecpOrganization(type, id, name, pointer);
    }

    /// <summary>Reports a SIRET that is not 14 digits.</summary>
    public void CheckSiret(string siret, string pointer)
    {
        if (!DecpCodes.IsSiret(siret))
            scope.Report(RuleIds.DecpBadSiret, pointer, $"'{siret}' is not a SIRET (14 digits): kept as written.", siret);
    }

    private bool TryNumber(JsonElement obj, string name, string pointer, string ruleId, out JsonNumber number)
    {
        number = default;
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return false;
        if (value.ValueKind == JsonValueKind.Number) return JsonNumber.TryParse(value.GetRawText(), out number);
        if (value.ValueKind == JsonValueKind.String)
        {
            // French spreadsheets export "1 234,50": read it, and say it was text.
            var text = value.GetString()!.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
                .Replace("\u202F", "", StringComparison.Ordinal).Replace(',', '.');
            if (JsonNumber.TryParse(text, out number))
            {
                scope.Report(RuleIds.DecpWrongType, Child(pointer, name), $"'{name}' is a number written as text: read as {number.Text}.", value.GetString());
                return true;
            }
        }
        scope.Report(ruleId, Child(pointer, name), $"'{name}' is not a number: left out.", Raw(value));
        return false;
    }

    public static string Child(string pointer, string name) => JsonPointerText.Append(pointer, name);

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static void AddCode(List<string> codes, string code)
    {
        var trimmed = code.Trim();
        if (trimmed.Length > 0 && !codes.Contains(trimmed, StringComparer.OrdinalIgnoreCase)) codes.Add(trimmed);
    }

    /// <summary>A share as a percentage for text (<c>0.1</c> → <c>10 %</c>).</summary>
    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
