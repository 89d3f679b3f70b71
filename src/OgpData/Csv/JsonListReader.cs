using System.Text.Json;
using OgpData.Json;
using System.Text.Json.Nodes;

namespace OgpData.Csv;

/// <summary>
/// Reads a JSON document whose root is an object holding one large list (<c>releases</c>, <c>commitments</c>)
/// without loading it whole: each item of the list is handed over as a node once its bytes are in the buffer,
/// the other members of the root are handed over as they come. The buffer grows only to the largest item.
/// </summary>
internal static class JsonListReader
{
    /// <summary>Reads the stream; <paramref name="onMember"/> gets the other root members, <paramref name="onItem"/> each item of <paramref name="listName"/>.</summary>
    /// <exception cref="JsonException">The stream is not JSON, or its root is not an object.</exception>
    public static void Read(Stream stream, string listName, Action<string, JsonNode?> onMember, Action<JsonNode?> onItem)
    {
        var buffer = new byte[1 << 16];
        var length = 0;
        var final = false;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 });
        var stage = Stage.Start;
        string? member = null;
        var first = true;
        while (true)
        {
            // Fill the buffer before parsing again: a value cut by the buffer's end is parsed again from its
            // start, so small reads would make that quadratic.
            while (!final && length < buffer.Length)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                length += read;
                if (read == 0) final = true;
            }
            var span = buffer.AsSpan(0, length);
            if (first)
            {
                // A UTF-8 byte-order mark is not JSON; skip it (once three bytes are in, however the stream trickles).
                if (span.Length < 3 && !final) continue;
                if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
                {
                    Shift(buffer, 3, ref length);
                    span = buffer.AsSpan(0, length);
                }
                first = false;
            }
            var reader = new Utf8JsonReader(span, final, state);
            var consumed = 0L;
            var progress = true;
            while (progress)
            {
                var checkpoint = reader.CurrentState;
                var checkpointConsumed = reader.BytesConsumed;
                if (!reader.Read())
                {
                    consumed = checkpointConsumed;
                    state = checkpoint;
                    break;
                }
                switch (stage)
                {
                    case Stage.Start:
                        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("The document's root is not an object.");
                        stage = Stage.Member;
                        break;
                    case Stage.Member when reader.TokenType == JsonTokenType.EndObject:
                        stage = Stage.Done;
                        break;
                    case Stage.Member:
                        member = reader.GetString();
                        stage = Stage.Value;
                        break;
                    case Stage.Value when member == listName && reader.TokenType == JsonTokenType.StartArray:
                        stage = Stage.Item;
                        break;
                    case Stage.Item when reader.TokenType == JsonTokenType.EndArray:
                        stage = Stage.Member;
                        break;
                    case Stage.Value:
                    case Stage.Item:
                        var start = (int)reader.TokenStartIndex;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                        {
                            // The value is not all in the buffer yet: go back to before its first token.
                            consumed = checkpointConsumed;
                            state = checkpoint;
                            progress = false;
                            break;
                        }
                        var node = JsonTrees.Parse(span[start..(int)reader.BytesConsumed]);
                        if (stage == Stage.Item) onItem(node);
                        else
                        {
                            onMember(member!, node);
                            stage = Stage.Member;
                        }
                        break;
                    case Stage.Done:
                        throw new JsonException("There is more after the document's root object.");
                }
                if (progress) consumed = reader.BytesConsumed;
                if (progress) state = reader.CurrentState;
            }
            if (stage == Stage.Done) return;
            if (final && consumed == 0) throw new JsonException("The document ends before its root object is closed.");
            Shift(buffer, (int)consumed, ref length);
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
    }

    private static void Shift(byte[] buffer, int consumed, ref int length)
    {
        if (consumed == 0) return;
        Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
        length -= consumed;
    }

    private enum Stage { Start, Member, Value, Item, Done }
}
