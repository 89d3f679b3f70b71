using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>The publisher of a commitment package.</summary>
public sealed record Publisher : ExtensibleObject
{
    /// <summary>The name of the publishing organization.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A URI that identifies the publisher.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }
}
