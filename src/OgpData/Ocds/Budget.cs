using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>The budget line that funds a contracting process.</summary>
public sealed record Budget : ExtensibleObject
{
    /// <summary>An identifier for the budget line.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>A description of the budget source.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The amount budgeted.</summary>
    [JsonPropertyName("amount")]
    public Value? Amount { get; init; }

    /// <summary>The name of the project funded.</summary>
    [JsonPropertyName("project")]
    public string? Project { get; init; }

    /// <summary>An identifier of the project funded.</summary>
    [JsonPropertyName("projectID")]
    public OcdsId? ProjectId { get; init; }

    /// <summary>A URI for the budget line.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }

    /// <summary>A URI for the source of the budget data (deprecated in 1.1).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
}
