using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>A national (or local) action plan of an OGP member.</summary>
public sealed record ActionPlan : ExtensibleObject
{
    /// <summary>The plan identifier, unique in the package (<c>LU-2019-2021</c>). Required.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The OGP member: ISO 3166-1 alpha-2 code or local member id. Required.</summary>
    [JsonPropertyName("member")]
    public required string Member { get; init; }

    /// <summary>The title of the plan.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The language of the plan's text (<c>fr</c>, <c>en</c>).</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>The period the plan covers.</summary>
    [JsonPropertyName("period")]
    public Period? Period { get; init; }

    /// <summary>The commitments of the plan (required by the schema).</summary>
    [JsonPropertyName("commitments")]
    public ImmutableArray<Commitment>? Commitments { get; init; }
}
