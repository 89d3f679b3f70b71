using OgpData.Validation;

namespace OgpData.Cli;

/// <summary>
/// Every output of the OCDS publishing commands goes through here: each file is written to a temporary file
/// in its destination folder and moved into place only when the whole command succeeded, so an unusable
/// input leaves no output and an existing output untouched. <c>-</c> is standard output, copied from a
/// temporary file at the end for the same reason.
/// </summary>
internal sealed class OutputFiles(TextWriter stdout) : IDisposable
{
    /// <summary>The name that means standard output.</summary>
    public const string StandardOutput = "-";

    private readonly List<(string Temporary, string Destination)> _pending = [];

    /// <summary>Opens a new output: written to a temporary file until <see cref="Commit"/>.</summary>
    public Stream Create(string destination)
    {
        var toStdout = destination == StandardOutput;
        var folder = toStdout ? Path.GetTempPath() : Path.GetDirectoryName(Path.GetFullPath(destination))!;
        try
        {
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, "." + (toStdout ? "stdout" : Path.GetFileName(destination)) + "." + Path.GetRandomFileName() + ".tmp");
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            _pending.Add((temporary, destination));
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write '{destination}': {e.Message}", e);
        }
    }

    /// <summary>Moves every output into place (the streams must be closed). Called once, when the command succeeded.</summary>
    public void Commit()
    {
        foreach (var (temporary, destination) in _pending)
        {
            try
            {
                if (destination == StandardOutput)
                {
                    using var reader = new StreamReader(temporary, System.Text.Encoding.UTF8);
                    var chunk = new char[1 << 16];
                    int read;
                    while ((read = reader.Read(chunk, 0, chunk.Length)) > 0) stdout.Write(chunk, 0, read);
                    stdout.Flush();
                    File.Delete(temporary);
                }
                else
                {
                    File.Move(temporary, destination, overwrite: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"cannot write '{destination}': {e.Message}", e);
            }
        }
        _pending.Clear();
    }

    /// <summary>Deletes what was not committed.</summary>
    public void Dispose()
    {
        foreach (var (temporary, _) in _pending)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done about a temporary file that cannot be deleted.
            }
        }
        _pending.Clear();
    }
}
