using System.IO.Hashing;

namespace OgpData.Json;

/// <summary>
/// A digest of an item's JSON text: two items are compared for equality by their digests alone, so a stream of
/// items is checked for duplicates keeping one short string per item.
/// </summary>
internal static class JsonTextDigest
{
    /// <summary>
    /// The 128-bit XXH3 hash of <paramref name="utf8"/> as Base64. The bytes are hashed as written: items that are
    /// equal as an exporter writes them (one serialiser, one member order, one indentation at one depth of one
    /// file) give one digest; the same value written another way (other member order, other whitespace) another.
    /// Not a cryptographic hash: nothing here defends against a file crafted to collide, and a collision would
    /// only report a duplicate that is not one. At 128 bits two different items of one file share a digest with a
    /// probability far below that of a disk error; the hash runs at memory speed, where SHA-256 cost a twelfth of
    /// the validation of a file of keyless releases.
    /// </summary>
    public static string Hash(ReadOnlySpan<byte> utf8)
    {
        Span<byte> digest = stackalloc byte[16];
        XxHash128.Hash(utf8, digest);
        return Convert.ToBase64String(digest);
    }
}
