using System.Collections.Immutable;
using OgpData.Findings;

namespace OgpData.Decp;

/// <summary>What a DECP to OCDS conversion did: how many marchés and concessions it read and converted, and the problems it met.</summary>
public sealed record DecpConversionResult
{
    /// <summary>Entries read from the DECP lists (marchés and concessions), converted or not.</summary>
    public required int Entries { get; init; }

    /// <summary>Marchés converted to a release.</summary>
    public required int Marches { get; init; }

    /// <summary>Concessions converted to a release.</summary>
    public required int Concessions { get; init; }

    /// <summary>Releases written (<see cref="Marches"/> plus <see cref="Concessions"/>).</summary>
    public int Releases => Marches + Concessions;

    /// <summary>
    /// The problems, in the order met, each naming its pointer in the DECP file (and line and column when known);
    /// at most <see cref="DecpConversionOptions.MaxFindings"/>, the counts below cover them all.
    /// </summary>
    public required ImmutableArray<Finding> Findings { get; init; }

    /// <summary>Findings at error level, kept or not: entries that could not be converted.</summary>
    public required int Errors { get; init; }

    /// <summary>Findings at warning level, kept or not.</summary>
    public required int Warnings { get; init; }

    /// <summary>Findings at info level, kept or not.</summary>
    public required int Infos { get; init; }

    /// <summary>True when more findings were met than <see cref="Findings"/> holds.</summary>
    public bool FindingsTruncated => Errors + Warnings + Infos > Findings.Length;

    /// <summary>True when no finding is an error (every entry was converted).</summary>
    public bool Succeeded => Errors == 0;
}
