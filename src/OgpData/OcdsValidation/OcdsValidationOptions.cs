using System.Collections.Immutable;
using System.Text.Json;
using OgpData.Findings;
using OgpData.Streaming;

namespace OgpData.OcdsValidation;

/// <summary>
/// Validates one item against the (extended) schema and returns its findings with pointers relative to the
/// item. Called from several threads at once: it must be thread-safe.
/// </summary>
/// <param name="item">A release, a record, or a package's metadata (without its items array).</param>
/// <param name="kind">Which of those it is, so the right schema is used (see <see cref="OcdsSchemaSet"/>).</param>
public delegate IReadOnlyList<Finding> OcdsSchemaCheck(JsonElement item, OcdsItemKind kind);

/// <summary>How <see cref="OcdsValidator"/> validates an input.</summary>
public sealed record OcdsValidationOptions
{
    /// <summary>The core OCDS schemas and codelists. Without them the checks that read the schema (additional and deprecated fields, codelists, missing ids) find nothing.</summary>
    public OcdsSchemaSet? Schemas { get; init; }

    /// <summary>
    /// The versions of the standard on offer. When set, each package is checked against the version its
    /// <c>version</c> field names (1.0 when it has none), or <see cref="Version"/>; <see cref="Schemas"/> then
    /// only serves inputs that are not packages (a release, JSON Lines), unless <see cref="Version"/> is given.
    /// </summary>
    public OcdsSchemaVersions? Versions { get; init; }

    /// <summary>
    /// Check every input against this version (<c>1.0</c>, <c>1.1</c> or a full <c>1.1.5</c>) whatever a package
    /// declares. Null (the default) follows each package's <c>version</c>.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>
    /// Builds the schema validation for a schema set once the package's extensions are merged in (called once
    /// per distinct extension list). By default <see cref="OcdsSchemaChecks.Create"/>: whenever a schema source
    /// is given (<see cref="Schemas"/> or <see cref="Versions"/>), every item is validated against the JSON Schema
    /// as <c>ogpdata validate</c> does. Null turns JSON Schema validation off, leaving only the OCDS checks.
    /// </summary>
    public Func<OcdsSchemaSet, OcdsSchemaCheck>? SchemaCheckFactory { get; init; } = OcdsSchemaChecks.Create;

    /// <summary>Where extensions may be read from; by default nothing remote and nothing local.</summary>
    public OcdsExtensionOptions Extensions { get; init; } = new();

    /// <summary>
    /// The encoding the input came in, when a caller detected it and hands on the content already as UTF-8
    /// (the validator then sees UTF-8 and could not tell); null to detect it from the stream.
    /// </summary>
    internal string? SourceEncoding { get; init; }

    /// <summary>The most findings kept in the result; the counts stay totals.</summary>
    public int MaxFindings { get; init; } = 1000;

    /// <summary>
    /// How many objects and arrays may be nested in the input (as <see cref="System.Text.Json.JsonReaderOptions.MaxDepth"/>
    /// counts them); deeper input is unreadable. Default 256.
    /// </summary>
    public int MaxDepth { get; init; } = OcdsStreamReader.MaxDepth;

    /// <summary>The longest string value or property name, in UTF-16 characters; a longer one makes the input unreadable. No limit by default.</summary>
    public int MaxStringLength { get; init; } = int.MaxValue;

    /// <summary>How many items are validated at once (all cores by default).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Severity overrides by rule id; <see cref="Severity.None"/> switches a rule off.</summary>
    public ImmutableDictionary<string, Severity> Severities { get; init; } = ImmutableDictionary<string, Severity>.Empty;

    /// <summary>The severity a rule reports at under these options.</summary>
    public Severity SeverityOf(string ruleId) =>
        Severities.TryGetValue(ruleId, out var severity) ? severity : RuleCatalog.Find(ruleId)?.DefaultSeverity ?? Severity.Error;
}

/// <summary>What validating one input found.</summary>
public sealed record OcdsValidationResult
{
    /// <summary>What the input is; inputs that are not OCDS are returned unchecked.</summary>
    public required DocumentKind Kind { get; init; }

    /// <summary><c>gzip</c> when the input was compressed.</summary>
    public string? Compression { get; init; }

    /// <summary>How many releases or records were read.</summary>
    public required long Records { get; init; }

    /// <summary>How many findings are errors (all of them, not only those kept).</summary>
    public required long Errors { get; init; }

    /// <summary>How many findings are warnings.</summary>
    public required long Warnings { get; init; }

    /// <summary>How many findings are informational.</summary>
    public required long Infos { get; init; }

    /// <summary>The findings in file order, at most <see cref="OcdsValidationOptions.MaxFindings"/>.</summary>
    public required ImmutableArray<Finding> Findings { get; init; }

    /// <summary>True when more findings were found than kept.</summary>
    public bool FindingsTruncated => Errors + Warnings + Infos > Findings.Length;

    /// <summary>The extensions that were merged into the schema, across all packages of the input.</summary>
    public ImmutableArray<OcdsExtension> Extensions { get; init; } = [];

    /// <summary>Why the input could not be read to its end (broken JSON, truncated file), or null.</summary>
    public string? Unreadable { get; init; }

    /// <summary>No errors.</summary>
    public bool Valid => Errors == 0;
}
