using System.Collections.Immutable;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>Other actors involved in a commitment.</summary>
public sealed record OtherActors : ExtensibleObject
{
    /// <summary>Government bodies involved.</summary>
    public ImmutableArray<string>? Government { get; init; }

    /// <summary>Civil society organizations, private sector and others involved.</summary>
    public ImmutableArray<string>? CivilSociety { get; init; }
}
