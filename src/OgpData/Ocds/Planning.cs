using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>Information from the planning phase.</summary>
public sealed record Planning : ExtensibleObject
{
    /// <summary>The rationale for the procurement.</summary>
    [JsonPropertyName("rationale")]
    public string? Rationale { get; init; }

    /// <summary>The budget that funds the process.</summary>
    [JsonPropertyName("budget")]
    public Budget? Budget { get; init; }

    /// <summary>Planning documents.</summary>
    [JsonPropertyName("documents")]
    public ImmutableArray<Document>? Documents { get; init; }

    /// <summary>Planning milestones.</summary>
    [JsonPropertyName("milestones")]
    public ImmutableArray<Milestone>? Milestones { get; init; }
}
