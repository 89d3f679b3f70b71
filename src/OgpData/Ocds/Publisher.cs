using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>The publisher of a package.</summary>
public sealed record Publisher : ExtensibleObject
{
    /// <summary>The name of the publishing organization or department.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The scheme of <see cref="Uid"/>.</summary>
    [JsonPropertyName("scheme")]
    public string? Scheme { get; init; }

    /// <summary>The publisher's identifier in <see cref="Scheme"/>.</summary>
    [JsonPropertyName("uid")]
    public string? Uid { get; init; }

    /// <summary>A URI that identifies the publisher.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }
}
