using System.Collections.Immutable;
using OgpData.Findings;

namespace OgpData.Validation;

/// <summary>How documents are validated: which schemas, which rules at which severity, how many findings kept.</summary>
public sealed record ValidationOptions
{
    /// <summary>Validate every document against this JSON Schema file instead of detecting its kind.</summary>
    public string? SchemaPath { get; init; }

    /// <summary>The folder holding the OCDS schemas and codelists (release-schema.json, codelists/*.csv).</summary>
    public string? OcdsSchemaDirectory { get; init; }

    /// <summary>Keep at most this many findings per file; counts stay totals. Null keeps all.</summary>
    public int? MaxFindings { get; init; }

    /// <summary>Per-rule severities that replace the catalogue's defaults; <see cref="Severity.None"/> turns a rule off.</summary>
    public ImmutableDictionary<string, Severity> Severities { get; init; } = ImmutableDictionary<string, Severity>.Empty;

    /// <summary>The severity a rule reports at under these options.</summary>
    public Severity SeverityOf(string ruleId, Severity defaultSeverity) =>
        Severities.TryGetValue(ruleId, out var configured) ? configured : defaultSeverity;
}
