using System.Buffers;
using System.Text;

namespace OgpData.Streaming;

/// <summary>A 1-based line and column (in UTF-16 characters, as editors count them) in a file.</summary>
public readonly record struct TextPosition(int Line, int Column)
{
    /// <summary>The first character of a file.</summary>
    public static TextPosition Start => new(1, 1);

    /// <summary>The position reached after reading <paramref name="utf8"/> from this position.</summary>
    public TextPosition Advance(ReadOnlySpan<byte> utf8)
    {
        var lastNewLine = utf8.LastIndexOf((byte)'\n');
        if (lastNewLine < 0) return new TextPosition(Line, Column + CountUtf16(utf8));
        var lines = utf8[..lastNewLine].Count((byte)'\n') + 1;
        return new TextPosition(Line + lines, 1 + CountUtf16(utf8[(lastNewLine + 1)..]));
    }

    /// <summary>UTF-16 code units encoded by a UTF-8 span (a four-byte sequence is two units).</summary>
    internal static int CountUtf16(ReadOnlySpan<byte> utf8)
    {
        if (Ascii.IsValid(utf8)) return utf8.Length;
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80) count++;      // a lead byte or ASCII starts a character
            if (b >= 0xF0) count++;                // outside the BMP: a surrogate pair
        }
        return count;
    }
}

/// <summary>
/// Keeps a running line and column while a stream is read in chunks, so that an absolute byte offset can be
/// turned into a position without keeping the bytes already passed.
/// </summary>
/// <param name="baseOffset">The absolute offset of the first byte counted.</param>
/// <param name="basePosition">Its line and column.</param>
/// <param name="inserted">
/// Offsets, in increasing order, of bytes that a filter put into the stream and the file does not hold (a
/// <c>NaN</c> read as <c>null</c> is one byte longer): they are not counted in columns. The list may grow
/// while reading, ahead of the offsets asked for.
/// </param>
internal sealed class LineCounter(long baseOffset, TextPosition basePosition, List<long>? inserted = null)
{
    private long _countedTo = baseOffset;
    private TextPosition _position = basePosition;
    private long _lineStart = baseOffset;

    /// <summary>The absolute offset up to which bytes have been counted.</summary>
    public long CountedTo => _countedTo;

    /// <summary>Passes over bytes that are not part of the text (a byte order mark) without counting them.</summary>
    public void Skip(long absoluteOffset)
    {
        _countedTo = absoluteOffset;
        _lineStart = absoluteOffset;
    }

    /// <summary>
    /// Advances to <paramref name="absoluteOffset"/>. <paramref name="buffer"/> holds the bytes from
    /// <paramref name="bufferOffset"/> on; the bytes between the last counted offset and the target must be in it.
    /// </summary>
    public TextPosition AdvanceTo(long absoluteOffset, ReadOnlySpan<byte> buffer, long bufferOffset)
    {
        if (absoluteOffset > _countedTo)
        {
            var from = checked((int)(_countedTo - bufferOffset));
            var to = checked((int)(absoluteOffset - bufferOffset));
            var passed = buffer[from..to];
            _position = _position.Advance(passed);
            var newline = passed.LastIndexOf((byte)'\n');
            if (newline >= 0) _lineStart = _countedTo + newline + 1;
            _countedTo = absoluteOffset;
        }
        return inserted is null ? _position : _position with { Column = _position.Column - InsertedBetween(inserted, _lineStart, _countedTo) };
    }

    /// <summary>How many of the <paramref name="inserted"/> offsets (sorted) lie in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    internal static int InsertedBetween(List<long> inserted, long from, long to) =>
        to <= from ? 0 : LowerBound(inserted, to) - LowerBound(inserted, from);

    private static int LowerBound(List<long> sorted, long value)
    {
        var index = sorted.BinarySearch(value);
        return index >= 0 ? index : ~index;
    }
}
