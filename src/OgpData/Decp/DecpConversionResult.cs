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

    /// <summary>Every problem, in the order met, each naming its pointer in the DECP file (and line and column when known).</summary>
    public required ImmutableArray<Finding> Findings { get; init; }

    /// <summary>True when no finding is an error (every entry was converted).</summary>
    public bool Succeeded => !Findings.Any(f => f.Severity == Severity.Error);
}
