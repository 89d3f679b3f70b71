using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace OgpData.Json;

/// <summary>Where a value starts in a file: 1-based line and column, and the byte offset.</summary>
/// <param name="Line">1-based line; <c>\n</c>, <c>\r\n</c> and a lone <c>\r</c> each end a line.</param>
/// <param name="Column">1-based column in UTF-16 characters (as editors and Roslyn count), a BOM not counted.</param>
/// <param name="Offset">Byte offset of the value's first byte in the given bytes (BOM included).</param>
public readonly record struct JsonLocation(int Line, int Column, long Offset);

/// <summary>
/// Maps JSON Pointers to the line and column where their values start, in one pass over the UTF-8 bytes
/// with <see cref="Utf8JsonReader"/>. Only the requested pointers are tracked: subtrees no pointer enters
/// are skipped, and nothing is built for them.
/// </summary>
public static class JsonLocator
{
    /// <summary>
    /// Finds the byte offset of the value <paramref name="pointer"/> designates in a complete UTF-8 JSON text.
    /// When the pointer leads nowhere (a missing property), the offset of the deepest value that exists on the
    /// way is returned, so a finding about something absent points at its would-be parent.
    /// Only the values on the way are read; every other subtree is skipped.
    /// </summary>
    public static int LocateNearest(ReadOnlySpan<byte> json, string pointer)
    {
        var segments = JsonPointerText.Segments(pointer);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4096, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read()) return 0;
            var found = (int)reader.TokenStartIndex;
            foreach (var segment in segments)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    if (!MoveToProperty(ref reader, segment)) return found;
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return found;
                    if (!MoveToItem(ref reader, index)) return found;
                }
                else
                {
                    return found;
                }
                found = (int)reader.TokenStartIndex;
            }
            return found;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static bool MoveToProperty(ref Utf8JsonReader reader, string name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match) return true;
            reader.Skip();
        }
        return false;
    }

    private static bool MoveToItem(ref Utf8JsonReader reader, int index)
    {
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index) return true;
            reader.Skip();
        }
        return false;
    }

    /// <summary>The location of one pointer, or null when the document has no such value (or is unreadable before it).</summary>
    public static JsonLocation? Locate(ReadOnlySpan<byte> utf8, string pointer)
    {
        var found = Locate(utf8, [pointer]);
        return found.TryGetValue(pointer, out var location) ? location : null;
    }

    /// <summary>
    /// The locations of many pointers at once. Pointers naming nothing are left out of the result.
    /// Malformed JSON ends the pass quietly: what was found before the fault is returned.
    /// </summary>
    public static ImmutableDictionary<string, JsonLocation> Locate(ReadOnlySpan<byte> utf8, IEnumerable<string> pointers)
    {
        var result = ImmutableDictionary.CreateBuilder<string, JsonLocation>(StringComparer.Ordinal);
        var bom = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        var text = utf8.Slice(bom);
        var cursor = new LineCursor();
        foreach (var (pointer, offset) in Offsets(text, pointers))
        {
            var (line, column) = cursor.Advance(text, offset);
            result[pointer] = new JsonLocation(line, column, offset + bom);
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// The byte offsets of many pointers' values in a UTF-8 JSON text without a byte order mark, in the order the
    /// values come in the text (so offsets only grow). Pointers naming nothing are left out; malformed JSON ends
    /// the pass quietly, keeping what was found before the fault.
    /// </summary>
    internal static List<(string Pointer, int Offset)> Offsets(ReadOnlySpan<byte> text, IEnumerable<string> pointers)
    {
        var root = new Step();
        foreach (var pointer in pointers) root.Add(pointer);
        var found = new List<(string, int)>();
        if (!root.HasWork) return found;

        var reader = new Utf8JsonReader(text, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 1_000_000,
        });
        var frames = new Stack<Frame>();
        Step? next = root;
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token == JsonTokenType.PropertyName)
                {
                    var parent = frames.Peek().Step;
                    var child = parent?.Child(JsonPointerText.NameAt(ref reader));
                    if (child is null)
                    {
                        reader.Skip();
                        continue;
                    }
                    next = child;
                    continue;
                }
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.Pop();
                    continue;
                }

                // A value: in an array its step is found by index; after a property name it was set above.
                Step? step;
                if (frames.Count > 0 && frames.Peek().IsArray)
                {
                    var frame = frames.Pop();
                    step = frame.Step?.Child(frame.NextIndex);
                    frames.Push(frame with { NextIndex = frame.NextIndex + 1 });
                }
                else
                {
                    step = next;
                }
                next = null;
                if (step is null)
                {
                    if (token is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                    continue;
                }
                if (step.Pointer is not null) found.Add((step.Pointer, (int)reader.TokenStartIndex));
                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Push(new Frame(step.HasChildren ? step : null, token == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // Unreadable from here on: keep what was found.
        }
        return found;
    }

    private readonly record struct Frame(Step? Step, bool IsArray, int NextIndex);

    /// <summary>A node of the trie of requested pointers.</summary>
    private sealed class Step
    {
        private Dictionary<string, Step>? _children;

        public string? Pointer { get; private set; }

        public bool HasChildren => _children is not null;

        public bool HasWork => Pointer is not null || _children is not null;

        public void Add(string pointer)
        {
            if (pointer.Length > 0 && pointer[0] != '/') return;
            var step = this;
            if (pointer.Length > 0)
            {
                foreach (var raw in pointer.Substring(1).Split('/'))
                {
                    var token = JsonPointerText.Unescape(raw);
                    step._children ??= new Dictionary<string, Step>(StringComparer.Ordinal);
                    if (!step._children.TryGetValue(token, out var child))
                    {
                        child = new Step();
                        step._children.Add(token, child);
                    }
                    step = child;
                }
            }
            step.Pointer = pointer;
        }

        public Step? Child(string name) => _children is not null && _children.TryGetValue(name, out var child) ? child : null;

        public Step? Child(int index) =>
            _children is null ? null : Child(index.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Counts lines and UTF-16 columns forward through the bytes; offsets only ever grow.</summary>
    private sealed class LineCursor
    {
        private int _offset;
        private int _line = 1;
        private int _column = 1;

        public (int Line, int Column) Advance(ReadOnlySpan<byte> text, int target)
        {
            while (_offset < target && _offset < text.Length)
            {
                var b = text[_offset];
                if (b == (byte)'\n')
                {
                    _line++;
                    _column = 1;
                    _offset++;
                }
                else if (b == (byte)'\r')
                {
                    _line++;
                    _column = 1;
                    _offset++;
                    if (_offset < text.Length && text[_offset] == (byte)'\n') _offset++;
                }
                else if (b < 0x80)
                {
                    _column++;
                    _offset++;
                }
                else
                {
                    // A multi-byte UTF-8 sequence is one character, or two UTF-16 units beyond the BMP.
                    var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                    _column += length == 4 ? 2 : 1;
                    _offset += length;
                }
            }
            return (_line, _column);
        }
    }
}
