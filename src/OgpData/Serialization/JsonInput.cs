using System.Buffers;

namespace OgpData.Serialization;

/// <summary>Reads a whole stream into memory (documents are parsed from one complete buffer) and splits JSON Lines.</summary>
internal static class JsonInput
{
    public static byte[] ReadAll(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            var rest = segment.AsSpan((int)memory.Position).ToArray();
            memory.Position = memory.Length;
            return rest;
        }
        using var copy = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }

    /// <summary>
    /// The non-blank lines of a JSON Lines stream, as bytes, with their 1-based line numbers. Bytes are never
    /// decoded here, so nothing is replaced or lost before the JSON reader sees it.
    /// </summary>
    public static IEnumerable<(int LineNumber, ReadOnlyMemory<byte> Line)> Lines(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int filled = 0, lineNumber = 0;
            var atEnd = false;
            while (!atEnd || filled > 0)
            {
                if (!atEnd)
                {
                    if (filled == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var read = stream.Read(buffer, filled, buffer.Length - filled);
                    if (read == 0) atEnd = true;
                    filled += read;
                }
                var start = 0;
                while (true)
                {
                    var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (newline < 0 && !atEnd) break;
                    var length = newline < 0 ? filled - start : newline;
                    lineNumber++;
                    var line = buffer.AsSpan(start, length).TrimEnd((byte)'\r');
                    if (!IsBlank(line)) yield return (lineNumber, line.ToArray());
                    start += newline < 0 ? length : length + 1;
                    if (newline < 0) break;
                }
                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
                if (atEnd && filled == 0) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        }
        return true;
    }
}
