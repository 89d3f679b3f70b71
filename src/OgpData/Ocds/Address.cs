using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A postal address.</summary>
public sealed record Address : ExtensibleObject
{
    /// <summary>The street address.</summary>
    public string? StreetAddress { get; init; }

    /// <summary>The locality (town, city).</summary>
    public string? Locality { get; init; }

    /// <summary>The region.</summary>
    public string? Region { get; init; }

    /// <summary>The postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>The country name.</summary>
    public string? CountryName { get; init; }
}
