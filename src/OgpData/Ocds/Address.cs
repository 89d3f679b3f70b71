using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A postal address.</summary>
public sealed record Address : ExtensibleObject
{
    /// <summary>The street address.</summary>
    [JsonPropertyName("streetAddress")]
    public string? StreetAddress { get; init; }

    /// <summary>The locality (town, city).</summary>
    [JsonPropertyName("locality")]
    public string? Locality { get; init; }

    /// <summary>The region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>The postal code.</summary>
    [JsonPropertyName("postalCode")]
    public string? PostalCode { get; init; }

    /// <summary>The country name.</summary>
    [JsonPropertyName("countryName")]
    public string? CountryName { get; init; }
}
