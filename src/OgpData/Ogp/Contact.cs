using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>A person to contact about a commitment. Personal data belongs here, not in public free text.</summary>
public sealed record Contact : ExtensibleObject
{
    /// <summary>The name of the person.</summary>
    public string? Name { get; init; }

    /// <summary>The person's job title.</summary>
    public string? Title { get; init; }

    /// <summary>The person's organization.</summary>
    public string? Organization { get; init; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The telephone number.</summary>
    public string? Telephone { get; init; }
}
