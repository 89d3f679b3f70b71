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
        ReadAsync(utf8Content, kind, DefaultBufferBytes, cancellationToken);

    /// <summary>The buffer's first size.</summary>
    internal const int DefaultBufferBytes = 64 * 1024;

    /// <summary>As the public overload, with the initial buffer size chosen (tests use a tiny one to exercise refills).</summary>
    internal static IAsyncEnumerable<StreamedPart> ReadAsync(Stream utf8Content, DocumentKind kind, int initialBufferBytes, CancellationToken cancellationToken) =>
        ReadAsync(utf8Content, kind, new ReadSettings(initialBufferBytes, new JsonChunkLimits(MaxDepth, int.MaxValue), ValidateItems: true), cancellationToken);

    /// <summary>
    /// As the public overload, with the limits chosen and, when <see cref="ReadSettings.ValidateItems"/> is false, the
    /// items of a package handed out unparsed: a consumer that parses each one anyway reads every byte once, and
    /// takes a parse failure of an item with <see cref="StreamedItem.BreaksInput"/> as the input broken there.
    /// </summary>
    internal static IAsyncEnumerable<StreamedPart> ReadAsync(Stream utf8Content, DocumentKind kind, ReadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Content);
        if (!kind.IsOcds()) throw new ArgumentException($"{kind.ToName()} is not an OCDS input kind.", nameof(kind));
        var counter = new ItemCounter();
        return kind == DocumentKind.OcdsReleasesJsonLines
            ? ReadLinesAsync(utf8Content, counter, settings, cancellationToken)
            : new PackageWalker(utf8Content, kind, 0, TextPosition.Start, "", 0, counter, settings).RunAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<StreamedPart> ReadLinesAsync(Stream stream, ItemCounter counter, ReadSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[settings.InitialBufferBytes];
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
                var kind = InputDetector.ClassifyLine(content);
                if (kind is DocumentKind.OcdsReleasePackage or DocumentKind.OcdsRecordPackage)
                {
                    var walker = new PackageWalker(new MemoryStream(content.ToArray(), writable: false), kind, offset, at,
                        JsonPointerText.Append("", lineIndex), lineIndex, counter, settings);
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
                        Utf8 = Lend(content, out var lent),
                        LentUtf8 = lent,
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
    private sealed class PackageWalker : IJsonUnitReader
    {
        private readonly JsonChunkReader _chunks;
        private readonly DocumentKind _kind;
        private readonly string _rootPointer;
        private readonly int _rootPackageIndex;
        private readonly ItemCounter _counter;
        private readonly JsonChunkLimits _limits;
        private readonly bool _itemsBreakInput;
        private readonly List<StreamedPart> _parts = [];
        private Mode _mode = Mode.Start;

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

        public PackageWalker(Stream stream, DocumentKind kind, long baseOffset, TextPosition basePosition, string rootPointer, int rootPackageIndex,
            ItemCounter counter, ReadSettings settings)
        {
            _chunks = new JsonChunkReader(stream, settings.InitialBufferBytes, baseOffset, basePosition, settings.Limits, settings.ValidateItems);
            _kind = kind;
            _rootPointer = rootPointer;
            _rootPackageIndex = rootPackageIndex;
            _counter = counter;
            _limits = settings.Limits;
            _itemsBreakInput = !settings.ValidateItems;
        }

        public bool Finished => _mode == Mode.Done;

        public async IAsyncEnumerable<StreamedPart> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _parts.Clear();
                var done = _chunks.Step(this);
                // Hand out what was read before a break first; the error follows.
                foreach (var part in _parts) yield return part;
                if (_chunks.Error is { } error) throw error;
                if (done)
                {
                    await _chunks.EnsureEndAsync(cancellationToken).ConfigureAwait(false);
                    if (_chunks.Error is { } tail) throw tail;
                    yield break;
                }
                await _chunks.FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Reads one unit (a token, or a property and its value). False when more bytes are needed.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public bool ReadUnit(ref Utf8JsonReader reader)
        {
            switch (_mode)
            {
                case Mode.Start:
                    if (!reader.Read())
                    {
                        if (!_chunks.IsFinal) return false;
                        _mode = Mode.Done;
                        return true;
                    }
                    if (_kind is DocumentKind.OcdsRelease or DocumentKind.OcdsRecord)
                    {
                        if (!JsonChunkReader.TryTakeValue(ref reader, out var start, out var length)) return false;
                        CheckStrings(start, length);
                        _parts.Add(Item(start, length, _rootPointer, 0, _kind == DocumentKind.OcdsRecord ? OcdsItemKind.Record : OcdsItemKind.Release, breaksInput: false));
                        _mode = Mode.Done;
                    }
                    else if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        BeginPackage(_rootPointer, _rootPackageIndex);
                    }
                    else if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        _itemKind = OcdsItemKind.Release;
                        _itemsPointer = _rootPointer;
                        if (_kind == DocumentKind.OcdsPackageArray)
                        {
                            _mode = Mode.PackageArray;
                        }
                        else
                        {
                            _mode = Mode.ReleaseArray;
                            _chunks.BeginList(ref reader);
                        }
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
                        _parts.Add(EndPackage(reader.TokenStartIndex));
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
                        _chunks.BeginList(ref reader);
                        return true;
                    }
                    if (!JsonChunkReader.TryTakeValue(ref reader, out var valueStart, out var valueLength)) return false;
                    CheckStrings(valueStart, valueLength);
                    var property = new MetadataProperty
                    {
                        Name = name,
                        AfterItems = _itemsSeen,
                        PackageIndex = _packageIndex,
                        PackagePointer = _packagePointer,
                        Utf8 = _chunks.Slice(valueStart, valueLength).ToArray(),
                        ByteOffset = _chunks.Absolute(valueStart),
                        Position = _chunks.PositionOf(valueStart),
                    };
                    _properties.Add(property);
                    _parts.Add(property);
                    return true;

                case Mode.Items:
                case Mode.ReleaseArray:
                    // The items went to ListItem; what is left of the list is its ']'.
                    if (!reader.Read()) return false;
                    _mode = _mode == Mode.Items ? Mode.PackageProperties : Mode.Done;
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
                        BeginPackage(JsonPointerText.Append(_rootPointer, _packageArrayIndex), _packageArrayIndex);
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

        public void ListItem(int start, int length)
        {
            _parts.Add(Item(start, length, JsonPointerText.Append(_itemsPointer, _arrayIndex), _arrayIndex, _itemKind, _itemsBreakInput));
            _arrayIndex++;
        }

        /// <summary>Values read whole by the reader (metadata, a single item) are held to the string limit here.</summary>
        private void CheckStrings(int start, int length)
        {
            if (JsonValueScanner.FindLongString(_chunks.Slice(start, length), _limits) is { } found) throw _chunks.Unreadable(found.Problem, start + found.Offset);
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
            ByteOffset = _chunks.Absolute((int)closingBrace),
            Position = _chunks.PositionOf((int)closingBrace),
        };

        private StreamedItem Item(int start, int length, string pointer, int indexInArray, OcdsItemKind itemKind, bool breaksInput) => new()
        {
            Index = _counter.Next(),
            IndexInArray = indexInArray,
            Kind = itemKind,
            ItemPointer = pointer,
            PackageIndex = _packageIndex,
            PackagePointer = _packagePointer,
            Utf8 = Lend(_chunks.Slice(start, length), out var lent),
            LentUtf8 = lent,
            BreaksInput = breaksInput,
            ByteOffset = _chunks.Absolute(start),
            Position = _chunks.PositionOf(start),
        };
    }

    /// <summary>
    /// An item's bytes in an array from <see cref="ItemPool"/> (up to <see cref="LentItemLimit"/>), which the validator
    /// hands back once it has checked the item: a file of many items then recycles a few buffers instead of allocating
    /// its whole size again. Larger items get an array of their own.
    /// </summary>
    private static ReadOnlyMemory<byte> Lend(ReadOnlySpan<byte> bytes, out bool lent)
    {
        lent = bytes.Length <= LentItemLimit;
        if (!lent) return bytes.ToArray();
        var array = ItemPool.Rent(bytes.Length);
        bytes.CopyTo(array);
        return new ReadOnlyMemory<byte>(array, 0, bytes.Length);
    }

    /// <summary>How a reading goes: the buffer's first size, the limits, and whether list items are tokenised by the reader.</summary>
    internal readonly record struct ReadSettings(int InitialBufferBytes, JsonChunkLimits Limits, bool ValidateItems);
}
