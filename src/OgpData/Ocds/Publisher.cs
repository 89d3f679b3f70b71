using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>The publisher of a package.</summary>
public sealed record Publisher : ExtensibleObject
{
    /// <summary>The name of the publishing organization or department.</summary>
    public string? Name { get; init; }

    /// <summary>The scheme of <see cref="Uid"/>.</summary>
    public string? Scheme { get; init; }

    /// <summary>The publisher's identifier in <see cref="Scheme"/>.</summary>
    public string? Uid { get; init; }

    /// <summary>A URI that identifies the publisher.</summary>
    public string? Uri { get; init; }
}
