using System.Buffers.Binary;
using System.Text;

namespace OgpData.OcdsPublishing;

/// <summary>Where a spooled release came from: which input, its JSON Pointer there, its line and column.</summary>
public sealed record ReleaseOrigin(int Input, string Pointer, int Line, int Column);

/// <summary>One release handed back by the spool, with its place in the input order.</summary>
public sealed record SpooledRelease(long Sequence, ReadOnlyMemory<byte> Utf8, ReleaseOrigin Origin);

/// <summary>The releases of one contracting process, in input order.</summary>
public sealed record SpooledProcess(string Ocid, IReadOnlyList<SpooledRelease> Releases);

/// <summary>
/// Groups releases by ocid for inputs larger than memory: an external sort. Releases are kept in memory up
/// to a budget; past it the buffer is sorted by ocid and written to a temporary run file, and at the end the
/// runs are merged, so memory holds one buffer plus one process's releases whatever the input's size.
/// Processes come out in code point order of their ocid (the order of UTF-8 bytes), each process's releases
/// in input order. The run files are deleted when the spool is disposed.
/// </summary>
public sealed class ReleaseSpool(long memoryBudgetBytes = ReleaseSpool.DefaultMemoryBudget, string? temporaryDirectory = null) : IDisposable
{
    /// <summary>The default in-memory budget: 64 MB of release text.</summary>
    public const long DefaultMemoryBudget = 64L << 20;

    private readonly List<Entry> _buffer = [];
    private readonly List<FileStream> _runs = [];
    private long _buffered;
    private long _sequence;
    private bool _reading;

    /// <summary>How many runs were written to disk so far (0 when everything fitted in memory).</summary>
    public int RunCount => _runs.Count;

    /// <summary>How many releases were added.</summary>
    public long Count => _sequence;

    private sealed record Entry(byte[] Ocid, long Sequence, byte[] Release, ReleaseOrigin Origin);

    /// <summary>Adds a release (its UTF-8 text is copied).</summary>
    public void Add(string ocid, ReadOnlySpan<byte> utf8Release, ReleaseOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(ocid);
        ArgumentNullException.ThrowIfNull(origin);
        if (_reading) throw new InvalidOperationException("The spool is being read; add every release first.");
        var entry = new Entry(Encoding.UTF8.GetBytes(ocid), _sequence++, utf8Release.ToArray(), origin);
        _buffer.Add(entry);
        _buffered += entry.Release.Length + entry.Ocid.Length + 2 * origin.Pointer.Length + 96;
        if (_buffered >= memoryBudgetBytes) Spill();
    }

    /// <summary>The processes, ordered by ocid. Read once, after the last <see cref="Add"/>.</summary>
    public IEnumerable<SpooledProcess> Processes()
    {
        if (_reading) throw new InvalidOperationException("The spool can be read once.");
        _reading = true;
        _buffer.Sort(Compare);
        var sources = new List<IEnumerator<Entry>>(_runs.Count + 1);
        foreach (var run in _runs)
        {
            run.Position = 0;
            sources.Add(ReadRun(run).GetEnumerator());
        }
        sources.Add(_buffer.GetEnumerator());
        var queue = new PriorityQueue<int, Entry>(Comparer<Entry>.Create(Compare));
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i].MoveNext()) queue.Enqueue(i, sources[i].Current);
        }
        byte[]? ocid = null;
        var releases = new List<SpooledRelease>();
        while (queue.TryDequeue(out var source, out var entry))
        {
            if (ocid is not null && !entry.Ocid.AsSpan().SequenceEqual(ocid))
            {
                yield return new SpooledProcess(Encoding.UTF8.GetString(ocid), releases);
                releases = [];
            }
            ocid = entry.Ocid;
            releases.Add(new SpooledRelease(entry.Sequence, entry.Release, entry.Origin));
            if (sources[source].MoveNext()) queue.Enqueue(source, sources[source].Current);
        }
        if (ocid is not null) yield return new SpooledProcess(Encoding.UTF8.GetString(ocid), releases);
        _buffer.Clear();
    }

    private static int Compare(Entry? a, Entry? b)
    {
        var byOcid = a!.Ocid.AsSpan().SequenceCompareTo(b!.Ocid);
        return byOcid != 0 ? byOcid : a.Sequence.CompareTo(b.Sequence);
    }

    private void Spill()
    {
        _buffer.Sort(Compare);
        var path = Path.Combine(temporaryDirectory ?? Path.GetTempPath(), "ogpdata-spool-" + Path.GetRandomFileName());
        var run = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            var header = new byte[32];
            foreach (var entry in _buffer)
            {
                var pointer = Encoding.UTF8.GetBytes(entry.Origin.Pointer);
                BinaryPrimitives.WriteInt32LittleEndian(header, entry.Ocid.Length);
                BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(4), entry.Sequence);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), entry.Release.Length);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), entry.Origin.Input);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), entry.Origin.Line);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), entry.Origin.Column);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), pointer.Length);
                run.Write(header);
                run.Write(entry.Ocid);
                run.Write(entry.Release);
                run.Write(pointer);
            }
            run.Flush();
        }
        catch
        {
            run.Dispose();
            throw;
        }
        _runs.Add(run);
        _buffer.Clear();
        _buffered = 0;
    }

    private static IEnumerable<Entry> ReadRun(FileStream run)
    {
        var header = new byte[32];
        while (true)
        {
            if (run.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length) yield break;
            var ocid = new byte[BinaryPrimitives.ReadInt32LittleEndian(header)];
            var sequence = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(4));
            var release = new byte[BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12))];
            var input = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16));
            var line = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(20));
            var column = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(24));
            var pointer = new byte[BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(28))];
            run.ReadExactly(ocid);
            run.ReadExactly(release);
            run.ReadExactly(pointer);
            yield return new Entry(ocid, sequence, release, new ReleaseOrigin(input, Encoding.UTF8.GetString(pointer), line, column));
        }
    }

    /// <summary>Deletes the run files.</summary>
    public void Dispose()
    {
        foreach (var run in _runs) run.Dispose();
        _runs.Clear();
        _buffer.Clear();
    }
}
