using System.Collections.Immutable;
using System.Text.Json;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A party: an organization involved in the contracting process, with its roles.</summary>
public sealed record Organization : ExtensibleObject
{
    /// <summary>The organization's common name.</summary>
    public string? Name { get; init; }

    /// <summary>The party identifier, referred to by organization references.</summary>
    public OcdsId? Id { get; init; }

    /// <summary>The organization's primary identifier.</summary>
    public Identifier? Identifier { get; init; }

    /// <summary>Other identifiers of the organization.</summary>
    public ImmutableArray<Identifier>? AdditionalIdentifiers { get; init; }

    /// <summary>The organization's address.</summary>
    public Address? Address { get; init; }

    /// <summary>A contact point.</summary>
    public ContactPoint? ContactPoint { get; init; }

    /// <summary>The party's roles (partyRole codelist: <c>buyer</c>, <c>supplier</c>, ...).</summary>
    public ImmutableArray<string>? Roles { get; init; }

    /// <summary>Additional classification of the party, kept as JSON.</summary>
    public JsonElement? Details { get; init; }
}
