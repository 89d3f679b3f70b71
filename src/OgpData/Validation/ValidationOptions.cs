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

    /// <summary>
    /// How OGP0001 judges milestones: the score below which it warns, the uncertain band and whether uncertain
    /// milestones are reported at info. Null keeps <see cref="OgpData.Measurability.MeasurabilityOptions.Default"/>.
    /// </summary>
    public OgpData.Measurability.MeasurabilityOptions? Measurability { get; init; }

    /// <summary>Per-rule severities that replace the catalogue's defaults; <see cref="Severity.None"/> turns a rule off.</summary>
    public ImmutableDictionary<string, Severity> Severities { get; init; } = ImmutableDictionary<string, Severity>.Empty;

    /// <summary>
    /// The default <see cref="MaxDepth"/>: 256. Real OCDS nests at most about 12 levels (a record's versioned
    /// releases), commitment packages 6; 256 leaves a wide margin while keeping every recursive step (schema
    /// evaluation, the OCDS checks) far from the thread's stack.
    /// </summary>
    public const int DefaultMaxDepth = 256;

    /// <summary>
    /// The highest <see cref="MaxDepth"/> accepted: 512, the depth the schema engine is tested to evaluate on a
    /// 1 MB thread stack (past its own guard it reports an error rather than overflow).
    /// </summary>
    public const int MaxDepthCeiling = 512;

    /// <summary>
    /// The default <see cref="MaxStringLength"/>: 64 Mi characters. No text field of a plan or a procurement
    /// record comes near it (descriptions run to kilobytes, an embedded document to a few megabytes), so a longer
    /// string is a broken or hostile file; the limit stays far below the runtime's own string size limit.
    /// </summary>
    public const int DefaultMaxStringLength = 64 * 1024 * 1024;

    /// <summary>
    /// The size cap on inputs read whole (commitment packages, sheets, documents checked with
    /// <see cref="SchemaPath"/>) when <see cref="MaxFileSize"/> is not set: 256 MiB. Reading one whole costs
    /// several times its size in memory; streamed OCDS inputs are not capped by default, their memory stays flat.
    /// </summary>
    public const long DefaultMaxWholeFileSize = 256L * 1024 * 1024;

    /// <summary>
    /// How many objects and arrays may be nested, from 1 to <see cref="MaxDepthCeiling"/>. Deeper input is
    /// refused as unreadable, with its line and column. Default <see cref="DefaultMaxDepth"/>.
    /// </summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>
    /// The longest string value or property name, in characters, in every input (streamed OCDS data too). Longer is refused as
    /// unreadable. Default <see cref="DefaultMaxStringLength"/>.
    /// </summary>
    public int MaxStringLength { get; init; } = DefaultMaxStringLength;

    /// <summary>
    /// The largest input in bytes (after decompression for inputs read whole; on disk for streamed ones). Null
    /// (the default) caps inputs read whole at <see cref="DefaultMaxWholeFileSize"/> and leaves streamed inputs
    /// uncapped.
    /// </summary>
    public long? MaxFileSize { get; init; }

    /// <summary>The cap on an input read whole under these options.</summary>
    public long WholeFileCap => MaxFileSize ?? DefaultMaxWholeFileSize;

    /// <summary>The severity a rule reports at under these options.</summary>
    public Severity SeverityOf(string ruleId, Severity defaultSeverity) =>
        Severities.TryGetValue(ruleId, out var configured) ? configured : defaultSeverity;
}
