using OgpData.Findings;

namespace OgpData.Decp;

/// <summary>
/// The rule ids of problems met while converting DECP (données essentielles de la commande publique) to OCDS,
/// with the severity each is reported at. Proposed for the catalogue; until the lead adds them to
/// <see cref="RuleIds"/> they live here. Every finding names the JSON Pointer of the DECP value and, when the
/// value exists, its line and column.
/// </summary>
public static class DecpRuleIds
{
    /// <summary>A marché or concession has no <c>id</c>: no ocid can be built, so it is not converted (error).</summary>
    public const string MissingId = "DECP0001";

    /// <summary>A marché has no <c>acheteur.id</c>, or a concession no <c>autoriteConcedante.id</c>: not converted (error).</summary>
    public const string MissingBuyer = "DECP0002";

    /// <summary>A SIRET is not 14 digits; it is kept as written (warning).</summary>
    public const string BadSiret = "DECP0003";

    /// <summary>A date is not <c>AAAA-MM-JJ</c> (with an optional offset); the OCDS field it feeds is left out (warning).</summary>
    public const string BadDate = "DECP0004";

    /// <summary>A code is not one DECP defines (procédure, nature, type d'identifiant); kept as text, not mapped to a codelist (warning).</summary>
    public const string UnknownCode = "DECP0005";

    /// <summary>An amount is negative or not a number; the OCDS value is left out (warning).</summary>
    public const string BadAmount = "DECP0006";

    /// <summary>A duration in months is not a positive whole number (<c>"NC"</c>, 0, 1.5); the period's duration is left out (warning).</summary>
    public const string BadDuration = "DECP0007";

    /// <summary>A CPV code is not eight digits with an optional check digit; kept as written (warning).</summary>
    public const string BadCpv = "DECP0008";

    /// <summary>A value has the wrong JSON type (an object where a list is expected, a number written as text, ...):
    /// read when it can be, otherwise left out (warning).</summary>
    public const string WrongType = "DECP0009";

    /// <summary>The same marché (same buyer, id and number of updates) appears again; converted under a suffixed release id (warning).</summary>
    public const string DuplicateMarche = "DECP0010";

    /// <summary>An entry of a <c>marche</c> or <c>contrat-concession</c> list is not an object: not converted (error).</summary>
    public const string NotAnObject = "DECP0011";

    /// <summary>A member the converter does not map (outside DECP 2.0, or from a consolidation tool); reported once per name (info).</summary>
    public const string UnmappedField = "DECP0012";

    /// <summary>A modification has no id or no date; converted with what it has (warning).</summary>
    public const string IncompleteModification = "DECP0013";

    /// <summary>A bare <c>NaN</c> or <c>Infinity</c> (not JSON; written by Python tools for a missing number): read as absent (warning).</summary>
    public const string NonFiniteNumber = "DECP0014";

    /// <summary>The severity a rule is reported at.</summary>
    public static Severity SeverityOf(string ruleId) => ruleId switch
    {
        MissingId or MissingBuyer or NotAnObject => Severity.Error,
        UnmappedField => Severity.Info,
        _ => Severity.Warning,
    };

    /// <summary>Every rule id declared here, in order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MissingId, MissingBuyer, BadSiret, BadDate, UnknownCode, BadAmount, BadDuration, BadCpv, WrongType,
        DuplicateMarche, NotAnObject, UnmappedField, IncompleteModification, NonFiniteNumber,
    ];
}
