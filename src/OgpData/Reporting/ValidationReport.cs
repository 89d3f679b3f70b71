using System.Collections.Immutable;
using OgpData.Findings;

namespace OgpData.Reporting;

/// <summary>What one run of validation found, over every file it read.</summary>
public sealed record ValidationReport
{
    /// <summary>The tool's name, written in the report's <c>tool</c> object.</summary>
    public string ToolName { get; init; } = "ogpdata";

    /// <summary>The tool's version.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>One entry per file, in the order they were given.</summary>
    public required ImmutableArray<FileReport> Files { get; init; }

    /// <summary>The most serious finding severity across all files (<see cref="Severity.None"/> when there is none).</summary>
    public Severity HighestSeverity
    {
        get
        {
            var highest = Severity.None;
            foreach (var file in Files)
            {
                if (file.Counts.Errors > 0) return Severity.Error;
                if (file.Counts.Warnings > 0) highest = Severity.Warning;
                else if (file.Counts.Infos > 0 && highest < Severity.Info) highest = Severity.Info;
            }
            return highest;
        }
    }
}

/// <summary>The findings of one file.</summary>
public sealed record FileReport
{
    /// <summary>The path as the user gave it (or as found under a folder they gave).</summary>
    public required string Path { get; init; }

    /// <summary>What the file is: see <see cref="DocumentKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Totals over the whole file, even when <see cref="Findings"/> is capped.</summary>
    public required FindingCounts Counts { get; init; }

    /// <summary>The findings, in file order, possibly capped (<see cref="Truncated"/>).</summary>
    public required ImmutableArray<Finding> Findings { get; init; }

    /// <summary>True when findings were left out because of a cap (<c>--max-errors</c>).</summary>
    public bool Truncated => Counts.Total > Findings.Length;

    /// <summary>A file is valid when it has no error (warnings and infos do not make it invalid).</summary>
    public bool Valid => Counts.Errors == 0;

    /// <summary>
    /// Which checks ran on the file and which did not, and why (see <see cref="CheckNames"/>): "no error" means
    /// something only for the checks that ran, so every report says which those were.
    /// </summary>
    public ImmutableArray<CheckOutcome> Checks { get; init; } = [];

    /// <summary>True when the file's schema check did not run (an OCDS file with no schema source, a sheet).</summary>
    public bool SchemaNotChecked
    {
        get
        {
            foreach (var check in Checks)
            {
                if (check.Check == CheckNames.Schema) return !check.Ran;
            }
            return false;
        }
    }
}

/// <summary>Whether one check ran on a file: what it used when it ran, why not when it did not.</summary>
public sealed record CheckOutcome
{
    /// <summary>The check: one of <see cref="CheckNames"/>.</summary>
    public required string Check { get; init; }

    /// <summary>True when the check ran.</summary>
    public required bool Ran { get; init; }

    /// <summary>What the check used (when it ran) or why it did not run and how to make it run, in English.</summary>
    public required string Note { get; init; }

    /// <summary>A check that ran, with what it used.</summary>
    public static CheckOutcome Done(string check, string note) => new() { Check = check, Ran = true, Note = note };

    /// <summary>A check that did not run, with why.</summary>
    public static CheckOutcome Skipped(string check, string reason) => new() { Check = check, Ran = false, Note = reason };
}

/// <summary>The names of the checks a file report lists in <see cref="FileReport.Checks"/>.</summary>
public static class CheckNames
{
    /// <summary>The JSON Schema: the commitment-package schema, the OCDS schemas, or the one given with <c>--schema</c>.</summary>
    public const string Schema = "schema";

    /// <summary>The OCDS checks read from the schema: codelists, deprecated and additional fields, extensions.</summary>
    public const string SchemaRules = "schemaRules";

    /// <summary>The data-quality rules: OGP0001–OGP0011 on commitments, the OCDS checks that need no schema.</summary>
    public const string Rules = "rules";

    /// <summary>Property names given twice in one object (JSON0001).</summary>
    public const string DuplicateProperties = "duplicateProperties";
}

/// <summary>How many findings of each severity a file has, and how many records it holds.</summary>
public sealed record FindingCounts
{
    /// <summary>Findings of severity error.</summary>
    public long Errors { get; init; }

    /// <summary>Findings of severity warning.</summary>
    public long Warnings { get; init; }

    /// <summary>Findings of severity info.</summary>
    public long Infos { get; init; }

    /// <summary>Records in the file: releases, records, or commitments; 1 for a single document.</summary>
    public long Records { get; init; }

    /// <summary>Every finding, whatever its severity.</summary>
    public long Total => Errors + Warnings + Infos;

    /// <summary>Counts of a list of findings.</summary>
    public static FindingCounts Of(IEnumerable<Finding> findings, long records)
    {
        long errors = 0, warnings = 0, infos = 0;
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case Severity.Error: errors++; break;
                case Severity.Warning: warnings++; break;
                case Severity.Info: infos++; break;
            }
        }
        return new FindingCounts { Errors = errors, Warnings = warnings, Infos = infos, Records = records };
    }
}

/// <summary>The values of a file report's <c>kind</c> (section 7 of the design): the one place these names are
/// written. <see cref="OgpData.Streaming.DocumentKindNames.ToName"/> maps each detected
/// <see cref="OgpData.Streaming.DocumentKind"/> to one of them.</summary>
public static class DocumentKinds
{
    /// <summary>An OGP commitment package (<c>actionPlans</c>).</summary>
    public const string OgpCommitmentPackage = "ogp-commitment-package";
    /// <summary>An OCDS release package (<c>releases</c>).</summary>
    public const string OcdsReleasePackage = "ocds-release-package";
    /// <summary>An OCDS record package (<c>records</c>).</summary>
    public const string OcdsRecordPackage = "ocds-record-package";
    /// <summary>A single OCDS release.</summary>
    public const string OcdsRelease = "ocds-release";
    /// <summary>A single OCDS record.</summary>
    public const string OcdsRecord = "ocds-record";
    /// <summary>JSON Lines, one release (or package) a line.</summary>
    public const string OcdsReleasesJsonLines = "ocds-releases-jsonl";
    /// <summary>A JSON array of release or record packages.</summary>
    public const string OcdsPackageArray = "ocds-package-array";
    /// <summary>A JSON array of releases.</summary>
    public const string OcdsReleaseArray = "ocds-release-array";
    /// <summary>A spreadsheet (commitment template or flattened OCDS).</summary>
    public const string Csv = "csv";
    /// <summary>Any other JSON document (validated with <c>--schema</c>).</summary>
    public const string Json = "json";
    /// <summary>Not JSON, or empty: nothing could be recognised.</summary>
    public const string Unknown = "unknown";
}
