using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace OgpData.Json;

/// <summary>
/// 128-bit digests that stand for an item's identity in duplicate checks: a stream of items is checked for
/// duplicates keeping one digest per item, not its text. XXH3 (128 bits): not a cryptographic hash, so nothing
/// here defends against a file crafted to collide, and a collision would only report a duplicate that is not
/// one; between the items of real files it is far less likely than a disk error. It runs at memory speed, where
/// SHA-256 cost a twelfth of the validation of a file of keyless releases.
/// </summary>
internal static class JsonTextDigest
{
    /// <summary>
    /// The digest of an item's JSON text in package <paramref name="package"/>. The bytes are hashed as written:
    /// items that are equal as an exporter writes them (one serialiser, one member order, one indentation at one
    /// depth of one file) give one digest; the same value written another way (other member order, other
    /// whitespace) another.
    /// </summary>
    public static UInt128 Of(int package, ReadOnlySpan<byte> utf8)
    {
        var hash = new XxHash128(package);
        hash.Append("#"u8);
        hash.Append(utf8);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The digest of an item's identifying texts (ocid, or ocid and id) in package <paramref name="package"/>.</summary>
    public static UInt128 Of(int package, string first, string? second = null)
    {
        var hash = new XxHash128(package);
        Append(hash, first);
        if (second is not null) Append(hash, second);
        return hash.GetCurrentHashAsUInt128();
    }

    // Each text with its length first, so ("ab", "c") and ("a", "bc") differ.
    private static void Append(XxHash128 hash, string text)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
        hash.Append(length);
        var bytes = Encoding.UTF8.GetByteCount(text) <= 256 ? stackalloc byte[256] : new byte[Encoding.UTF8.GetByteCount(text)];
        hash.Append(bytes[..Encoding.UTF8.GetBytes(text, bytes)]);
    }
}
