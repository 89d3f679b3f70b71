using System;
using System.Collections.Generic;

namespace OgpData.Text;

/// <summary>
/// Turns a character offset in a text into a 1-based line and column. Line breaks are the ones Roslyn's
/// <c>SourceText</c> counts (CR, LF, CRLF, U+0085, U+2028, U+2029), so the library, the CLI and the
/// analyzers agree on where a finding is. Columns count UTF-16 characters; a byte order mark at the very
/// start is not counted, as editors do not show it.
/// </summary>
internal sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly bool _leadingBom;

    /// <summary>Indexes the line starts of <paramref name="text"/> in one pass.</summary>
    public LineMap(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c > '\r' && c < '\u0085') continue; // the common case: nothing that can break a line
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
        _leadingBom = text.Length > 0 && text[0] == '\uFEFF';
        Length = text.Length;
    }

    /// <summary>The length of the indexed text.</summary>
    public int Length { get; }

    /// <summary>How many lines the text has (an empty text has one).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The offset where a 1-based line starts.</summary>
    public int LineStart(int line)
    {
        if (line < 1 || line > _lineStarts.Length) throw new ArgumentOutOfRangeException(nameof(line));
        return _lineStarts[line - 1];
    }

    /// <summary>
    /// The 1-based line and column of <paramref name="offset"/>. An offset at the end of the text is
    /// allowed (it is where "unexpected end" errors point); offsets outside the text are clamped.
    /// </summary>
    public LinePosition GetPosition(int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > Length) offset = Length;
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        var column = offset - _lineStarts[index] + 1;
        if (index == 0 && _leadingBom && offset > 0) column--;
        return new LinePosition(index + 1, column);
    }
}

/// <summary>A 1-based line and column in a text.</summary>
internal readonly record struct LinePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => "line " + Line + ", column " + Column;
}
