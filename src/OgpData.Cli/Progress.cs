using System.Diagnostics;
using System.Globalization;

namespace OgpData.Cli;

/// <summary>
/// One status line on standard error while files are read: which file, how far into it, for how long. It is
/// drawn only when standard error is a terminal (a CI log or a redirected stream gets nothing), redrawn at
/// most a few times a second, and erased before the report is written, so stdout and logs stay clean.
/// </summary>
internal sealed class Progress(TextWriter stderr, bool enabled, TimeSpan? redrawEvery = null)
{
    private readonly TimeSpan _redrawEvery = redrawEvery ?? TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan? _lastDrawn;
    private int _drawnWidth;

    /// <summary>The progress of a command run by a person at a terminal: on when standard error is not redirected.</summary>
    public static Progress ForConsole() => new(Console.Error, enabled: !Console.IsErrorRedirected);

    /// <summary>A progress that never writes anything.</summary>
    public static Progress None { get; } = new(TextWriter.Null, enabled: false);

    public bool Enabled => enabled;

    /// <summary>
    /// Wraps <paramref name="file"/> so that reading it redraws the line: file <paramref name="number"/> of
    /// <paramref name="count"/>, with the share read so far.
    /// </summary>
    public Stream Track(Stream file, string path, int number, int count) =>
        enabled ? new CountingStream(file, read => Draw(path, number, count, read, file.CanSeek ? file.Length : 0)) : file;

    /// <summary>Erases the line, so what follows starts on a clean line.</summary>
    public void Clear()
    {
        if (!enabled) return;
        lock (_gate)
        {
            if (_drawnWidth == 0) return;
            stderr.Write('\r' + new string(' ', _drawnWidth) + '\r');
            stderr.Flush();
            _drawnWidth = 0;
        }
    }

    private void Draw(string path, int number, int count, long read, long length)
    {
        var now = _sinceStart.Elapsed;
        lock (_gate)
        {
            if (_lastDrawn is { } last && now - last < _redrawEvery && read < length) return;
            _lastDrawn = now;
            var share = length > 0 ? string.Create(CultureInfo.InvariantCulture, $" {100.0 * read / length,3:0}% of {Megabytes(length)}") : "";
            var files = count > 1 ? $"file {number} of {count}, " : "";
            var line = $"ogpdata: {files}{Path.GetFileName(path)}{share}, {now.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s";
            var padding = Math.Max(0, _drawnWidth - line.Length);
            stderr.Write('\r' + line + new string(' ', padding));
            stderr.Flush();
            _drawnWidth = line.Length;
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString(bytes < 10_000_000 ? "0.0" : "0", CultureInfo.InvariantCulture) + " MB";

    /// <summary>A read-only view of a stream that says how many bytes have been read so far.</summary>
    private sealed class CountingStream(Stream inner, Action<long> onRead) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush() { }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            _read += read;
            // A seekable file may be rewound after its kind is sniffed: its position is the truer measure.
            onRead(inner.CanSeek ? inner.Position : _read);
            return read;
        }
    }
}
