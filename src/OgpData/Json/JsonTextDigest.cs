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
    public static UInt128 Of(int package, ReadOnlySpan<byte> utf8) => XxHash128.HashToUInt128(utf8, package);

    /// <summary>The digest of an item's identifying texts (ocid, or ocid and id) in package <paramref name="package"/>.</summary>
    public static UInt128 Of(int package, string first, string? second = null)
    {
        // Each text with its length first, so ("ab", "c") and ("a", "bc") differ; one buffer, hashed in one call.
        var length = 8 + Encoding.UTF8.GetByteCount(first) + (second is null ? 0 : Encoding.UTF8.GetByteCount(second));
        var buffer = length <= 512 ? stackalloc byte[512] : new byte[length];
        var written = Put(buffer, first);
        if (second is not null) written += Put(buffer[written..], second);
        // A separate seed from the content digests of the same package: a text key never meets a content key.
        return XxHash128.HashToUInt128(buffer[..written], ~(long)package);
    }

    private static int Put(Span<byte> target, string text)
    {
        var count = Encoding.UTF8.GetBytes(text, target[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(target, count);
        return 4 + count;
    }
}
