using System.Buffers;
using System.Globalization;

namespace OgpData.Json;

/// <summary>
/// Finds where a JSON object or array ends without tokenising it: a vectorised search for quotes and brackets,
/// the only bytes that decide it. Cutting the items of a big list this way, and parsing each one once, reads
/// every byte through the full tokeniser once instead of twice. It checks the nesting depth and the string
/// length limit as it goes; everything else (numbers, literals, commas) is left to the parse that follows.
/// </summary>
internal static class JsonValueScanner
{
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> StringStop = SearchValues.Create("\"\\"u8);

    /// <summary>
    /// What a scan found: the value's length (0 when it goes on past the bytes given, or on a problem), or a
    /// problem and its offset.
    /// </summary>
    public readonly record struct Result(int Length, string? Problem, int ProblemOffset);

    /// <summary>
    /// Scans the object or array that starts at <paramref name="text"/>[0], with <paramref name="openContainers"/>
    /// containers already open around it (for the depth limit, counted as <see cref="System.Text.Json.Utf8JsonReader"/> does).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Result FindEnd(ReadOnlySpan<byte> text, bool final, int openContainers, JsonChunkLimits limits)
    {
        var depth = openContainers;
        var i = 0;
        while (true)
        {
            var next = text[i..].IndexOfAny(Structural);
            if (next < 0) return default;
            i += next;
            switch (text[i])
            {
                case (byte)'"':
                    var close = StringEnd(text, i + 1);
                    if (close < 0) return default;
                    if (close - i - 1 > limits.MaxStringLength && StringTooLong(text[(i + 1)..close], limits) is { } tooLong)
                        return new Result(0, tooLong, i);
                    i = close + 1;
                    break;
                case (byte)'{':
                case (byte)'[':
                    if (depth >= limits.MaxDepth) return new Result(0, DepthExceeded(limits.MaxDepth, text[i] == (byte)'{'), i);
                    depth++;
                    i++;
                    break;
                default:
                    depth--;
                    i++;
                    if (depth <= openContainers) return new Result(i, null, 0);
                    break;
            }
        }
    }

    /// <summary>The index of the quote that closes a string whose content starts at <paramref name="from"/>, or -1 when it is cut.</summary>
    internal static int StringEnd(ReadOnlySpan<byte> text, int from)
    {
        var i = from;
        while (true)
        {
            var next = text[i..].IndexOfAny(StringStop);
            if (next < 0) return -1;
            i += next;
            if (text[i] == (byte)'"') return i;
            i += 2; // a backslash and the character it escapes
            if (i >= text.Length) return -1;
        }
    }

    /// <summary>
    /// The top-level member names of the object that <paramref name="text"/> holds, each handed to
    /// <paramref name="onName"/> as its raw bytes between the quotes (escapes left as written); the values are
    /// passed over by the scan. False when the text is not an object the scan can walk (then nothing is decided).
    /// </summary>
    public static bool TopLevelNames(ReadOnlySpan<byte> text, NameVisitor onName)
    {
        var i = Skip(text, 0);
        if (i >= text.Length || text[i] != (byte)'{') return false;
        i = Skip(text, i + 1);
        if (i < text.Length && text[i] == (byte)'}') return true;
        while (i < text.Length && text[i] == (byte)'"')
        {
            var close = StringEnd(text, i + 1);
            if (close < 0) return false;
            if (!onName(text[(i + 1)..close])) return true;
            i = Skip(text, close + 1);
            if (i >= text.Length || text[i] != (byte)':') return false;
            i = Skip(text, i + 1);
            if (i >= text.Length) return false;
            switch (text[i])
            {
                case (byte)'{':
                case (byte)'[':
                    var value = FindEnd(text[i..], final: true, 0, new JsonChunkLimits(int.MaxValue, int.MaxValue));
                    if (value.Length == 0) return false;
                    i += value.Length;
                    break;
                case (byte)'"':
                    var end = StringEnd(text, i + 1);
                    if (end < 0) return false;
                    i = end + 1;
                    break;
                default:
                    var stop = text[i..].IndexOfAny(",}"u8);
                    if (stop < 0) return false;
                    i += stop;
                    break;
            }
            i = Skip(text, i);
            if (i >= text.Length) return false;
            if (text[i] == (byte)'}') return true;
            if (text[i] != (byte)',') return false;
            i = Skip(text, i + 1);
        }
        return false;
    }

    private static int Skip(ReadOnlySpan<byte> text, int from)
    {
        var next = text[from..].IndexOfAnyExcept(" \t\r\n"u8);
        return next < 0 ? text.Length : from + next;
    }

    /// <summary>Checks a whole string token (with its quotes) against the length limit; throws nothing, returns the problem.</summary>
    public static string? CheckString(ReadOnlySpan<byte> token, JsonChunkLimits limits)
    {
        if (token.Length - 2 <= limits.MaxStringLength) return null;
        return StringTooLong(token[1..^1], limits);
    }

    /// <summary>Every string in a complete JSON text checked against the length limit: the first problem and its offset.</summary>
    public static (string Problem, int Offset)? FindLongString(ReadOnlySpan<byte> text, JsonChunkLimits limits)
    {
        if (text.Length <= limits.MaxStringLength) return null;
        var i = 0;
        while (true)
        {
            var next = text[i..].IndexOf((byte)'"');
            if (next < 0) return null;
            i += next;
            var close = StringEnd(text, i + 1);
            if (close < 0) return null;
            if (close - i - 1 > limits.MaxStringLength && StringTooLong(text[(i + 1)..close], limits) is { } problem) return (problem, i);
            i = close + 1;
        }
    }

    /// <summary>The problem when the string's content, unescaped, is longer than the limit in UTF-16 characters.</summary>
    private static string? StringTooLong(ReadOnlySpan<byte> content, JsonChunkLimits limits)
    {
        // The content is at least as long in bytes as in characters: count exactly only when the bytes are over.
        long characters = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var b = content[i];
            if (b == (byte)'\\')
            {
                i += content.Length > i + 1 && content[i + 1] == (byte)'u' ? 5 : 1;
                characters++;
            }
            else if ((b & 0xC0) != 0x80)
            {
                characters += b >= 0xF0 ? 2 : 1;
            }
        }
        return characters > limits.MaxStringLength
            ? "The input holds a string longer than " + limits.MaxStringLength.ToString(CultureInfo.InvariantCulture)
              + " characters, the maximum string length; raise it with --max-string-length N (ValidationOptions.MaxStringLength)."
            : null;
    }

    /// <summary>The words <see cref="System.Text.Json.Utf8JsonReader"/> uses, so that both ways of reading fail alike.</summary>
    internal static string DepthExceeded(int maxDepth, bool isObject) =>
        "The maximum configured depth of " + maxDepth.ToString(CultureInfo.InvariantCulture) + " has been exceeded. Cannot read next JSON "
        + (isObject ? "object." : "array.");
}

/// <summary>Takes a member name (its raw bytes); false to stop.</summary>
internal delegate bool NameVisitor(ReadOnlySpan<byte> name);

/// <summary>The limits a reading enforces: nesting depth (as <see cref="System.Text.Json.JsonReaderOptions.MaxDepth"/>) and string length in UTF-16 characters.</summary>
internal readonly record struct JsonChunkLimits(int MaxDepth, int MaxStringLength)
{
    /// <summary>The defaults of streamed inputs: depth 256, strings of any length.</summary>
    public static JsonChunkLimits Default => new(256, int.MaxValue);

    /// <summary>Reader options for these limits.</summary>
    public System.Text.Json.JsonReaderOptions ReaderOptions => new() { MaxDepth = MaxDepth };

    /// <summary>Options for a reader whose depth is checked elsewhere.</summary>
    public static System.Text.Json.JsonReaderOptions Unbounded => new() { MaxDepth = 4096 };
}
