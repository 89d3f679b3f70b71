using System.Security.Cryptography;

namespace OgpData.Json;

/// <summary>
/// A digest of an item's JSON text: two items are compared for equality by their digests alone, so a stream of
/// items is checked for duplicates keeping one short string per item.
/// </summary>
internal static class JsonTextDigest
{
    /// <summary>
    /// The SHA-256 of <paramref name="utf8"/> as Base64. The bytes are hashed as written: items that are equal as
    /// an exporter writes them (one serialiser, one member order, one indentation at one depth of one file) give
    /// one digest; the same value written another way (other member order, other whitespace) another. Skipping
    /// whitespace would cost a byte-by-byte pass over every item; the hash itself is vectorised.
    /// </summary>
    public static string Hash(ReadOnlySpan<byte> utf8)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(utf8, digest);
        return Convert.ToBase64String(digest);
    }
}
