using System.Collections.Immutable;
using System.Text.Json;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>All releases of one contracting process, with the compiled (and optionally versioned) release.</summary>
public sealed record Record : ExtensibleObject
{
    /// <summary>The Open Contracting ID of the process.</summary>
    public string? Ocid { get; init; }

    /// <summary>The releases of the process, embedded in full or linked by URL, oldest first.</summary>
    public ImmutableArray<RecordRelease>? Releases { get; init; }

    /// <summary>The latest state of every field.</summary>
    public Release? CompiledRelease { get; init; }

    /// <summary>The history of every field, kept as JSON (each value is a list of versions).</summary>
    public JsonElement? VersionedRelease { get; init; }
}
