using System.Text.Json.Serialization;

namespace OgpData.Ocds;

/// <summary>
/// A release as a record lists it: either embedded in full (every <see cref="Release"/> field) or linked,
/// with only <see cref="Url"/>, <see cref="Release.Date"/> and <see cref="Release.Tag"/> set.
/// </summary>
public sealed record RecordRelease : Release
{
    /// <summary>For a linked release: the URL of its package with the release id as fragment.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>True when the release is linked by URL rather than embedded.</summary>
    [JsonIgnore]
    public bool IsLinked => Url is not null && Ocid is null;
}
