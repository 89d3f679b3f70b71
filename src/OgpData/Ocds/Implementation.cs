using System.Collections.Immutable;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>Information during the performance of a contract.</summary>
public sealed record Implementation : ExtensibleObject
{
    /// <summary>Payments made under the contract.</summary>
    public ImmutableArray<Transaction>? Transactions { get; init; }

    /// <summary>Implementation milestones.</summary>
    public ImmutableArray<Milestone>? Milestones { get; init; }

    /// <summary>Implementation documents.</summary>
    public ImmutableArray<Document>? Documents { get; init; }
}
