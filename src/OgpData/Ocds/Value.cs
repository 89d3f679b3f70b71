using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A monetary value: an amount and its currency.</summary>
public sealed record Value : ExtensibleObject
{
    /// <summary>The amount, exactly as written (<c>1.50</c> stays <c>1.50</c>).</summary>
    [JsonPropertyName("amount")]
    public JsonNumber? Amount { get; init; }

    /// <summary>The ISO 4217 currency code.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }
}
