using System.Text.Json;
using OgpData.Json;

namespace OgpData.Streaming;

/// <summary>
/// What a reader built on <see cref="JsonChunkReader"/> knows of its document: how to read one unit (a token,
/// a property and its value, a whole item) and what to do with each item of a big list.
/// </summary>
internal interface IJsonUnitReader
{
    /// <summary>True once the root value has been read.</summary>
    bool Finished { get; }

    /// <summary>
    /// Reads one unit with <paramref name="reader"/>. False when the unit is not all in the buffer; the reader
    /// is then wound back to where the unit began and called again once more bytes are in.
    /// </summary>
    bool ReadUnit(ref Utf8JsonReader reader);

    /// <summary>
    /// One item of the list opened with <see cref="JsonChunkReader.BeginList"/>: its bytes are
    /// <see cref="JsonChunkReader.Slice"/>(<paramref name="start"/>, <paramref name="length"/>).
    /// </summary>
    void ListItem(int start, int length);
}

/// <summary>
/// The one way this library reads a big JSON text in chunks: a buffer that grows only to the largest unit,
/// refilled whole and compacted, a UTF-8 byte order mark skipped, a <see cref="Utf8JsonReader"/> resumed across
/// refills, absolute byte offsets and lines and columns of any byte still in the buffer, and failures turned into
/// <see cref="UnreadableInputException"/> at the right place. The OCDS, DECP and JSON-list readers are state
/// machines on top of it (<see cref="IJsonUnitReader"/>).
/// </summary>
/// <remarks>
/// The items of a big list (<c>releases</c>, <c>marche</c>) are cut out with <see cref="JsonValueScanner"/>, a
/// structural scan that finds where each one ends without tokenising it. With <c>validateItems</c> each item is
/// then tokenised once here, so that a broken one stops the reading at its place; without it the consumer's own
/// parse (a <c>JsonDocument</c>) is the one and only tokenisation, and a parse failure there means the input is
/// broken at that item (see <see cref="StreamedItem.BreaksInput"/>).
/// </remarks>
internal sealed class JsonChunkReader
{
    private readonly Stream _stream;
    private readonly JsonChunkLimits _limits;
    private readonly bool _validateItems;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _final;
    private bool _begun;
    private long _bufferOffset;
    private JsonReaderState _state;
    private readonly LineCounter _lines;

    // The list being cut with the scanner: the reader's state just after its '[', and its items' nesting depth.
    private bool _inList;
    private bool _listExpectsItem;
    private bool _listHasItems;
    private JsonReaderState _listState;
    private int _listItemDepth;

    /// <param name="stream">The UTF-8 text.</param>
    /// <param name="initialBufferBytes">The buffer's first size (tests use a tiny one to exercise refills).</param>
    /// <param name="baseOffset">The absolute offset of the stream's first byte (a JSON Lines line inside a file).</param>
    /// <param name="basePosition">The line and column of that byte.</param>
    /// <param name="limits">The nesting depth and string length accepted.</param>
    /// <param name="validateItems">Whether list items are tokenised here (see the remarks).</param>
    /// <param name="inserted">Offsets of bytes a filter added that the file does not hold (they are not counted in columns).</param>
    public JsonChunkReader(Stream stream, int initialBufferBytes, long baseOffset, TextPosition basePosition, JsonChunkLimits limits,
        bool validateItems, List<long>? inserted = null)
    {
        _stream = stream;
        _limits = limits;
        _validateItems = validateItems;
        _buffer = new byte[Math.Max(16, initialBufferBytes)];
        _bufferOffset = baseOffset;
        _state = new JsonReaderState(limits.ReaderOptions);
        _lines = new LineCounter(baseOffset, basePosition, inserted);
    }

    /// <summary>True once the stream has been read to its end.</summary>
    public bool IsFinal => _final;

    /// <summary>The failure that ended the reading, once <see cref="Step"/> has returned true because of it.</summary>
    public UnreadableInputException? Error { get; private set; }

    /// <summary>The bytes of the buffer from the unit being read on (offsets below are relative to its first byte).</summary>
    private ReadOnlySpan<byte> Pending => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Bytes of the pending text: <paramref name="length"/> from <paramref name="start"/> (relative to the step's start).</summary>
    public ReadOnlySpan<byte> Slice(int start, int length) => _buffer.AsSpan(_start + start, length);

    /// <summary>The absolute offset of a byte of the pending text.</summary>
    public long Absolute(int start) => _bufferOffset + _start + start;

    /// <summary>The line and column of a byte of the pending text (never before one already asked for).</summary>
    public TextPosition PositionOf(int start) => _lines.AdvanceTo(Absolute(start), _buffer.AsSpan(0, _end), _bufferOffset);

    /// <summary>An exception for a failure at a byte of the pending text.</summary>
    public UnreadableInputException Unreadable(string message, int start, Exception? inner = null)
    {
        var at = Math.Clamp(start, 0, _end - _start);
        return new UnreadableInputException(message, Absolute(at), PositionOf(at), inner);
    }

    /// <summary>Reads more of the stream into the buffer (growing it when one unit fills it).</summary>
    public void Fill()
    {
        Compact();
        // Fill the buffer whole: a unit cut by the buffer's end is scanned again from its start, so fewer fills is less work.
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _final = true;
                break;
            }
            _end += read;
        }
        SkipByteOrderMark();
    }

    /// <summary>As <see cref="Fill"/>, asynchronously.</summary>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        Compact();
        while (_end < _buffer.Length)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _final = true;
                break;
            }
            _end += read;
        }
        SkipByteOrderMark();
    }

    private void Compact()
    {
        _lines.AdvanceTo(_bufferOffset + _start, _buffer.AsSpan(0, _end), _bufferOffset);
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        _bufferOffset += _start;
        _end -= _start;
        _start = 0;
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
    }

    /// <summary>A UTF-8 byte order mark is not JSON: skip it (once three bytes are in, however the stream trickles).</summary>
    private void SkipByteOrderMark()
    {
        if (_begun || (_end < 3 && !_final)) return;
        _begun = true;
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
            _lines.Skip(_bufferOffset + 3);
        }
    }

    /// <summary>
    /// Reads as many whole units as the buffer holds. True when the root value is finished or the input is broken
    /// (then <see cref="Error"/> says where); false when more bytes are needed (call a fill, then step again).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Step(IJsonUnitReader units)
    {
        if (!_begun) return false;
        try
        {
            while (!units.Finished)
            {
                if (_inList)
                {
                    if (!StepList(units)) return !_final ? false : throw Unreadable(Truncated, _end - _start);
                    continue;
                }
                var reader = new Utf8JsonReader(Pending, _final, _state);
                try
                {
                    while (!units.Finished && !_inList)
                    {
                        var before = reader.CurrentState;
                        var beforeConsumed = reader.BytesConsumed;
                        if (!units.ReadUnit(ref reader))
                        {
                            _state = before;
                            _start += (int)beforeConsumed;
                            return _final ? throw Unreadable(Truncated, _end - _start) : false;
                        }
                        if (_inList)
                        {
                            // BeginList took over after the list's '[': the scanner goes on from there.
                            _start += (int)reader.BytesConsumed;
                            _listState = reader.CurrentState;
                        }
                    }
                    if (!_inList)
                    {
                        _start += (int)reader.BytesConsumed;
                        _state = reader.CurrentState;
                    }
                }
                catch (JsonException e)
                {
                    throw Unreadable("The input is not well-formed JSON: " + e.Message, ResumedErrorOffset(reader.BytesConsumed, e), e);
                }
                catch (InvalidOperationException e)
                {
                    // A unit reader read a name or string that no text can hold (invalid UTF-8, an escaped lone
                    // surrogate): the reader is still on that token.
                    throw Unreadable("The input holds a name or string that is not valid text (invalid UTF-8 or an escaped lone surrogate): " + e.Message,
                        (int)reader.TokenStartIndex, e);
                }
            }
            EnsureNothingFollows();
            return true;
        }
        catch (UnreadableInputException e)
        {
            Error = e;
            return true;
        }
    }

    /// <summary>The message for a text that ends inside a value.</summary>
    private const string Truncated = "The input ends in the middle of a JSON value (truncated file?).";

    /// <summary>
    /// Called by <see cref="IJsonUnitReader.ReadUnit"/> on a list's <c>[</c>: its items are handed to
    /// <see cref="IJsonUnitReader.ListItem"/> one by one, and the reader next sees the list's <c>]</c>.
    /// </summary>
    public void BeginList(ref Utf8JsonReader reader)
    {
        _inList = true;
        _listExpectsItem = true;
        _listHasItems = false;
        _listItemDepth = reader.CurrentDepth + 1;
    }

    /// <summary>Cuts out the list's items with the scanner. False when more bytes are needed.</summary>
    private bool StepList(IJsonUnitReader units)
    {
        while (true)
        {
            var pending = Pending;
            var at = pending.IndexOfAnyExcept(" \t\r\n"u8);
            if (at < 0)
            {
                _start = _end;
                return false;
            }
            var b = pending[at];
            if (b == (byte)']' && (!_listHasItems || !_listExpectsItem))
            {
                // Hand back to the reader, in the state it had after '[': the ']' is what it reads next.
                _start += at;
                _state = _listState;
                _inList = false;
                return true;
            }
            if (!_listExpectsItem)
            {
                if (b != (byte)',') throw Unreadable($"The input is not well-formed JSON: '{(char)b}' is invalid after a value. Expected either ',' or ']'.", at);
                _start += at + 1;
                _listExpectsItem = true;
                continue;
            }
            int length;
            if (b is (byte)'{' or (byte)'[')
            {
                var scan = JsonValueScanner.FindEnd(pending[at..], _final, _listItemDepth, _limits);
                if (scan.Length == 0)
                {
                    if (scan.Problem is { } problem) throw Unreadable("The input is not well-formed JSON: " + problem, at + scan.ProblemOffset);
                    _start += at;
                    return false;
                }
                length = scan.Length;
                if (_validateItems) Validate(pending.Slice(at, length), at);
            }
            else if (!TryTakeScalar(pending, at, out length))
            {
                _start += at;
                return false;
            }
            units.ListItem(at, length);
            _start += at + length;
            _listExpectsItem = false;
            _listHasItems = true;
        }
    }

    /// <summary>A list item that is not an object or array: the reader takes it whole, or false when it is cut.</summary>
    private bool TryTakeScalar(ReadOnlySpan<byte> pending, int at, out int length)
    {
        length = 0;
        var rest = pending[at..];
        var reader = new Utf8JsonReader(rest, _final, new JsonReaderState(_limits.ReaderOptions));
        try
        {
            // A number at the buffer's end may go on in the next chunk: the reader says so by asking for more.
            if (!reader.Read()) return false;
        }
        catch (JsonException e)
        {
            throw Unreadable("The input is not well-formed JSON: " + e.Message, at + ErrorOffset(rest, e), e);
        }
        length = (int)reader.BytesConsumed;
        if (reader.TokenType == JsonTokenType.String && JsonValueScanner.CheckString(rest[..length], _limits) is { } problem) throw Unreadable(problem, at);
        return true;
    }

    /// <summary>Tokenises one item the scanner cut out, so that a broken item stops the reading at its place.</summary>
    private void Validate(ReadOnlySpan<byte> item, int start)
    {
        var reader = new Utf8JsonReader(item, isFinalBlock: true, new JsonReaderState(JsonChunkLimits.Unbounded));
        try
        {
            while (reader.Read()) { }
        }
        catch (JsonException e)
        {
            throw Unreadable("The input is not well-formed JSON: " + e.Message, start + ErrorOffset(item, e), e);
        }
    }

    /// <summary>
    /// Content after the root value would be silently ignored otherwise (two concatenated documents, or JSON Lines
    /// whose first line was too long to be told apart from a single document).
    /// </summary>
    private void EnsureNothingFollows()
    {
        var content = Pending.IndexOfAnyExcept(" \t\r\n"u8);
        if (content >= 0)
        {
            throw Unreadable("Unexpected content after the end of the JSON document (several documents in one file? JSON Lines need one document per line).", content);
        }
        _start = _end;
    }

    /// <summary>After the root value: reads the rest of the stream and fails on anything but white space.</summary>
    public async ValueTask EnsureEndAsync(CancellationToken cancellationToken)
    {
        while (!_final && Error is null)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
            CheckTail();
        }
    }

    /// <summary>As <see cref="EnsureEndAsync"/>, synchronously.</summary>
    public void EnsureEnd()
    {
        while (!_final && Error is null)
        {
            Fill();
            CheckTail();
        }
    }

    private void CheckTail()
    {
        try
        {
            EnsureNothingFollows();
        }
        catch (UnreadableInputException e)
        {
            Error = e;
        }
    }

    /// <summary>
    /// Where a reader resumed from a saved state failed: its line count runs from the stream's start (and skips the
    /// lists the scanner passed over), so only its byte-in-line is used, from the start of the line holding the
    /// token after the last one read, when that line starts in the buffer.
    /// </summary>
    private int ResumedErrorOffset(long consumed, JsonException e)
    {
        var pending = Pending;
        var from = (int)Math.Min(consumed, pending.Length);
        var next = pending[from..].IndexOfAnyExcept(" \t\r\n"u8);
        var token = next < 0 ? pending.Length : from + next;
        var newline = pending[..token].LastIndexOf((byte)'\n');
        if (newline < 0 && PositionOf(0).Column != 1) return token;
        var at = newline + 1 + (int)(e.BytePositionInLine ?? 0);
        return at >= token && at <= pending.Length ? at : token;
    }

    /// <summary>The reader counts a failure's line and byte from where it started; turn that back into an offset.</summary>
    internal static int ErrorOffset(ReadOnlySpan<byte> span, JsonException e)
    {
        var offset = 0;
        for (long line = 0; line < (e.LineNumber ?? 0); line++)
        {
            var next = span[offset..].IndexOf((byte)'\n');
            if (next < 0) break;
            offset += next + 1;
        }
        return (int)Math.Min(span.Length, offset + (e.BytePositionInLine ?? 0));
    }

    /// <summary>
    /// The reader stands on the first token of a value: takes the whole value (tokenising it), or false when it is
    /// not all in the buffer. For the small values around the big lists (package metadata, DECP's other members).
    /// </summary>
    public static bool TryTakeValue(ref Utf8JsonReader reader, out int start, out int length)
    {
        start = (int)reader.TokenStartIndex;
        length = 0;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) return false;
        length = (int)reader.BytesConsumed - start;
        return true;
    }
}
