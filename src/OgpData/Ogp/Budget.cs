using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>The budget of a commitment.</summary>
public sealed record Budget : ExtensibleObject
{
    /// <summary>The amount, exactly as written.</summary>
    [JsonPropertyName("amount")]
    public JsonNumber? Amount { get; init; }

    /// <summary>The ISO 4217 currency code.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    /// <summary>A description of the budget.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
