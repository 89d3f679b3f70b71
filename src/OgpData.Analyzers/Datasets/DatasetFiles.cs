using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OgpData.Analyzers.Datasets;

/// <summary>What a dataset file given to the analyzers holds, and so which rules read it.</summary>
internal enum DatasetKind
{
    /// <summary>Not a dataset: the analyzers leave the file alone.</summary>
    None,
    /// <summary>An OGP commitment package as JSON.</summary>
    CommitmentsJson,
    /// <summary>Commitments as a flatten-tool CSV sheet (one row per milestone).</summary>
    CommitmentsCsv,
}

/// <summary>
/// Decides which AdditionalFiles are datasets: by name (<c>*.commitments.json</c>, <c>*.commitments.csv</c>),
/// or by the <c>OgpDataKind</c> item metadata, which wins (<c>commitments</c> to include any file, <c>none</c>
/// to leave one out). The metadata reaches the analyzers through <c>CompilerVisibleItemMetadata</c>, declared
/// by the package's buildTransitive targets.
/// </summary>
internal static class DatasetFiles
{
    /// <summary>The analyzer config key of the item metadata.</summary>
    public const string KindMetadataKey = "build_metadata.AdditionalFiles.OgpDataKind";

    /// <summary>The file-name suffix of commitment packages.</summary>
    public const string JsonSuffix = ".commitments.json";

    /// <summary>The file-name suffix of commitment sheets.</summary>
    public const string CsvSuffix = ".commitments.csv";

    /// <summary>The kind of the file at <paramref name="path"/> with its analyzer config options.</summary>
    public static DatasetKind KindOf(string path, AnalyzerConfigOptions options)
    {
        var csv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (options.TryGetValue(KindMetadataKey, out var declared) && declared.Trim().Length > 0)
        {
            switch (declared.Trim().ToLowerInvariant())
            {
                case "commitments": return csv ? DatasetKind.CommitmentsCsv : DatasetKind.CommitmentsJson;
                case "commitments-json": return DatasetKind.CommitmentsJson;
                case "commitments-csv": return DatasetKind.CommitmentsCsv;
                default: return DatasetKind.None;
            }
        }
        if (path.EndsWith(JsonSuffix, StringComparison.OrdinalIgnoreCase)) return DatasetKind.CommitmentsJson;
        if (path.EndsWith(CsvSuffix, StringComparison.OrdinalIgnoreCase)) return DatasetKind.CommitmentsCsv;
        return DatasetKind.None;
    }
}
