using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A good, service or work to be bought.</summary>
public sealed record Item : ExtensibleObject
{
    /// <summary>The item identifier.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>A description of the item.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The item's primary classification.</summary>
    [JsonPropertyName("classification")]
    public Classification? Classification { get; init; }

    /// <summary>Other classifications of the item.</summary>
    [JsonPropertyName("additionalClassifications")]
    public ImmutableArray<Classification>? AdditionalClassifications { get; init; }

    /// <summary>The number of units (kept as written).</summary>
    [JsonPropertyName("quantity")]
    public JsonNumber? Quantity { get; init; }

    /// <summary>The unit and unit price.</summary>
    [JsonPropertyName("unit")]
    public Unit? Unit { get; init; }
}
