using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>All releases of one contracting process, with the compiled (and optionally versioned) release.</summary>
public sealed record Record : ExtensibleObject
{
    /// <summary>The Open Contracting ID of the process.</summary>
    [JsonPropertyName("ocid")]
    public string? Ocid { get; init; }

    /// <summary>The releases of the process, embedded in full or linked by URL, oldest first.</summary>
    [JsonPropertyName("releases")]
    public ImmutableArray<RecordRelease>? Releases { get; init; }

    /// <summary>The latest state of every field.</summary>
    [JsonPropertyName("compiledRelease")]
    public Release? CompiledRelease { get; init; }

    /// <summary>The history of every field, kept as JSON (each value is a list of versions).</summary>
    [JsonPropertyName("versionedRelease")]
    public JsonElement? VersionedRelease { get; init; }
}
