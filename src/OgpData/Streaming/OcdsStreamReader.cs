using OgpData.Json;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OgpData.Streaming;

/// <summary>The input could not be read as JSON: where, and why. Raised for a broken file, never for bad data.</summary>
public sealed class UnreadableInputException(string message, long byteOffset, TextPosition position, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The byte offset (in the decompressed file) of the value being read when reading failed.</summary>
    public long ByteOffset { get; } = byteOffset;

    /// <summary>The line and column of that value.</summary>
    public TextPosition Position { get; } = position;
}

/// <summary>
/// Walks an OCDS input in chunks with <see cref="Utf8JsonReader"/> and hands out each release or record whole,
/// with its index and position, plus the package metadata property by property. The buffer only ever grows
/// to the largest single item (or metadata property); the file is never held whole.
/// </summary>
public static class OcdsStreamReader
{
    /// <summary>The nesting depth accepted in an input; deeper documents are refused as unreadable.</summary>
    public const int MaxDepth = 256;

    internal static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Items up to this size are copied into pooled arrays (see <see cref="StreamedItem.ReturnLentUtf8"/>).</summary>
    internal const int LentItemLimit = 256 * 1024;

    /// <summary>
    /// The pool items are lent from. Its own, not the shared one: items are rented on the reading thread and
    /// returned on another, which the shared pool's per-thread caches serve poorly. At most 64 arrays are kept
    /// per size, more than a validator keeps in flight.
    /// </summary>
    internal static readonly System.Buffers.ArrayPool<byte> ItemPool = System.Buffers.ArrayPool<byte>.Create(LentItemLimit, 64);

    /// <summary>
    /// Reads the parts of a UTF-8 input whose kind is known (see <see cref="InputDetector"/>): items in file
    /// order, metadata properties as they come, and a <see cref="PackageEnd"/> after each package.
    /// Throws <see cref="UnreadableInputException"/> when the JSON is broken (except in JSON Lines, where a
    /// broken line is handed out as an item and the reading goes on).
    /// </summary>
    public static IAsyncEnumerable<StreamedPart> ReadAsync(Stream utf8Content, DocumentKind kind, CancellationToken cancellationToken = default) =>
        ReadAsync(utf8Content, kind, 64 * 1024, cancellationToken);

    /// <summary>As the public overload, with the initial buffer size chosen (tests use a tiny one to exercise refills).</summary>
    internal static IAsyncEnumerable<StreamedPart> ReadAsync(Stream utf8Content, DocumentKind kind, int initialBufferBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Content);
        if (!kind.IsOcds()) throw new ArgumentException($"{kind.ToName()} is not an OCDS input kind.", nameof(kind));
        var counter = new ItemCounter();
        return kind == DocumentKind.OcdsReleasesJsonLines
            ? ReadLinesAsync(utf8Content, counter, initialBufferBytes, cancellationToken)
            : new PackageWalker(utf8Content, kind, 0, TextPosition.Start, "", 0, counter, initialBufferBytes).RunAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<StreamedPart> ReadLinesAsync(Stream stream, ItemCounter counter, int initialBufferBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[initialBufferBytes];
        int start = 0, end = 0, lineIndex = 0;
        long bufferOffset = 0;
        var position = TextPosition.Start;
        var final = false;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0 && !final)
            {
                // Keep the unfinished line; grow only when one line fills the buffer.
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                bufferOffset += start;
                end -= start;
                start = 0;
                if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0) final = true;
                end += read;
                continue;
            }
            var lineLength = newline < 0 ? end - start : newline;
            if (lineLength == 0 && newline < 0) break;
            var line = buffer.AsSpan(start, lineLength);
            var content = line.TrimEnd("\r\t "u8);
            var leading = content.Length - content.TrimStart("\r\t "u8).Length;
            content = content[leading..];
            if (!content.IsEmpty)
            {
                var offset = bufferOffset + start + leading;
                var at = new TextPosition(position.Line, 1 + TextPosition.CountUtf16(line[..leading]));
                var bytes = content.ToArray();
                var kind = InputDetector.Classify(bytes);
                if (kind is DocumentKind.OcdsReleasePackage or DocumentKind.OcdsRecordPackage)
                {
                    var walker = new PackageWalker(new MemoryStream(bytes, writable: false), kind, offset, at,
                        JsonPointerText.Append("", lineIndex), lineIndex, counter, initialBufferBytes);
                    await foreach (var part in walker.RunAsync(cancellationToken).ConfigureAwait(false)) yield return part;
                }
                else
                {
                    yield return new StreamedItem
                    {
                        Index = counter.Next(),
                        IndexInArray = lineIndex,
                        Kind = kind == DocumentKind.OcdsRecord ? OcdsItemKind.Record : OcdsItemKind.Release,
                        ItemPointer = JsonPointerText.Append("", lineIndex),
                        PackageIndex = 0,
                        PackagePointer = "",
                        Utf8 = bytes,
                        ByteOffset = offset,
                        Position = at,
                    };
                }
                lineIndex++;
            }
            position = new TextPosition(position.Line + 1, 1);
            if (newline < 0) break;
            start += newline + 1;
        }
    }

    /// <summary>Numbers items across the whole input, packages and lines included.</summary>
    internal sealed class ItemCounter
    {
        private long _next;
        public long Next() => _next++;
    }

    private enum Mode { Start, PackageProperties, Items, PackageArray, ReleaseArray, Done }

    /// <summary>The state machine over one JSON text holding a package, an array of packages or releases, or one item.</summary>
    private sealed class PackageWalker(Stream stream, DocumentKind kind, long baseOffset, TextPosition basePosition,
        string rootPointer, int rootPackageIndex, ItemCounter counter, int initialBufferBytes)
    {
        private byte[] _buffer = new byte[Math.Max(16, initialBufferBytes)];
        private int _start;
        private int _end;
        private bool _final;
        private long _bufferOffset = baseOffset;
        private JsonReaderState _state = new(ReaderOptions);
        private readonly LineCounter _lines = new(baseOffset, basePosition);
        private Mode _mode = Mode.Start;
        private UnreadableInputException? _error;

        private int _packageIndex;
        private string _packagePointer = "";
        private bool _inPackageArray;
        private int _packageArrayIndex;
        private int _arrayIndex;
        private bool _itemsSeen;
        private OcdsItemKind _itemKind;
        private OcdsItemKind _metadataKind = OcdsItemKind.ReleasePackageMetadata;
        private string _itemsPointer = "";
        private ImmutableArray<MetadataProperty>.Builder _properties = ImmutableArray.CreateBuilder<MetadataProperty>();

        public async IAsyncEnumerable<StreamedPart> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var parts = new List<StreamedPart>();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                parts.Clear();
                var done = Step(parts);
                foreach (var part in parts) yield return part;
                if (_error is not null) throw _error;
                if (done)
                {
                    await EnsureNothingFollowsAsync(cancellationToken).ConfigureAwait(false);
                    yield break;
                }
                if (_final) throw Unreadable("The input ends in the middle of a JSON value (truncated file?).", _end - _start, null);
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Content after the root value would be silently ignored otherwise (two concatenated documents, or JSON Lines
        /// whose first line was too long to be told apart from a single document).
        /// </summary>
        private async Task EnsureNothingFollowsAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var rest = _buffer.AsSpan(_start, _end - _start);
                var content = rest.IndexOfAnyExcept(" \t\r\n"u8);
                if (content >= 0)
                {
                    throw Unreadable("Unexpected content after the end of the JSON document (several documents in one file? JSON Lines need one document per line).", content, null);
                }
                if (_final) return;
                _start = _end;
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task FillAsync(CancellationToken cancellationToken)
        {
            _lines.AdvanceTo(_bufferOffset + _start, _buffer.AsSpan(0, _end), _bufferOffset);
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
            if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            // Fill the buffer whole: an item that did not fit is re-scanned once per fill, so fewer fills is less work.
            while (_end < _buffer.Length)
            {
                var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    _final = true;
                    break;
                }
                _end += read;
            }
        }

        /// <summary>Reads as many whole units as the buffer holds. True when the root value is finished.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private bool Step(List<StreamedPart> parts)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            try
            {
                while (_mode != Mode.Done)
                {
                    var before = reader.CurrentState;
                    var beforeConsumed = reader.BytesConsumed;
                    if (!Unit(ref reader, parts))
                    {
                        _state = before;
                        _start += (int)beforeConsumed;
                        return false;
                    }
                }
                _start += (int)reader.BytesConsumed;
                return true;
            }
            catch (JsonException e)
            {
                // Hand out what was read before the break first; the error follows.
                _error = Unreadable("The input is not well-formed JSON: " + e.Message, OffsetOf(e), e);
                return true;
            }
        }

        /// <summary>The reader counts the failure's line and byte from where it started; turn that back into an offset.</summary>
        private int OffsetOf(JsonException e)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var offset = 0;
            for (long line = 0; line < (e.LineNumber ?? 0); line++)
            {
                var next = span[offset..].IndexOf((byte)'\n');
                if (next < 0) break;
                offset += next + 1;
            }
            return (int)Math.Min(span.Length, offset + (e.BytePositionInLine ?? 0));
        }

        private UnreadableInputException Unreadable(string message, int offsetFromStart, Exception? inner)
        {
            var offset = _bufferOffset + _start + offsetFromStart;
            var position = _lines.AdvanceTo(offset, _buffer.AsSpan(0, _end), _bufferOffset);
            return new UnreadableInputException(message, offset, position, inner);
        }

        /// <summary>Reads one unit (a token, a property and its value, or an item). False when more bytes are needed.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private bool Unit(ref Utf8JsonReader reader, List<StreamedPart> parts)
        {
            switch (_mode)
            {
                case Mode.Start:
                    if (!reader.Read())
                    {
                        if (!_final) return false;
                        _mode = Mode.Done;
                        return true;
                    }
                    if (kind is DocumentKind.OcdsRelease or DocumentKind.OcdsRecord)
                    {
                        if (!TryTakeValue(ref reader, out var start, out var length)) return false;
                        parts.Add(Item(start, length, rootPointer, 0, kind == DocumentKind.OcdsRecord ? OcdsItemKind.Record : OcdsItemKind.Release));
                        _mode = Mode.Done;
                    }
                    else if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        BeginPackage(rootPointer, rootPackageIndex);
                    }
                    else if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        _mode = kind == DocumentKind.OcdsPackageArray ? Mode.PackageArray : Mode.ReleaseArray;
                        _itemKind = OcdsItemKind.Release;
                        _itemsPointer = rootPointer;
                    }
                    else
                    {
                        _mode = Mode.Done;
                    }
                    return true;

                case Mode.PackageProperties:
                    if (!reader.Read()) return false;
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        parts.Add(EndPackage(reader.TokenStartIndex));
                        _mode = _inPackageArray ? Mode.PackageArray : Mode.Done;
                        return true;
                    }
                    var name = reader.GetString()!;
                    if (!reader.Read()) return false;
                    if (!_itemsSeen && reader.TokenType == JsonTokenType.StartArray && name is "releases" or "records")
                    {
                        _itemsSeen = true;
                        _itemKind = name == "records" ? OcdsItemKind.Record : OcdsItemKind.Release;
                        _metadataKind = name == "records" ? OcdsItemKind.RecordPackageMetadata : OcdsItemKind.ReleasePackageMetadata;
                        _itemsPointer = JsonPointerText.Append(_packagePointer, name);
                        _arrayIndex = 0;
                        _mode = Mode.Items;
                        return true;
                    }
                    if (!TryTakeValue(ref reader, out var valueStart, out var valueLength)) return false;
                    var property = new MetadataProperty
                    {
                        Name = name,
                        AfterItems = _itemsSeen,
                        PackageIndex = _packageIndex,
                        PackagePointer = _packagePointer,
                        Utf8 = Copy(valueStart, valueLength),
                        ByteOffset = Absolute(valueStart),
                        Position = PositionOf(valueStart),
                    };
                    _properties.Add(property);
                    parts.Add(property);
                    return true;

                case Mode.Items:
                case Mode.ReleaseArray:
                    if (!reader.Read()) return false;
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _mode = _mode == Mode.Items ? Mode.PackageProperties : Mode.Done;
                        return true;
                    }
                    if (!TryTakeValue(ref reader, out var itemStart, out var itemLength)) return false;
                    parts.Add(Item(itemStart, itemLength, JsonPointerText.Append(_itemsPointer, _arrayIndex), _arrayIndex, _itemKind));
                    _arrayIndex++;
                    return true;

                case Mode.PackageArray:
                    if (!reader.Read()) return false;
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _mode = Mode.Done;
                        return true;
                    }
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        _inPackageArray = true;
                        BeginPackage(JsonPointerText.Append(rootPointer, _packageArrayIndex), _packageArrayIndex);
                    }
                    else if (!reader.TrySkip())
                    {
                        return false;
                    }
                    _packageArrayIndex++;
                    return true;

                default:
                    return true;
            }
        }

        private void BeginPackage(string pointer, int index)
        {
            _packagePointer = pointer;
            _packageIndex = index;
            _itemsSeen = false;
            _properties = ImmutableArray.CreateBuilder<MetadataProperty>();
            _metadataKind = OcdsItemKind.ReleasePackageMetadata;
            _mode = Mode.PackageProperties;
        }

        private PackageEnd EndPackage(long closingBrace) => new()
        {
            PackageIndex = _packageIndex,
            PackagePointer = _packagePointer,
            MetadataKind = _metadataKind,
            ItemCount = _itemsSeen ? _arrayIndex : 0,
            Properties = _properties.ToImmutable(),
            Utf8 = ReadOnlyMemory<byte>.Empty,
            ByteOffset = Absolute((int)closingBrace),
            Position = PositionOf((int)closingBrace),
        };

        /// <summary>The reader stands on the first token of a value: takes the whole value, or false when it is not all in the buffer.</summary>
        private static bool TryTakeValue(ref Utf8JsonReader reader, out int start, out int length)
        {
            start = (int)reader.TokenStartIndex;
            length = 0;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) return false;
            length = (int)reader.BytesConsumed - start;
            return true;
        }

        private StreamedItem Item(int start, int length, string pointer, int indexInArray, OcdsItemKind itemKind) => new()
        {
            Index = counter.Next(),
            IndexInArray = indexInArray,
            Kind = itemKind,
            ItemPointer = pointer,
            PackageIndex = _packageIndex,
            PackagePointer = _packagePointer,
            Utf8 = Lend(start, length, out var lent),
            LentUtf8 = lent,
            ByteOffset = Absolute(start),
            Position = PositionOf(start),
        };

        private byte[] Copy(int start, int length) => _buffer.AsSpan(_start + start, length).ToArray();

        /// <summary>
        /// An item's bytes in an array from the shared pool (up to <see cref="LentItemLimit"/>), which the validator hands
        /// back once it has checked the item: a file of many items then recycles a few buffers instead of allocating
        /// its whole size again. Larger items get an array of their own.
        /// </summary>
        private ReadOnlyMemory<byte> Lend(int start, int length, out bool lent)
        {
            lent = length <= LentItemLimit;
            if (!lent) return Copy(start, length);
            var array = ItemPool.Rent(length);
            _buffer.AsSpan(_start + start, length).CopyTo(array);
            return new ReadOnlyMemory<byte>(array, 0, length);
        }

        private long Absolute(int startInReader) => _bufferOffset + _start + startInReader;

        private TextPosition PositionOf(int startInReader) =>
            _lines.AdvanceTo(Absolute(startInReader), _buffer.AsSpan(0, _end), _bufferOffset);
    }
}
