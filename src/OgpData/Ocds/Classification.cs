using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A classification of an item (CPV, UNSPSC, ...).</summary>
public sealed record Classification : ExtensibleObject
{
    /// <summary>The classification scheme (itemClassificationScheme codelist).</summary>
    [JsonPropertyName("scheme")]
    public string? Scheme { get; init; }

    /// <summary>The code in <see cref="Scheme"/>.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>A text description of the code.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>A URI for the code.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }
}
