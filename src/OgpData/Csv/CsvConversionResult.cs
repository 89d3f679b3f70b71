using System.Collections.Immutable;
using OgpData.Findings;

namespace OgpData.Csv;

/// <summary>What a conversion did: how many records, which files it wrote, and the problems it met.</summary>
public sealed record CsvConversionResult
{
    /// <summary>Records converted (releases, commitments).</summary>
    public required int Records { get; init; }

    /// <summary>The files written, in the order they were opened.</summary>
    public ImmutableArray<string> Files { get; init; } = [];

    /// <summary>Every problem, in the order met; each names its row and column where it has them.</summary>
    public required ImmutableArray<CsvProblem> Problems { get; init; }

    /// <summary>True when no problem is an error.</summary>
    public bool Succeeded => !Problems.Any(p => p.Severity == Severity.Error);

    /// <summary>The problems as report findings.</summary>
    public ImmutableArray<Finding> Findings => [.. Problems.Select(p => p.ToFinding())];
}
