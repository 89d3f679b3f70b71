using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A classification of an item (CPV, UNSPSC, ...).</summary>
public sealed record Classification : ExtensibleObject
{
    /// <summary>The classification scheme (itemClassificationScheme codelist).</summary>
    public string? Scheme { get; init; }

    /// <summary>The code in <see cref="Scheme"/>.</summary>
    public OcdsId? Id { get; init; }

    /// <summary>A text description of the code.</summary>
    public string? Description { get; init; }

    /// <summary>A URI for the code.</summary>
    public string? Uri { get; init; }
}
