using System.Collections.Immutable;
using OgpData.Findings;
using OgpData.OcdsValidation;

namespace OgpData.Validation;

/// <summary>How documents are validated: which schemas, which rules at which severity, how many findings kept.</summary>
public sealed record ValidationOptions
{
    /// <summary>Validate every document against this JSON Schema file instead of detecting its kind.</summary>
    public string? SchemaPath { get; init; }

    /// <summary>
    /// The OCDS schemas and codelists: a folder laid out like the standard's <c>schema/</c> folder
    /// (release-schema.json, codelists/*.csv), a folder of such folders (one per version, e.g. <c>1.0.3/</c> and
    /// <c>1.1.5/</c>), or a zip of either.
    /// </summary>
    public string? OcdsSchemaDirectory { get; init; }

    /// <summary>
    /// With no <see cref="OcdsSchemaDirectory"/>: download the official schemas of each version into
    /// <see cref="OcdsSchemaCacheDirectory"/> the first time it is needed. Off by default: nothing is fetched unless asked.
    /// </summary>
    public bool OcdsSchemaDownload { get; init; }

    /// <summary>Where downloaded schemas are kept; null uses <see cref="OcdsSchemaVersions.DefaultCacheDirectory"/>.</summary>
    public string? OcdsSchemaCacheDirectory { get; init; }

    /// <summary>The folder the versions are downloaded from; null uses <see cref="OcdsSchemaVersions.OfficialRoot"/> (set it for a mirror).</summary>
    public Uri? OcdsSchemaUrl { get; init; }

    /// <summary>Check OCDS data against this version (<c>1.0</c>, <c>1.1</c>) whatever packages declare; null follows each package's <c>version</c>.</summary>
    public string? OcdsVersion { get; init; }

    /// <summary>Fetch a package's http(s) extensions; off by default, when they are reported as not applied.</summary>
    public bool DownloadExtensions { get; init; }

    /// <summary>Told what is about to be downloaded, before it is (the CLI writes it to standard error).</summary>
    public Action<string>? Notice { get; init; }

    /// <summary>Keep at most this many findings per file; counts stay totals. Null keeps all.</summary>
    public int? MaxFindings { get; init; }

    /// <summary>Per-rule severities that replace the catalogue's defaults; <see cref="Severity.None"/> turns a rule off.</summary>
    public ImmutableDictionary<string, Severity> Severities { get; init; } = ImmutableDictionary<string, Severity>.Empty;

    /// <summary>The severity a rule reports at under these options.</summary>
    public Severity SeverityOf(string ruleId, Severity defaultSeverity) =>
        Severities.TryGetValue(ruleId, out var configured) ? configured : defaultSeverity;
}
