using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>The unit in which an item is provided, and its price.</summary>
public sealed record Unit : ExtensibleObject
{
    /// <summary>The unit scheme (unitClassificationScheme codelist).</summary>
    [JsonPropertyName("scheme")]
    public string? Scheme { get; init; }

    /// <summary>The unit identifier in <see cref="Scheme"/>.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>The name of the unit.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The price of one unit.</summary>
    [JsonPropertyName("value")]
    public Value? Value { get; init; }

    /// <summary>A machine-readable URI for the unit.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }
}
