using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using OgpData.Streaming;

namespace OgpData.Json;

/// <summary>
/// How the converters parse JSON into <see cref="JsonNode"/> trees, so that every flaw of the text is a
/// <see cref="JsonException"/> at parse time with its line and column, never an exception later when a value is
/// first read: the depth limit of the stream readers; a repeated key (a <c>JsonObject</c> holding one throws
/// <see cref="ArgumentException"/> when first read); text that is not UTF-8 and a string escaping a lone surrogate (<c>"\ud800"</c>,
/// which <c>GetValue&lt;string&gt;</c> refuses with <see cref="InvalidOperationException"/>). Validation
/// reports such text as findings instead; a converter cannot carry it into a cell or a typed model.
/// </summary>
internal static class JsonTrees
{
    public static JsonDocumentOptions Options { get; } = new()
    {
        MaxDepth = 256,
#if NET10_0_OR_GREATER
        AllowDuplicateProperties = false,
#endif
    };

    /// <summary>Parses one JSON value; positions in exceptions are relative to <paramref name="utf8"/>.</summary>
    /// <exception cref="JsonException">The text is not JSON, nests too deep, repeats a key or escapes a lone surrogate.</exception>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        // A byte order mark is skipped, as JsonNode.Parse(Stream) skips it (positions then count from after it).
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        // First: System.Text.Json's own duplicate-key check throws InvalidOperationException on such a name.
        if (UnreadableTextAt(utf8, out var reason) is var at and >= 0)
        {
            // JsonException's positions are zero-based, as System.Text.Json's own.
            var position = TextPosition.Start.Advance(utf8[..at]);
            throw new JsonException(reason, null, position.Line - 1, position.Column - 1);
        }
        return JsonNode.Parse(utf8, documentOptions: Options);
    }

    /// <summary>Reads the stream to its end and parses it.</summary>
    public static JsonNode? Parse(Stream utf8)
    {
        using var buffer = new MemoryStream();
        utf8.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// Where the text stops being readable as strings — the first byte that is not UTF-8, or the first name or
    /// string escaping a lone surrogate — and why; -1 when it is readable (text that is not JSON counts as
    /// readable here: the parser reports that).
    /// </summary>
    public static int UnreadableTextAt(ReadOnlySpan<byte> utf8, out string reason)
    {
        if (InvalidUtf8At(utf8) is { } at)
        {
            reason = $"Not valid UTF-8 at byte {at}; save the file as UTF-8.";
            return at;
        }
        reason = "A string escapes a lone surrogate (\\ud800 to \\udfff without its pair), which no text can hold.";
        return LoneSurrogateAt(utf8);
    }

    /// <summary>The offset of the first byte that starts no UTF-8 character, or null when the text is valid.</summary>
    public static int? InvalidUtf8At(ReadOnlySpan<byte> utf8)
    {
        // The vectorised check first: valid text, by far the common case, is never decoded rune by rune.
        if (Utf8.IsValid(utf8)) return null;
        var offset = 0;
        while (offset < utf8.Length && Rune.DecodeFromUtf8(utf8[offset..], out _, out var length) == System.Buffers.OperationStatus.Done) offset += length;
        return offset;
    }

    /// <summary>
    /// Where the first name or string escaping a lone surrogate starts in the JSON text, or -1 (also for text
    /// that is not JSON: the parser reports that).
    /// </summary>
    private static int LoneSurrogateAt(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOf("\\u"u8) < 0) return -1;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
                try
                {
                    _ = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return (int)reader.TokenStartIndex;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: not ours to report.
        }
        return -1;
    }
}
