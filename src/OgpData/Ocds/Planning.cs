using System.Collections.Immutable;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>Information from the planning phase.</summary>
public sealed record Planning : ExtensibleObject
{
    /// <summary>The rationale for the procurement.</summary>
    public string? Rationale { get; init; }

    /// <summary>The budget that funds the process.</summary>
    public Budget? Budget { get; init; }

    /// <summary>Planning documents.</summary>
    public ImmutableArray<Document>? Documents { get; init; }

    /// <summary>Planning milestones.</summary>
    public ImmutableArray<Milestone>? Milestones { get; init; }
}
