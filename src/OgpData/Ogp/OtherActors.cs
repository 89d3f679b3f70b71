using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>Other actors involved in a commitment.</summary>
public sealed record OtherActors : ExtensibleObject
{
    /// <summary>Government bodies involved.</summary>
    [JsonPropertyName("government")]
    public ImmutableArray<string>? Government { get; init; }

    /// <summary>Civil society organizations, private sector and others involved.</summary>
    [JsonPropertyName("civilSociety")]
    public ImmutableArray<string>? CivilSociety { get; init; }
}
