using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A person, department or service to contact.</summary>
public sealed record ContactPoint : ExtensibleObject
{
    /// <summary>The name of the contact.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The e-mail address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The telephone number.</summary>
    [JsonPropertyName("telephone")]
    public string? Telephone { get; init; }

    /// <summary>The fax number.</summary>
    [JsonPropertyName("faxNumber")]
    public string? FaxNumber { get; init; }

    /// <summary>A web address.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }
}
