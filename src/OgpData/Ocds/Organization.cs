using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A party: an organization involved in the contracting process, with its roles.</summary>
public sealed record Organization : ExtensibleObject
{
    /// <summary>The organization's common name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The party identifier, referred to by organization references.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>The organization's primary identifier.</summary>
    [JsonPropertyName("identifier")]
    public Identifier? Identifier { get; init; }

    /// <summary>Other identifiers of the organization.</summary>
    [JsonPropertyName("additionalIdentifiers")]
    public ImmutableArray<Identifier>? AdditionalIdentifiers { get; init; }

    /// <summary>The organization's address.</summary>
    [JsonPropertyName("address")]
    public Address? Address { get; init; }

    /// <summary>A contact point.</summary>
    [JsonPropertyName("contactPoint")]
    public ContactPoint? ContactPoint { get; init; }

    /// <summary>The party's roles (partyRole codelist: <c>buyer</c>, <c>supplier</c>, ...).</summary>
    [JsonPropertyName("roles")]
    public ImmutableArray<string>? Roles { get; init; }

    /// <summary>Additional classification of the party, kept as JSON.</summary>
    [JsonPropertyName("details")]
    public JsonElement? Details { get; init; }
}
