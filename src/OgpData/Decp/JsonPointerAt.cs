using System.Text.Json;
using OgpData.Json;

namespace OgpData.Decp;

/// <summary>The JSON Pointer of the value that starts at a given byte offset: the reverse of <see cref="JsonLocator"/>.</summary>
internal static class JsonPointerAt
{
    /// <summary>The pointer of the value whose first byte is at <paramref name="offset"/>, or null when no value starts there.</summary>
    public static string? Find(ReadOnlySpan<byte> utf8, long offset)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 4096 });
        // Each open container: its pointer, whether it is an array, and the index or member name of the value being read.
        var pointers = new Stack<string>();
        var arrays = new Stack<int>();   // -1 for an object, else the next index
        string? member = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    member = reader.GetString();
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    pointers.Pop();
                    arrays.Pop();
                    continue;
                }
                string pointer;
                if (pointers.Count == 0) pointer = "";
                else if (arrays.Peek() >= 0)
                {
                    var index = arrays.Pop();
                    arrays.Push(index + 1);
                    pointer = JsonPointerText.Append(pointers.Peek(), index);
                }
                else pointer = JsonPointerText.Append(pointers.Peek(), member ?? "");
                if (reader.TokenStartIndex == offset) return pointer;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (offset > reader.TokenStartIndex)
                    {
                        pointers.Push(pointer);
                        arrays.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                    }
                    else
                    {
                        return null;
                    }
                }
                else if (reader.TokenStartIndex > offset)
                {
                    return null;
                }
            }
        }
        catch (JsonException)
        {
            // Broken text: no pointer.
        }
        return null;
    }
}
