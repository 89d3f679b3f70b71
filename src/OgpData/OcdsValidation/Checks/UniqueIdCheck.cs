using System.Text.Json;
using OgpData.Findings;
using OgpData.Json;
using OgpData.Streaming;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// OCDS0001: two releases with the same <c>ocid</c> and <c>id</c>, or two records with the same <c>ocid</c>, in
/// one package. A package-level check in two halves: <see cref="KeyOf"/> runs on the workers, beside the other
/// checks, and reads the key of an item; <see cref="Accept"/> runs on the reading thread in file order and holds
/// one key per item. A key is a 128-bit digest of what tells the item apart, not its text, so memory grows by
/// about 40 bytes an item (a million releases: 40 MB) and the work stays O(n).
/// </summary>
internal sealed class UniqueIdCheck(OcdsValidationOptions options) : OcdsPackageCheck(options)
{
    private readonly Dictionary<UInt128, long> _firstByKey = [];

    public override string RuleId => RuleIds.OcdsNonUniqueId;

    /// <summary>The key that tells an item apart in its package, a label for messages, and the pointer a duplicate is reported at.</summary>
    public static (UInt128? Key, string? Label, string? Pointer) KeyOf(JsonElement root, StreamedItem item)
    {
        // An item without its ocid (and id) is told apart by its content: identical ones are duplicates too
        // (the schema's uniqueItems, as lib-cove-ocds reads it), compared by a digest of their text, so no tree is
        // walked for it.
        if (!OcdsJson.TryGet(root, "ocid", out var ocid) || OcdsJson.IdText(ocid) is not { } ocidText) return ByContent(item);
        if (item.Kind == OcdsItemKind.Record) return (JsonTextDigest.Of(item.PackageIndex, ocidText), ocidText, "/ocid");
        if (!OcdsJson.TryGet(root, "id", out var id) || OcdsJson.IdText(id) is not { } idText) return ByContent(item);
        return (JsonTextDigest.Of(item.PackageIndex, ocidText, idText), $"{ocidText}, {idText}", "/id");
    }

    private static (UInt128? Key, string? Label, string? Pointer) ByContent(StreamedItem item) => (JsonTextDigest.Of(item.PackageIndex, item.Utf8.Span), null, "");

    /// <summary>
    /// Takes the key of item number <paramref name="index"/> (counting from 0, in file order); a finding, with its
    /// pointer relative to the item, when an earlier item had the same key.
    /// </summary>
    public Finding? Accept(UInt128 key, long index, string? label, string keyPointer)
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
