using System.Collections.Frozen;

namespace OgpData.Decp;

/// <summary>The DECP code lists the converter maps onto OCDS codelists, and the ones it only checks.</summary>
internal static class DecpCodes
{
    /// <summary>
    /// Procédures de passation to OCDS <c>procurementMethod</c>. A null value is a known procedure with no faithful
    /// method: a procédure adaptée is whatever the buyer makes it (advertised or not, open or not).
    /// Negotiated procedures without prior publication are <c>limited</c>, as in the OCDS eForms guidance.
    /// </summary>
    public static readonly FrozenDictionary<string, string?> ProcurementMethods = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        // Marchés, format 2.0.
        ["Procédure adaptée"] = null,
        ["Appel d'offres ouvert"] = "open",
        ["Appel d'offres restreint"] = "selective",
        ["Procédure avec négociation"] = "selective",
        ["Marché passé sans publicité ni mise en concurrence préalable"] = "limited",
        ["Dialogue compétitif"] = "selective",
        // Marchés, format 1.x (still found in consolidated files).
        ["Procédure concurrentielle avec négociation"] = "selective",
        ["Procédure négociée avec mise en concurrence préalable"] = "selective",
        ["Procédure négociée sans publicité ni mise en concurrence préalable"] = "limited",
        // Concessions.
        ["Procédure négociée ouverte"] = "open",
        ["Procédure non négociée ouverte"] = "open",
        ["Procédure négociée restreinte"] = "selective",
        ["Procédure non négociée restreinte"] = "selective",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Natures of marchés (2.0, and 1.x's accord-cadre and marché subséquent).</summary>
    public static readonly FrozenSet<string> MarcheNatures = new[]
    {
        "Marché", "Marché de partenariat", "Marché de défense ou de sécurité", "Accord-cadre", "Marché subséquent",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Natures of concessions, with the OCDS <c>mainProcurementCategory</c> each implies.</summary>
    public static readonly FrozenDictionary<string, string> ConcessionNatures = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Concession de travaux"] = "works",
        ["Concession de service"] = "services",
        ["Concession de service public"] = "services",
        ["Délégation de service public"] = "services",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Types d'identifiant of titulaires and concessionnaires.</summary>
    public static readonly FrozenSet<string> IdentifierTypes = new[]
    {
        "SIRET", "TVA", "TAHITI", "RIDET", "FRWF", "IREP", "HORS-UE", "UE",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Techniques d'achat that say how tenders were submitted (OCDS <c>submissionMethod</c>).</summary>
    public static readonly FrozenDictionary<string, string> SubmissionMethods = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Enchère électronique"] = "electronicAuction",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Considérations that are award criteria (the rest are contract clauses or reserved contracts).</summary>
    public static bool IsCriterion(string consideration) => consideration.StartsWith("Critère", StringComparison.OrdinalIgnoreCase);

    /// <summary>Considérations that reserve the contract to some operators (an eligibility matter).</summary>
    public static bool IsReservation(string consideration) =>
        consideration.Contains("réservé", StringComparison.OrdinalIgnoreCase);

    /// <summary>The "none" answers (<c>Pas de considération sociale</c>, <c>Sans objet</c>), which carry no information for OCDS.</summary>
    public static bool IsNone(string code) =>
        code.StartsWith("Pas de ", StringComparison.OrdinalIgnoreCase) || code.Equals("Sans objet", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The CPV code without its check digit (<c>45000000-7</c> → <c>45000000</c>), or null when it is not eight digits
    /// with an optional <c>-d</c>.
    /// </summary>
    public static string? CpvCode(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.Length is not (8 or 10)) return null;
        for (var i = 0; i < 8; i++)
        {
            if (!char.IsAsciiDigit(span[i])) return null;
        }
        if (span.Length == 10 && (span[8] != '-' || !char.IsAsciiDigit(span[9]))) return null;
        return span[..8].ToString();
    }

    /// <summary>
    /// The OCDS <c>mainProcurementCategory</c> of a CPV code: division 45 is works, divisions 03 to 44 and 48 are
    /// supplies (goods), 50 and above are services.
    /// </summary>
    public static string? CategoryOfCpv(string cpv)
    {
        var division = (cpv[0] - '0') * 10 + (cpv[1] - '0');
        return division switch
        {
            45 => "works",
            48 => "goods",
            >= 3 and <= 44 => "goods",
            >= 50 => "services",
            _ => null,
        };
    }

    /// <summary>True for a SIRET: fourteen digits.</summary>
    public static bool IsSiret(string text)
    {
        if (text.Length != 14) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }
}
