namespace OgpData.IO;

/// <summary>
/// Writes a file, or a folder of files, so that whoever reads the destination sees the previous content or
/// the new, never half of the new: the new content is written to a temporary file (or folder) beside the
/// destination, flushed to disk, and moved into place only when the writing succeeded. When the writing
/// fails, the temporary copy is deleted and the destination is left as it was.
/// </summary>
/// <remarks>
/// The temporary copy sits in the destination's own folder (a rename never crosses file systems there), under
/// a hidden name: <c>.&lt;name&gt;.&lt;random&gt;.tmp</c>. A file is moved into place with one rename, which
/// replaces the old file in one step on Linux, macOS and Windows alike. A folder needs two renames (the old
/// one aside, the new one in; then the old one is deleted): between them, for an instant, the destination does
/// not exist, and if the second rename fails the old folder is put back.
/// </remarks>
/// <example>
/// <code>
/// AtomicFile.Write("report.json", stream => writer.Write(report, stream));
///
/// using var sheet = AtomicFile.Create("plan.csv");
/// using var metadata = AtomicFile.Create("plan.base.json");
/// CommitmentCsv.Write(package, sheet.Stream, metadata.Stream);
/// sheet.Commit();
/// metadata.Commit();
/// </code>
/// </example>
public sealed class AtomicFile : IDisposable
{
    private readonly DurableFileStream _stream;
    private bool _committed;

    private AtomicFile(string path, string temporaryPath, DurableFileStream stream)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        _stream = stream;
    }

    /// <summary>The destination: where the file lands on <see cref="Commit"/>.</summary>
    public string Path { get; }

    /// <summary>The temporary file being written, in the destination's folder.</summary>
    public string TemporaryPath { get; }

    /// <summary>
    /// The stream to write the new content to. A writer may close it when done (its content is then flushed to
    /// disk); the file still moves into place only on <see cref="Commit"/>.
    /// </summary>
    public Stream Stream => _stream;

    /// <summary>
    /// Starts writing <paramref name="path"/>: creates its folder if need be and opens a temporary file beside
    /// it. Nothing happens to <paramref name="path"/> until <see cref="Commit"/>; disposing without committing
    /// deletes the temporary file.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be created or the temporary file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static AtomicFile Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new IOException($"'{path}' is a folder, not a file.");
        var folder = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = TemporaryName(full, ".tmp");
        return new AtomicFile(full, temporary, new DurableFileStream(temporary));
    }

    /// <summary>
    /// Flushes the new content to disk and moves it into place, replacing the file that was there. After this,
    /// <see cref="Stream"/> is closed.
    /// </summary>
    /// <exception cref="IOException">The flush or the move failed; the destination is unchanged and the temporary file is deleted.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        try
        {
            // A writer that closed the stream has already flushed it to disk (DurableFileStream).
            if (_stream.CanWrite) _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(TemporaryPath, Path, overwrite: true);
            _committed = true;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Closes the stream and, unless <see cref="Commit"/> succeeded, deletes the temporary file.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        if (!_committed) TryDelete(TemporaryPath);
    }

    /// <summary>
    /// Writes <paramref name="path"/> with <paramref name="write"/> and moves it into place when
    /// <paramref name="write"/> returns. When it throws, the exception propagates and <paramref name="path"/>
    /// is unchanged.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>As <see cref="Write(string, Action{Stream})"/>, returning what <paramref name="write"/> returns.</summary>
    public static T Write<T>(string path, Func<Stream, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path);
        var result = write(file.Stream);
        file.Commit();
        return result;
    }

    /// <summary>As <see cref="Write(string, Action{Stream})"/>, for a writer that works asynchronously.</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path);
        await write(file.Stream, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        file.Commit();
    }

    /// <summary>
    /// Builds a new folder with <paramref name="build"/>, which receives an empty temporary folder beside
    /// <paramref name="folder"/> to fill, and swaps it in for <paramref name="folder"/> when
    /// <paramref name="build"/> returns: the old folder and everything in it are replaced. When
    /// <paramref name="build"/> throws, the temporary folder is deleted and <paramref name="folder"/> is unchanged.
    /// </summary>
    /// <exception cref="IOException">The destination is a file, or the swap failed (the old folder is then kept).</exception>
    public static T ReplaceFolder<T>(string folder, Func<string, T> build)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(build);
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));
        if (File.Exists(full)) throw new IOException($"'{folder}' is a file, not a folder.");
        var parent = System.IO.Path.GetDirectoryName(full) ?? throw new IOException($"'{folder}' is a root folder; it cannot be replaced.");
        Directory.CreateDirectory(parent);
        var building = TemporaryName(full, ".tmp");
        Directory.CreateDirectory(building);
        T result;
        try
        {
            result = build(building);
        }
        catch
        {
            TryDeleteFolder(building);
            throw;
        }
        SwapIn(building, full);
        return result;
    }

    private static void SwapIn(string building, string folder)
    {
        if (!Directory.Exists(folder))
        {
            Move(building, folder, restore: null);
            return;
        }
        var old = TemporaryName(folder, ".old");
        try
        {
            Directory.Move(folder, old);
        }
        catch
        {
            TryDeleteFolder(building);
            throw;
        }
        Move(building, folder, restore: old);
        TryDeleteFolder(old);
    }

    private static void Move(string building, string folder, string? restore)
    {
        try
        {
            Directory.Move(building, folder);
        }
        catch
        {
            if (restore is not null) Directory.Move(restore, folder);
            TryDeleteFolder(building);
            throw;
        }
    }

    /// <summary>A new file that reaches the disk when it is closed, so a writer may close it before the commit.</summary>
    private sealed class DurableFileStream(string path) : FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16)
    {
        protected override void Dispose(bool disposing)
        {
            if (disposing && CanWrite) Flush(flushToDisk: true);
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync()
        {
            if (CanWrite) Flush(flushToDisk: true);
            return base.DisposeAsync();
        }
    }

    // Hidden, unique and beside the destination: two runs writing the same destination never share a temporary.
    private static string TemporaryName(string fullPath, string suffix) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(fullPath)!,
            "." + System.IO.Path.GetFileName(fullPath) + "." + System.IO.Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal) + suffix);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the error that made us give up matters more than a leftover temporary file.
        }
    }

    private static void TryDeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As in TryDelete.
        }
    }
}
