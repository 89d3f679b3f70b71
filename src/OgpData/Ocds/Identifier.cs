using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>An identifier of an organization in a registration scheme.</summary>
public sealed record Identifier : ExtensibleObject
{
    /// <summary>The scheme (org-id.guide list code).</summary>
    [JsonPropertyName("scheme")]
    public string? Scheme { get; init; }

    /// <summary>The identifier in <see cref="Scheme"/>.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>The legally registered name.</summary>
    [JsonPropertyName("legalName")]
    public string? LegalName { get; init; }

    /// <summary>A URI for the organization.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }
}
