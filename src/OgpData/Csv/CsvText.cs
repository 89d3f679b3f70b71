using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace OgpData.Csv;

/// <summary>
/// How spreadsheets reach us as bytes: UTF-8 with or without a byte-order mark, or Windows-1252 (what French
/// Excel saves as "CSV (séparateur: point-virgule)"). Invalid UTF-8 means Windows-1252: the two cannot be
/// confused the other way for French text, since accented letters in 1252 are lone high bytes.
/// </summary>
public static class CsvEncoding
{
    /// <summary>Windows-1252, from the code-pages provider that ships with .NET 8 and later.</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available on this runtime.");

    /// <summary>UTF-8 without a byte-order mark, throwing on invalid bytes (used once detection said UTF-8).</summary>
    internal static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the stream to its end and says whether it is UTF-8 (with or without BOM) or Windows-1252, then
    /// rewinds it. The scan holds one buffer at a time, so a large file is never loaded whole.
    /// </summary>
    public static Encoding Detect(Stream seekable)
    {
        ArgumentNullException.ThrowIfNull(seekable);
        if (!seekable.CanSeek) throw new ArgumentException("Encoding detection needs a seekable stream.", nameof(seekable));
        var start = seekable.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            var carried = 0;
            while (true)
            {
                var read = seekable.Read(buffer, carried, (1 << 16) - carried);
                var available = carried + read;
                var final = read == 0;
                var source = buffer.AsSpan(0, available);
                while (true)
                {
                    var status = Utf8.ToUtf16(source, chars.AsSpan(0, 1 << 16), out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                    source = source[consumed..];
                    if (status == OperationStatus.InvalidData) return Rewind(seekable, start, Windows1252);
                    if (status == OperationStatus.DestinationTooSmall) continue;
                    break; // Done, or NeedMoreData with a partial sequence left in source
                }
                if (final) return Rewind(seekable, start, Encoding.UTF8);
                source.CopyTo(buffer);
                carried = source.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static Encoding Rewind(Stream stream, long position, Encoding encoding)
    {
        stream.Position = position;
        return encoding;
    }
}
