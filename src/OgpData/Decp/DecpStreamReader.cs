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

/// <summary>
/// One marché or concession, as bytes, with where it is in the file (line and column, and byte offset in the filtered
/// input). <paramref name="Inserted"/>: offsets, in the filtered input, of bytes the file does not hold.
/// </summary>
internal sealed record DecpEntry(DecpEntryKind Kind, int Index, string Pointer, byte[] Utf8, TextPosition Position, long ByteOffset = 0, List<long>? Inserted = null)
{
    /// <summary>The line and column in the file of the byte at <paramref name="offset"/> within the entry.</summary>
    public TextPosition PositionAt(int offset)
    {
        var before = Utf8.AsSpan(0, Math.Clamp(offset, 0, Utf8.Length));
        var position = Position.Advance(before);
        if (Inserted is null) return position;
        // Bytes a filter added on the same line, before the offset, are not the file's: they do not count as columns.
        var lineStart = ByteOffset + before.LastIndexOf((byte)'\n') + 1;
        return position with { Column = position.Column - LineCounter.InsertedBetween(Inserted, lineStart, ByteOffset + before.Length) };
    }
}

/// <summary>
/// Walks a DECP file in chunks (with <see cref="JsonChunkReader"/>) and hands out each marché and concession whole:
/// <c>{"marches": {"marche": [...], "contrat-concession": [...]}}</c> (format 2.0) or <c>{"marches": [...]}</c>
/// (format 1.x and the consolidated files). The buffer grows only to the largest entry; the file is never held whole.
/// </summary>
/// <param name="stream">The DECP text (through <see cref="NonFiniteNumberFilter"/>).</param>
/// <param name="report">Where findings about the file's shape go.</param>
/// <param name="inserted">Offsets of bytes the filter added (a <c>NaN</c> read as <c>null</c>), so that columns are those of the file.</param>
internal sealed class DecpStreamReader(Stream stream, Action<string, string, string, TextPosition> report, List<long>? inserted = null) : IJsonUnitReader
{
    private enum Stage { Start, RootMember, MarchesValue, ListsMember, ListValue, Items, SkipValue, Done }

    private readonly JsonChunkReader _chunks = new(stream, 1 << 16, 0, TextPosition.Start, JsonChunkLimits.Default, validateItems: true, inserted);
    private readonly List<DecpEntry> _entries = [];
    private Stage _stage = Stage.Start;
    private Stage _afterSkip;
    private Stage _afterItems;
    private string _member = "";
    private string _itemsPointer = "";
    private DecpEntryKind _kind;
    private int _index;
    private bool _sawMarches;

    public bool Finished => _stage == Stage.Done;

    /// <summary>The entries in file order. Throws <see cref="UnreadableInputException"/> when the file is not JSON or not DECP.</summary>
    public IEnumerable<DecpEntry> Read()
    {
        _chunks.Fill();
        while (true)
        {
            _entries.Clear();
            var done = _chunks.Step(this);
            if (_chunks.Error is { } error) throw error;
            foreach (var entry in _entries) yield return entry;
            if (done) break;
            _chunks.Fill();
        }
        _chunks.EnsureEnd();
        if (_chunks.Error is { } tail) throw tail;
        if (!_sawMarches) throw _chunks.Unreadable("Not a DECP file: the root object has no 'marches' member.", 0);
    }

    /// <summary>Reads one unit: a token, or a skipped value. False when more bytes are needed.</summary>
    public bool ReadUnit(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) return false;
        switch (_stage)
        {
            case Stage.Start:
                if (reader.TokenType != JsonTokenType.StartObject) throw _chunks.Unreadable("Not a DECP file: the root is not a JSON object.", (int)reader.TokenStartIndex);
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
                    BeginItems(ref reader, DecpEntryKind.Flat, "/marches", Stage.RootMember);
                }
                else
                {
                    throw _chunks.Unreadable("Not a DECP file: 'marches' is neither an object nor a list.", (int)reader.TokenStartIndex);
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
                    BeginItems(ref reader, known, pointer, Stage.ListsMember);
                    return true;
                }
                if (!JsonChunkReader.TryTakeValue(ref reader, out var start, out _)) return false;
                if (kind is null) report(RuleIds.DecpUnmappedField, pointer, $"'{_member}' is not a DECP list (marche, contrat-concession): not converted.", _chunks.PositionOf(start));
                else report(RuleIds.DecpWrongType, pointer, $"'{_member}' is not a list: not converted.", _chunks.PositionOf(start));
                _stage = Stage.ListsMember;
                return true;

            case Stage.Items:
                // The entries went to ListItem; what is left of the list is its ']'.
                _stage = _afterItems;
                return true;

            case Stage.SkipValue:
                if (!JsonChunkReader.TryTakeValue(ref reader, out _, out _)) return false;
                _stage = _afterSkip;
                return true;

            default:
                return true;
        }
    }

    public void ListItem(int start, int length)
    {
        _entries.Add(new DecpEntry(_kind, _index, JsonPointerText.Append(_itemsPointer, _index),
            _chunks.Slice(start, length).ToArray(), _chunks.PositionOf(start), _chunks.Absolute(start), inserted));
        _index++;
    }

    private void BeginItems(ref Utf8JsonReader reader, DecpEntryKind kind, string pointer, Stage after)
    {
        _kind = kind;
        _itemsPointer = pointer;
        _index = 0;
        _afterItems = after;
        _stage = Stage.Items;
        _chunks.BeginList(ref reader);
    }
}
