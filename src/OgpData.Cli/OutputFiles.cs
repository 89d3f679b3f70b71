using OgpData.IO;
using OgpData.Validation;

namespace OgpData.Cli;

/// <summary>
/// Every output of the OCDS publishing commands goes through here, so that an unusable input leaves no
/// output and an existing output untouched: each file is an <see cref="AtomicFile"/>, moved into place only
/// when the whole command succeeded. <c>-</c> is standard output, kept in a temporary file and copied out at
/// the end for the same reason.
/// </summary>
internal sealed class OutputFiles(TextWriter stdout) : IDisposable
{
    /// <summary>The name that means standard output.</summary>
    public const string StandardOutput = "-";

    private readonly List<AtomicFile> _files = [];
    private FileStream? _standardOutput;

    /// <summary>Opens a new output; the caller may close the stream when done. Nothing lands before <see cref="Commit"/>.</summary>
    public Stream Create(string destination)
    {
        try
        {
            if (destination != StandardOutput)
            {
                var file = AtomicFile.Create(destination);
                _files.Add(file);
                return file.Stream;
            }
            var temporary = Path.Combine(Path.GetTempPath(), ".stdout." + Path.GetRandomFileName() + ".tmp");
            _standardOutput = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            return new StandardOutputBuffer(_standardOutput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write '{destination}': {e.Message}", e);
        }
    }

    /// <summary>Moves every output into place. Called once, when the command succeeded.</summary>
    public void Commit()
    {
        foreach (var file in _files)
        {
            try
            {
                file.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"cannot write '{file.Path}': {e.Message}", e);
            }
        }
        if (_standardOutput is not null)
        {
            _standardOutput.Position = 0;
            using var reader = new StreamReader(_standardOutput, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var chunk = new char[1 << 16];
            int read;
            while ((read = reader.Read(chunk, 0, chunk.Length)) > 0) stdout.Write(chunk, 0, read);
            stdout.Flush();
        }
        Dispose();
    }

    /// <summary>Deletes what was not committed.</summary>
    public void Dispose()
    {
        foreach (var file in _files) file.Dispose();
        _files.Clear();
        _standardOutput?.Dispose();
        _standardOutput = null;
    }

    /// <summary>The standard-output buffer as its writer sees it: closing it keeps the buffer for the commit.</summary>
    private sealed class StandardOutputBuffer(FileStream buffer) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => buffer.Length;
        public override long Position { get => buffer.Position; set => throw new NotSupportedException(); }
        public override void Flush() => buffer.Flush();
        public override void Write(byte[] data, int offset, int count) => buffer.Write(data, offset, count);
        public override void Write(ReadOnlySpan<byte> data) => buffer.Write(data);
        public override Task WriteAsync(byte[] data, int offset, int count, CancellationToken cancellationToken) => buffer.WriteAsync(data, offset, count, cancellationToken);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => buffer.WriteAsync(data, cancellationToken);
        public override void WriteByte(byte value) => buffer.WriteByte(value);
        public override int Read(byte[] data, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
