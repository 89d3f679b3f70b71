using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>Information during the performance of a contract.</summary>
public sealed record Implementation : ExtensibleObject
{
    /// <summary>Payments made under the contract.</summary>
    [JsonPropertyName("transactions")]
    public ImmutableArray<Transaction>? Transactions { get; init; }

    /// <summary>Implementation milestones.</summary>
    [JsonPropertyName("milestones")]
    public ImmutableArray<Milestone>? Milestones { get; init; }

    /// <summary>Implementation documents.</summary>
    [JsonPropertyName("documents")]
    public ImmutableArray<Document>? Documents { get; init; }
}
