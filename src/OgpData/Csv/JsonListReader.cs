using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Json;
using OgpData.Streaming;

namespace OgpData.Csv;

/// <summary>
/// Reads a JSON document whose root is an object holding one large list (<c>releases</c>, <c>commitments</c>)
/// without loading it whole (with <see cref="JsonChunkReader"/>): each item of the list is handed over as a node
/// once its bytes are in the buffer, the other members of the root are handed over as they come. The buffer
/// grows only to the largest item.
/// </summary>
internal sealed class JsonListReader : IJsonUnitReader
{

    private readonly JsonChunkReader _chunks;
    private readonly string _listName;
    private readonly Action<string, JsonNode?> _onMember;
    private readonly Action<JsonNode?> _onItem;
    private Stage _stage = Stage.Start;
    private string? _member;

    private JsonListReader(Stream stream, string listName, Action<string, JsonNode?> onMember, Action<JsonNode?> onItem)
    {
        // Items are parsed into nodes here anyway: that parse is their one tokenisation (validateItems: false).
        _chunks = new JsonChunkReader(stream, 1 << 16, 0, TextPosition.Start, JsonChunkLimits.Default, validateItems: false);
        _listName = listName;
        _onMember = onMember;
        _onItem = onItem;
    }

    /// <summary>Reads the stream; <paramref name="onMember"/> gets the other root members, <paramref name="onItem"/> each item of <paramref name="listName"/>.</summary>
    /// <exception cref="JsonException">The stream is not JSON, or its root is not an object.</exception>
    public static void Read(Stream stream, string listName, Action<string, JsonNode?> onMember, Action<JsonNode?> onItem)
    {
        var reader = new JsonListReader(stream, listName, onMember, onItem);
        var chunks = reader._chunks;
        chunks.Fill();
        while (!chunks.Step(reader)) chunks.Fill();
        if (chunks.Error is null) chunks.EnsureEnd();
        if (chunks.Error is { } error) throw new JsonException(error.Message, error);
    }

    public bool Finished => _stage == Stage.Done;

    public bool ReadUnit(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) return false;
        switch (_stage)
        {
            case Stage.Start:
                if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("The document's root is not an object.");
                _stage = Stage.Member;
                return true;
            case Stage.Member when reader.TokenType == JsonTokenType.EndObject:
                _stage = Stage.Done;
                return true;
            case Stage.Member:
                _member = reader.GetString();
                _stage = Stage.Value;
                return true;
            case Stage.Value when _member == _listName && reader.TokenType == JsonTokenType.StartArray:
                _stage = Stage.Item;
                _chunks.BeginList(ref reader);
                return true;
            case Stage.Item:
                // The items went to ListItem; what is left of the list is its ']'.
                _stage = Stage.Member;
                return true;
            default:
                if (!JsonChunkReader.TryTakeValue(ref reader, out var start, out var length)) return false;
                _onMember(_member!, JsonTrees.Parse(_chunks.Slice(start, length)));
                _stage = Stage.Member;
                return true;
        }
    }

    public void ListItem(int start, int length) => _onItem(JsonTrees.Parse(_chunks.Slice(start, length)));

    private enum Stage { Start, Member, Value, Item, Done }
}
