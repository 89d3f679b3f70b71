using System.Text.Json;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>One changed field of an amendment (deprecated in 1.1).</summary>
public sealed record Change : ExtensibleObject
{
    /// <summary>The name of the changed property, relative to the amendment's place.</summary>
    [JsonPropertyName("property")]
    public string? Property { get; init; }

    /// <summary>The previous value, of whatever JSON type.</summary>
    [JsonPropertyName("former_value")]
    public JsonElement? FormerValue { get; init; }
}
