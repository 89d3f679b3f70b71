using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>A person to contact about a commitment. Personal data belongs here, not in public free text.</summary>
public sealed record Contact : ExtensibleObject
{
    /// <summary>The name of the person.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The person's job title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The person's organization.</summary>
    [JsonPropertyName("organization")]
    public string? Organization { get; init; }

    /// <summary>The e-mail address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The telephone number.</summary>
    [JsonPropertyName("telephone")]
    public string? Telephone { get; init; }
}
