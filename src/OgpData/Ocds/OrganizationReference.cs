using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A reference to an organization in <see cref="Release.Parties"/>, by its id.</summary>
public sealed record OrganizationReference : ExtensibleObject
{
    /// <summary>The organization's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The <see cref="Organization.Id"/> of the party referred to.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>The organization's primary identifier (deprecated in 1.1).</summary>
    [JsonPropertyName("identifier")]
    public Identifier? Identifier { get; init; }

    /// <summary>The organization's address (deprecated in 1.1).</summary>
    [JsonPropertyName("address")]
    public Address? Address { get; init; }

    /// <summary>Other identifiers (deprecated in 1.1).</summary>
    [JsonPropertyName("additionalIdentifiers")]
    public ImmutableArray<Identifier>? AdditionalIdentifiers { get; init; }

    /// <summary>A contact point (deprecated in 1.1).</summary>
    [JsonPropertyName("contactPoint")]
    public ContactPoint? ContactPoint { get; init; }
}
