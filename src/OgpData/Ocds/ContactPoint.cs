using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A person, department or service to contact.</summary>
public sealed record ContactPoint : ExtensibleObject
{
    /// <summary>The name of the contact.</summary>
    public string? Name { get; init; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The telephone number.</summary>
    public string? Telephone { get; init; }

    /// <summary>The fax number.</summary>
    public string? FaxNumber { get; init; }

    /// <summary>A web address.</summary>
    public string? Url { get; init; }
}
