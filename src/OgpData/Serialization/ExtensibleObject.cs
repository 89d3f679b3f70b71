using System.Text.Json;
using System.Text.Json.Serialization;

namespace OgpData.Serialization;

/// <summary>
/// The base of every OGP and OCDS model object. Besides its typed properties, an object keeps, verbatim,
/// every member those properties do not carry, so that reading then writing a document loses nothing:
/// fields outside the schema (extensions, misspelt names) and known fields whose value the typed property
/// cannot hold — an explicit <c>null</c>, or a value of the wrong JSON type in an invalid file.
/// </summary>
public abstract record ExtensibleObject
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoMembers =
        new Dictionary<string, JsonElement>(0, StringComparer.Ordinal);

    /// <summary>
    /// The serializer's bag: unknown members land here, and <see cref="LosslessObjectConverter{T}"/> adds the
    /// known members it kept raw. Only the serializer and a freshly read object ever write to it.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? ExtensionDataStore { get; set; }

    /// <summary>
    /// Members kept verbatim, by JSON name: fields outside the schema, and known fields held raw because the
    /// typed property cannot represent them (an explicit <c>null</c>, a value of the wrong type). Written
    /// back after the typed properties. When a typed property is set, the same name must not appear here.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement> ExtensionData
    {
        get => ExtensionDataStore ?? NoMembers;
        init => ExtensionDataStore = value is null || value.Count == 0
            ? null
            : new Dictionary<string, JsonElement>(value, StringComparer.Ordinal);
    }

    /// <summary>True when the document wrote <c>"name": null</c> for this member.</summary>
    public bool IsExplicitNull(string jsonName) =>
        ExtensionDataStore is { } store && store.TryGetValue(jsonName, out var value) && value.ValueKind == JsonValueKind.Null;

    /// <summary>
    /// The raw value kept for a member, when there is one (an extension field, or a known field whose value did
    /// not fit its typed property).
    /// </summary>
    public bool TryGetRaw(string jsonName, out JsonElement value)
    {
        if (ExtensionDataStore is { } store && store.TryGetValue(jsonName, out value)) return true;
        value = default;
        return false;
    }

    /// <summary>Adds members kept raw to a freshly read object (before anyone else sees it).</summary>
    internal void KeepRaw(string jsonName, JsonElement value) =>
        (ExtensionDataStore ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[jsonName] = value;
}
