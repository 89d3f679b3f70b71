namespace OgpData.Decp;

/// <summary>Options for <see cref="DecpToOcdsConverter"/>.</summary>
public sealed record DecpConversionOptions
{
    /// <summary>
    /// The prefix used when none is given: of the <c>ocds-xxxxxx</c> form the OCDS tools check, but not a prefix
    /// registered with the Open Contracting Partnership. A publisher passes its own registered prefix.
    /// </summary>
    public const string DefaultOcidPrefix = "ocds-decpfr";

    /// <summary>The org-id.guide list for SIREN and SIRET numbers (Registre du commerce et des sociétés).</summary>
    public const string DefaultSiretScheme = "FR-RCS";

    /// <summary>
    /// The ocid prefix. Each marché becomes <c>&lt;prefix&gt;-&lt;buyer SIRET&gt;-&lt;DECP id&gt;</c>: a DECP id is
    /// unique only within its buyer, so the buyer's SIRET is part of the ocid.
    /// </summary>
    public string OcidPrefix { get; init; } = DefaultOcidPrefix;

    /// <summary>The <c>identifier.scheme</c> written for SIRET numbers (buyers always, suppliers of type SIRET).</summary>
    public string SiretScheme { get; init; } = DefaultSiretScheme;

    /// <summary>The package's <c>uri</c>.</summary>
    public string PackageUri { get; init; } = "urn:ogpdata:decp-to-ocds";

    /// <summary>The package's <c>publisher.name</c>.</summary>
    public string PublisherName { get; init; } = "Données essentielles de la commande publique (DECP)";

    /// <summary>The package's <c>license</c> (a URI), or null to leave it out.</summary>
    public string? License { get; init; }

    /// <summary>The package's <c>publishedDate</c>; null means the moment of conversion.</summary>
    public DateTimeOffset? PublishedDate { get; init; }

    /// <summary>How many findings <see cref="DecpConversionResult.Findings"/> keeps; the rest are counted only.</summary>
    public int MaxFindings { get; init; } = 10_000;

    /// <summary>Indent the JSON written.</summary>
    public bool Indented { get; init; }
}
