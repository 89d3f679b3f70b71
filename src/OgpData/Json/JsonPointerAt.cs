using System.Text.Json;

namespace OgpData.Json;

/// <summary>
/// Follows the JSON Pointer of the value being read while a <see cref="Utf8JsonReader"/> walks a text: feed it
/// every token, in order.
/// </summary>
internal sealed class JsonPointerTracker
{
    // Each open container: its pointer, and the next index (arrays) or -1 (objects).
    private readonly Stack<(string Pointer, int NextIndex)> _open = new();
    private string? _member;

    /// <summary>How many containers are open.</summary>
    public int Depth => _open.Count;

    /// <summary>
    /// Takes the token the reader stands on. Returns the pointer of the value that starts there, or null for a
    /// property name or the end of a container.
    /// </summary>
    public string? Take(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                _member = JsonPointerText.NameAt(ref reader);
                return null;
            case JsonTokenType.EndObject:
            case JsonTokenType.EndArray:
                _open.Pop();
                return null;
        }
        string pointer;
        if (_open.Count == 0)
        {
            pointer = "";
        }
        else if (_open.Peek().NextIndex >= 0)
        {
            var (parent, index) = _open.Pop();
            _open.Push((parent, index + 1));
            pointer = JsonPointerText.Append(parent, index);
        }
        else
        {
            pointer = JsonPointerText.Append(_open.Peek().Pointer, _member ?? "");
        }
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            _open.Push((pointer, reader.TokenType == JsonTokenType.StartArray ? 0 : -1));
        return pointer;
    }

    /// <summary>The pointer of the object whose member names are being read (valid on a property name).</summary>
    public string CurrentObject => _open.Peek().Pointer;
}

/// <summary>The JSON Pointer of the value that starts at a given byte offset: the reverse of <see cref="JsonLocator"/>.</summary>
internal static class JsonPointerAt
{
    /// <summary>The pointer of the value whose first byte is at <paramref name="offset"/>, or null when no value starts there.</summary>
    public static string? Find(ReadOnlySpan<byte> utf8, long offset)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 4096 });
        var tracker = new JsonPointerTracker();
        try
        {
            while (reader.Read())
            {
                var pointer = tracker.Take(ref reader);
                if (pointer is null) continue;
                if (reader.TokenStartIndex == offset) return pointer;
                // Past the offset, or a container that starts after it: nothing starts there.
                if (reader.TokenStartIndex > offset) return null;
            }
        }
        catch (JsonException)
        {
            // Broken text: no pointer.
        }
        return null;
    }
}

/// <summary>A member name given twice in one object: where the repeat and the first are, as byte offsets.</summary>
internal readonly record struct DuplicateName(string Pointer, string Name, int Offset, int FirstOffset);

/// <summary>Finds the member names given more than once in an object (JSON0001), with the offsets of both.</summary>
internal static class DuplicateNames
{
    /// <summary>Every repeated member name of a well-formed text, in text order.</summary>
    public static List<DuplicateName> Find(ReadOnlySpan<byte> utf8)
    {
        var found = new List<DuplicateName>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 4096 });
        var tracker = new JsonPointerTracker();
        // The names met so far in each open object (null for arrays), with the offset of their first time.
        var names = new Stack<Dictionary<string, int>?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = JsonPointerText.NameAt(ref reader);
                    var seen = names.Peek()!;
                    if (!seen.TryAdd(name, (int)reader.TokenStartIndex))
                        found.Add(new DuplicateName(JsonPointerText.Append(tracker.CurrentObject, name), name, (int)reader.TokenStartIndex, seen[name]));
                    break;
                case JsonTokenType.StartObject:
                    names.Push(new Dictionary<string, int>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    names.Push(null);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    names.Pop();
                    break;
            }
            tracker.Take(ref reader);
        }
        return found;
    }
}
