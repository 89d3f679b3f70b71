using System.Collections.Immutable;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A link to a related contracting or planning process.</summary>
public sealed record RelatedProcess : ExtensibleObject
{
    /// <summary>A local identifier for the relation.</summary>
    public OcdsId? Id { get; init; }

    /// <summary>The kind of relation (relatedProcess codelist).</summary>
    public ImmutableArray<string>? Relationship { get; init; }

    /// <summary>The title of the related process.</summary>
    public string? Title { get; init; }

    /// <summary>The scheme of <see cref="Identifier"/> (<c>ocid</c>, ...).</summary>
    public string? Scheme { get; init; }

    /// <summary>The identifier of the related process.</summary>
    public string? Identifier { get; init; }

    /// <summary>A URI for the related process.</summary>
    public string? Uri { get; init; }
}
