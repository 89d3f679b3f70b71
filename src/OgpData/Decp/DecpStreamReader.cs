using OgpData.Findings;
using System.Text.Json;
using OgpData.Json;
using OgpData.Streaming;

namespace OgpData.Decp;

/// <summary>What a DECP list entry is.</summary>
internal enum DecpEntryKind
{
    /// <summary>A marché public (<c>marches.marche[]</c>).</summary>
    Marche,

    /// <summary>A contrat de concession (<c>marches.contrat-concession[]</c>).</summary>
    Concession,

    /// <summary>An entry of the flat 1.x list (<c>marches[]</c>), told apart by its <c>_type</c>.</summary>
    Flat,
}

/// <summary>One marché or concession, as bytes, with where it is in the file (line and column, and byte offset in the filtered input).</summary>
internal sealed record DecpEntry(DecpEntryKind Kind, int Index, string Pointer, byte[] Utf8, TextPosition Position, long ByteOffset = 0);

/// <summary>
/// Walks a DECP file in chunks with <see cref="Utf8JsonReader"/> and hands out each marché and concession whole:
/// <c>{"marches": {"marche": [...], "contrat-concession": [...]}}</c> (format 2.0) or <c>{"marches": [...]}</c>
/// (format 1.x and the consolidated files). The buffer grows only to the largest entry; the file is never held whole.
/// </summary>
internal sealed class DecpStreamReader(Stream stream, Action<string, string, string, TextPosition> report)
{
    private enum Stage { Start, RootMember, MarchesValue, ListsMember, ListValue, Items, SkipValue, Done }

    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private long _bufferOffset;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = OcdsStreamReader.MaxDepth });
    private LineCounter _lines = new(0, TextPosition.Start);
    private Stage _stage = Stage.Start;
    private Stage _afterSkip;
    private Stage _afterItems;
    private string _member = "";
    private string _itemsPointer = "";
    private DecpEntryKind _kind;
    private int _index;
    private bool _sawMarches;

    /// <summary>The entries in file order. Throws <see cref="UnreadableInputException"/> when the file is not JSON or not DECP.</summary>
    public IEnumerable<DecpEntry> Read()
    {
        var entries = new List<DecpEntry>();
        Fill();
        SkipByteOrderMark();
        while (true)
        {
            entries.Clear();
            var done = Step(entries);
            foreach (var entry in entries) yield return entry;
            if (done) break;
            if (_final) throw Unreadable("The input ends in the middle of a JSON value (truncated file?).", _end - _start, null);
            Fill();
        }
        if (!_sawMarches) throw Unreadable("Not a DECP file: the root object has no 'marches' member.", 0, null);
    }

    private void SkipByteOrderMark()
    {
        if (_end - _start >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
            _lines = new LineCounter(3, TextPosition.Start);
        }
    }

    private void Fill()
    {
        _lines.AdvanceTo(_bufferOffset + _start, _buffer.AsSpan(0, _end), _bufferOffset);
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        _bufferOffset += _start;
        _end -= _start;
        _start = 0;
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        // Fill the buffer whole: an entry cut by the buffer's end is scanned again from its start.
        while (_end < _buffer.Length)
        {
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _final = true;
                break;
            }
            _end += read;
        }
    }

    /// <summary>Reads as many whole units as the buffer holds. True when the root object is finished.</summary>
    private bool Step(List<DecpEntry> entries)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        try
        {
            while (_stage != Stage.Done)
            {
                var before = reader.CurrentState;
                var beforeConsumed = reader.BytesConsumed;
                if (!Unit(ref reader, entries))
                {
                    _state = before;
                    _start += (int)beforeConsumed;
                    return false;
                }
            }
            _start += (int)reader.BytesConsumed;
            EnsureNothingFollows();
            return true;
        }
        catch (JsonException e)
        {
            throw Unreadable("The input is not well-formed JSON: " + e.Message, (int)reader.BytesConsumed, e);
        }
    }

    private void EnsureNothingFollows()
    {
        while (true)
        {
            var content = _buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(" \t\r\n"u8);
            if (content >= 0) throw Unreadable("Unexpected content after the end of the JSON document.", content, null);
            if (_final) return;
            _start = _end;
            Fill();
        }
    }

    /// <summary>Reads one unit: a token, a skipped value, or a whole entry. False when more bytes are needed.</summary>
    private bool Unit(ref Utf8JsonReader reader, List<DecpEntry> entries)
    {
        if (!reader.Read()) return false;
        switch (_stage)
        {
            case Stage.Start:
                if (reader.TokenType != JsonTokenType.StartObject) throw Unreadable("Not a DECP file: the root is not a JSON object.", (int)reader.TokenStartIndex, null);
                _stage = Stage.RootMember;
                return true;

            case Stage.RootMember:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _stage = Stage.Done;
                    return true;
                }
                _member = reader.GetString()!;
                if (_member == "marches")
                {
                    _sawMarches = true;
                    _stage = Stage.MarchesValue;
                }
                else
                {
                    // "$schema" and the like say nothing about the contracts.
                    _stage = Stage.SkipValue;
                    _afterSkip = Stage.RootMember;
                }
                return true;

            case Stage.MarchesValue:
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    _stage = Stage.ListsMember;
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    BeginItems(DecpEntryKind.Flat, "/marches", Stage.RootMember);
                }
                else
                {
                    throw Unreadable("Not a DECP file: 'marches' is neither an object nor a list.", (int)reader.TokenStartIndex, null);
                }
                return true;

            case Stage.ListsMember:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _stage = Stage.RootMember;
                    return true;
                }
                _member = reader.GetString()!;
                _stage = Stage.ListValue;
                return true;

            case Stage.ListValue:
                var pointer = JsonPointerText.Append("/marches", _member);
                DecpEntryKind? kind = _member switch
                {
                    "marche" => DecpEntryKind.Marche,
                    "contrat-concession" => DecpEntryKind.Concession,
                    _ => null,
                };
                if (kind is { } known && reader.TokenType == JsonTokenType.StartArray)
                {
                    BeginItems(known, pointer, Stage.ListsMember);
                    return true;
                }
                if (!TryTakeValue(ref reader, out var start, out _)) return false;
                if (kind is null) report(RuleIds.DecpUnmappedField, pointer, $"'{_member}' is not a DECP list (marche, contrat-concession): not converted.", PositionOf(start));
                else report(RuleIds.DecpWrongType, pointer, $"'{_member}' is not a list: not converted.", PositionOf(start));
                _stage = Stage.ListsMember;
                return true;

            case Stage.Items:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _stage = _afterItems;
                    return true;
                }
                if (!TryTakeValue(ref reader, out var itemStart, out var itemLength)) return false;
                entries.Add(new DecpEntry(_kind, _index, JsonPointerText.Append(_itemsPointer, _index),
                    _buffer.AsSpan(_start + itemStart, itemLength).ToArray(), PositionOf(itemStart), _bufferOffset + _start + itemStart));
                _index++;
                return true;

            case Stage.SkipValue:
                if (!TryTakeValue(ref reader, out _, out _)) return false;
                _stage = _afterSkip;
                return true;

            default:
                return true;
        }
    }

    private void BeginItems(DecpEntryKind kind, string pointer, Stage after)
    {
        _kind = kind;
        _itemsPointer = pointer;
        _index = 0;
        _afterItems = after;
        _stage = Stage.Items;
    }

    /// <summary>The reader stands on a value's first token: takes the whole value, or false when it is not all in the buffer.</summary>
    private static bool TryTakeValue(ref Utf8JsonReader reader, out int start, out int length)
    {
        start = (int)reader.TokenStartIndex;
        length = 0;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) return false;
        length = (int)reader.BytesConsumed - start;
        return true;
    }

    private TextPosition PositionOf(int startInReader) =>
        _lines.AdvanceTo(_bufferOffset + _start + startInReader, _buffer.AsSpan(0, _end), _bufferOffset);

    private UnreadableInputException Unreadable(string message, int offsetFromStart, Exception? inner)
    {
        var offset = Math.Min(_start + offsetFromStart, _end);
        var position = _lines.AdvanceTo(_bufferOffset + offset, _buffer.AsSpan(0, _end), _bufferOffset);
        return new UnreadableInputException(message, _bufferOffset + offset, position, inner);
    }
}
