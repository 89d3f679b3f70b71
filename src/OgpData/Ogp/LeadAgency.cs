using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>The institution that leads a commitment.</summary>
public sealed record LeadAgency : ExtensibleObject
{
    /// <summary>The name of the institution.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>An identifier of the institution.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }
}
