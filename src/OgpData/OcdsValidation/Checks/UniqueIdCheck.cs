using System.Globalization;
using System.Text.Json;
using OgpData.Findings;
using OgpData.Json;
using OgpData.Streaming;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// OCDS0001: two releases with the same <c>ocid</c> and <c>id</c>, or two records with the same <c>ocid</c>, in
/// one package. A package-level check in two halves: <see cref="KeyOf"/> runs on the workers, beside the other
/// checks, and reads the key of an item; <see cref="Accept"/> runs on the reading thread in file order and holds
/// one key per item, so memory grows by a key, not an item, and the work stays O(n).
/// </summary>
internal sealed class UniqueIdCheck(OcdsValidationOptions options) : OcdsPackageCheck(options)
{
    private readonly Dictionary<string, long> _firstByKey = new(StringComparer.Ordinal);

    public override string RuleId => RuleIds.OcdsNonUniqueId;

    /// <summary>The key that tells an item apart in its package, a label for messages, and the pointer a duplicate is reported at.</summary>
    public static (string? Key, string? Label, string? Pointer) KeyOf(JsonElement root, StreamedItem item)
    {
        var package = item.PackageIndex.ToString(CultureInfo.InvariantCulture);
        // An item without its ocid (and id) is told apart by its content: identical ones are duplicates too
        // (the schema's uniqueItems, as lib-cove-ocds reads it). Kept as a digest of its text, so memory stays a
        // key per item and no tree is walked for it.
        if (!OcdsJson.TryGet(root, "ocid", out var ocid) || OcdsJson.IdText(ocid) is not { } ocidText) return ContentKey(item, package);
        if (item.Kind == OcdsItemKind.Record) return (package + "\u001F" + ocidText, ocidText, "/ocid");
        if (!OcdsJson.TryGet(root, "id", out var id) || OcdsJson.IdText(id) is not { } idText) return ContentKey(item, package);
        return (package + "\u001F" + ocidText + "\u001F" + idText, $"{ocidText}, {idText}", "/id");
    }

    private static (string? Key, string? Label, string? Pointer) ContentKey(StreamedItem item, string package) =>
        (package + "\u001F#" + JsonTextDigest.Hash(item.Utf8.Span), null, "");

    /// <summary>
    /// Takes the key of item number <paramref name="index"/> (counting from 0, in file order); a finding, with its
    /// pointer relative to the item, when an earlier item had the same key.
    /// </summary>
    public Finding? Accept(string key, long index, string? label, string keyPointer)
    {
        if (_firstByKey.TryAdd(key, index)) return null;
        var first = _firstByKey[key];
        var what = keyPointer == "/ocid" ? "ocid" : "ocid and id";
        return new Finding
        {
            RuleId = RuleId, Severity = Severity, Pointer = keyPointer,
            Message = keyPointer.Length == 0
                ? $"Another item (number {first} of the input, counting from 0) is identical to this one, and it has no {what} to tell them apart."
                : $"Another item (number {first} of the input, counting from 0) has the same {what} ({label}).",
            Value = label,
        };
    }
}
