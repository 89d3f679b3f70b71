namespace OgpData.Decp;

/// <summary>
/// Reads a JSON text and turns the bare <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> that Python and pandas
/// write for missing numbers (not JSON, so every JSON reader stops there) into <c>null</c>, remembering where. Valid
/// JSON never holds a bare word starting with <c>N</c> or <c>I</c>, so valid input passes through byte for byte.
/// <c>Infinity</c> is padded to its length with spaces; <c>NaN</c> grows by one byte, which <see cref="Inserted"/>
/// records so that readers give the file's own columns after it.
/// </summary>
internal sealed class NonFiniteNumberFilter(Stream inner) : Stream
{
    private const int MaxWord = 16;

    private readonly byte[] _in = new byte[1 << 16];
    private byte[] _out = new byte[(1 << 17) + 64];
    private int _outStart;
    private int _outEnd;
    private long _written;
    private bool _innerDone;
    private bool _inString;
    private bool _escaped;
    private bool _minus;
    private readonly byte[] _word = new byte[MaxWord];
    private int _wordLength;

    /// <summary>Offsets, in the filtered output, of each <c>null</c> written in place of a non-finite number, in order.</summary>
    public List<long> Replaced { get; } = [];

    /// <summary>Offsets, in the filtered output, of the bytes the file does not hold (the fourth byte of a <c>null</c> for <c>NaN</c>), in order.</summary>
    public List<long> Inserted { get; } = [];

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_outStart == _outEnd && !_innerDone) Refill();
        var available = Math.Min(count, _outEnd - _outStart);
        Buffer.BlockCopy(_out, _outStart, buffer, offset, available);
        _outStart += available;
        return available;
    }

    private void Refill()
    {
        _outStart = _outEnd = 0;
        var read = inner.Read(_in, 0, _in.Length);
        if (read == 0)
        {
            _innerDone = true;
            EndWord();
            FlushMinus();
            return;
        }
        foreach (var b in _in.AsSpan(0, read)) Take(b);
    }

    private void Take(byte b)
    {
        if (_inString)
        {
            Emit(b);
            if (_escaped) _escaped = false;
            else if (b == (byte)'\\') _escaped = true;
            else if (b == (byte)'"') _inString = false;
            return;
        }
        if (_wordLength > 0)
        {
            if (IsLetter(b) && _wordLength < MaxWord)
            {
                _word[_wordLength++] = b;
                return;
            }
            EndWord();
        }
        if (_minus)
        {
            if (b == (byte)'I')
            {
                _word[_wordLength++] = b;
                return;
            }
            FlushMinus();
        }
        switch (b)
        {
            case (byte)'"':
                _inString = true;
                Emit(b);
                break;
            case (byte)'-':
                _minus = true;
                break;
            case (byte)'N':
            case (byte)'I':
                _word[_wordLength++] = b;
                break;
            default:
                Emit(b);
                break;
        }
    }

    private void EndWord()
    {
        if (_wordLength == 0) return;
        var word = _word.AsSpan(0, _wordLength);
        var length = _wordLength + (_minus ? 1 : 0);
        if (word.SequenceEqual("NaN"u8) && !_minus || word.SequenceEqual("Infinity"u8))
        {
            Replaced.Add(_written);
            if (length < 4) Inserted.Add(_written + 3);
            foreach (var b in "null"u8) Emit(b);
            for (var i = 4; i < length; i++) Emit((byte)' ');
        }
        else
        {
            // Not a number Python writes: left as it is, for the JSON reader to refuse.
            FlushMinus();
            foreach (var b in word) Emit(b);
        }
        _minus = false;
        _wordLength = 0;
    }

    private void FlushMinus()
    {
        if (!_minus) return;
        _minus = false;
        Emit((byte)'-');
    }

    private void Emit(byte b)
    {
        if (_outEnd == _out.Length) Array.Resize(ref _out, _out.Length * 2);
        _out[_outEnd++] = b;
        _written++;
    }

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
