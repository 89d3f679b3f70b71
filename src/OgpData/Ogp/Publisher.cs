using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>The publisher of a commitment package.</summary>
public sealed record Publisher : ExtensibleObject
{
    /// <summary>The name of the publishing organization.</summary>
    public string? Name { get; init; }

    /// <summary>A URI that identifies the publisher.</summary>
    public string? Uri { get; init; }
}
