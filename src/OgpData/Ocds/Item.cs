using System.Collections.Immutable;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A good, service or work to be bought.</summary>
public sealed record Item : ExtensibleObject
{
    /// <summary>The item identifier.</summary>
    public OcdsId? Id { get; init; }

    /// <summary>A description of the item.</summary>
    public string? Description { get; init; }

    /// <summary>The item's primary classification.</summary>
    public Classification? Classification { get; init; }

    /// <summary>Other classifications of the item.</summary>
    public ImmutableArray<Classification>? AdditionalClassifications { get; init; }

    /// <summary>The number of units (kept as written).</summary>
    public JsonNumber? Quantity { get; init; }

    /// <summary>The unit and unit price.</summary>
    public Unit? Unit { get; init; }
}
