using System.IO.Compression;
using OgpData.Json;
using System.Text;
using System.Text.Json;

namespace OgpData.Streaming;

/// <summary>
/// An input made ready to read: decompressed, transcoded to UTF-8 without a byte order mark, and classified.
/// <see cref="Content"/> replays the bytes the detector peeked at, so nothing is read twice from the source.
/// </summary>
public sealed class DetectedInput : IAsyncDisposable, IDisposable
{
    internal DetectedInput(DocumentKind kind, string? compression, string encoding, Stream content)
    {
        Kind = kind;
        Compression = compression;
        Encoding = encoding;
        Content = content;
    }

    /// <summary>What the input is.</summary>
    public DocumentKind Kind { get; }

    /// <summary><c>gzip</c> when the input was compressed, otherwise null.</summary>
    public string? Compression { get; }

    /// <summary>The text encoding the input came in (<c>utf-8</c>, <c>utf-16LE</c>, ...); content is always UTF-8.</summary>
    public string Encoding { get; }

    /// <summary>The UTF-8 content from its first byte (after any byte order mark).</summary>
    public Stream Content { get; }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <inheritdoc/>
    public void Dispose() => Content.Dispose();
}

/// <summary>Tells from its first bytes what an input is, without reading it whole.</summary>
public static class InputDetector
{
    /// <summary>How many bytes are peeked at by default to find the decisive top-level keys.</summary>
    public const int DefaultPeekBytes = 1 << 20;

    /// <summary>
    /// Detects gzip, the text encoding and the document kind. The returned input owns
    /// <paramref name="input"/> and disposes it.
    /// </summary>
    public static async Task<DetectedInput> DetectAsync(Stream input, int peekBytes = DefaultPeekBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var head = await ReadAtMostAsync(input, 4, cancellationToken).ConfigureAwait(false);
        Stream stream = new ReplayStream(head, input);
        string? compression = null;
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            compression = "gzip";
            stream = new GZipStream(stream, CompressionMode.Decompress);
            head = await ReadAtMostAsync(stream, 4, cancellationToken).ConfigureAwait(false);
            stream = new ReplayStream(head, stream);
        }

        var encoding = "utf-8";
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            stream = new ReplayStream(head[3..], ((ReplayStream)stream).Inner);
        }
        else if (Utf16(head) is { } utf16)
        {
            encoding = utf16.WebName;
            stream = System.Text.Encoding.CreateTranscodingStream(stream, utf16, System.Text.Encoding.UTF8, leaveOpen: false);
            // The transcoder turns a UTF-16 byte order mark into a UTF-8 one: drop it.
            head = await ReadAtMostAsync(stream, 3, cancellationToken).ConfigureAwait(false);
            var bom = head.Length == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
            stream = new ReplayStream(bom ? [] : head, stream);
        }

        var prefix = await ReadAtMostAsync(stream, peekBytes, cancellationToken).ConfigureAwait(false);
        var kind = Classify(prefix, out var decided);
        // A first member that fills the peek (a long metadata value before 'releases') decides nothing: look further,
        // doubling, up to a bound, rather than call a package plain JSON.
        while (!decided && prefix.Length >= peekBytes && peekBytes < MaxPeekBytes)
        {
            var more = await ReadAtMostAsync(stream, peekBytes, cancellationToken).ConfigureAwait(false);
            if (more.Length == 0) break;
            prefix = [.. prefix, .. more];
            peekBytes = prefix.Length;
            kind = Classify(prefix, out decided);
        }
        return new DetectedInput(kind, compression, encoding, new ReplayStream(prefix, stream));
    }

    /// <summary>
    /// What a line of JSON Lines holds, told from its top-level names found by the structural scan, so that a
    /// release line is tokenised once, by the parse that checks it. Lines that may be packages (they name
    /// <c>releases</c>, <c>records</c> or <c>actionPlans</c>), escaped names and anything the scan cannot walk get
    /// the full <see cref="Classify(ReadOnlySpan{byte})"/>; a line that is neither a record nor a package is
    /// read as a release, whatever that says.
    /// </summary>
    internal static DocumentKind ClassifyLine(ReadOnlySpan<byte> line)
    {
        bool ocid = false, compiled = false, undecided = false;
        var walked = JsonValueScanner.TopLevelNames(line, name =>
        {
            if (name.SequenceEqual("ocid"u8)) ocid = true;
            else if (name.SequenceEqual("compiledRelease"u8)) compiled = true;
            else if (name.SequenceEqual("releases"u8) || name.SequenceEqual("records"u8) || name.SequenceEqual("actionPlans"u8) || name.Contains((byte)'\\'))
                undecided = true;
            return !undecided;
        });
        if (!walked || undecided) return Classify(line);
        return ocid && compiled ? DocumentKind.OcdsRecord : DocumentKind.OcdsRelease;
    }

    /// <summary>How far detection looks when the first bytes do not decide: 64 MiB.</summary>
    public const int MaxPeekBytes = 64 << 20;

    /// <summary>Classifies a complete or partial UTF-8 JSON text from its first bytes.</summary>
    public static DocumentKind Classify(ReadOnlySpan<byte> prefix) => Classify(prefix, out _);

    /// <summary>As <see cref="Classify(ReadOnlySpan{byte})"/>; <paramref name="decided"/> is false when more bytes could change the answer.</summary>
    internal static DocumentKind Classify(ReadOnlySpan<byte> prefix, out bool decided)
    {
        decided = true;
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 4096 }));
        try
        {
            if (!reader.Read()) return DocumentKind.Unknown;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var kind = ClassifyObject(ref reader, out var complete);
                    decided = complete || kind != DocumentKind.Json;
                    if (complete && kind is DocumentKind.OcdsRelease or DocumentKind.OcdsReleasePackage or DocumentKind.OcdsRecordPackage or DocumentKind.OcdsRecord
                        && MoreValuesFollow(prefix[(int)reader.BytesConsumed..]))
                    {
                        return DocumentKind.OcdsReleasesJsonLines;
                    }
                    return kind;
                case JsonTokenType.StartArray:
                    if (!reader.Read()) return Undecided(out decided);
                    if (reader.TokenType != JsonTokenType.StartObject) return DocumentKind.Json;
                    var first = ClassifyObject(ref reader, out var firstComplete);
                    decided = firstComplete || first != DocumentKind.Json;
                    return first switch
                    {
                        DocumentKind.OcdsReleasePackage or DocumentKind.OcdsRecordPackage => DocumentKind.OcdsPackageArray,
                        DocumentKind.OcdsRelease => DocumentKind.OcdsReleaseArray,
                        _ => DocumentKind.Json,
                    };
                default:
                    return DocumentKind.Json;
            }
        }
        catch (JsonException)
        {
            return DocumentKind.Unknown;
        }
    }

    private static DocumentKind Undecided(out bool decided)
    {
        decided = false;
        return DocumentKind.Json;
    }

    /// <summary>Reads the top-level keys of the object the reader stands on, as far as the prefix goes.</summary>
    private static DocumentKind ClassifyObject(ref Utf8JsonReader reader, out bool complete)
    {
        complete = false;
        bool ocid = false, id = false, tag = false, compiled = false, releases = false, records = false, actionPlans = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                complete = true;
                break;
            }
            try
            {
                if (reader.ValueTextEquals("records"u8)) records = true;
                else if (reader.ValueTextEquals("actionPlans"u8)) actionPlans = true;
                else if (reader.ValueTextEquals("releases"u8)) releases = true;
                else if (reader.ValueTextEquals("ocid"u8)) ocid = true;
                else if (reader.ValueTextEquals("id"u8)) id = true;
                else if (reader.ValueTextEquals("tag"u8)) tag = true;
                else if (reader.ValueTextEquals("compiledRelease"u8)) compiled = true;
            }
            catch (InvalidOperationException)
            {
                // A name escaping a lone surrogate cannot be unescaped to compare; it is none of these. The reader
                // that reads the document says where it is.
            }
            // On a property name, TrySkip passes over its whole value, or leaves the reader where it was when the
            // prefix ends inside it.
            if (!reader.TrySkip()) break;
        }
        if (actionPlans) return DocumentKind.OgpCommitmentPackage;
        if (records) return DocumentKind.OcdsRecordPackage;
        if (ocid && (compiled || (releases && !id && !tag))) return DocumentKind.OcdsRecord;
        if (ocid) return DocumentKind.OcdsRelease;
        if (releases) return DocumentKind.OcdsReleasePackage;
        return DocumentKind.Json;
    }

    private static bool MoreValuesFollow(ReadOnlySpan<byte> rest)
    {
        foreach (var b in rest)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'{';
        }
        return false;
    }

    private static Encoding? Utf16(byte[] head)
    {
        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE) return System.Text.Encoding.Unicode;
        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF) return System.Text.Encoding.BigEndianUnicode;
        // Without a byte order mark, JSON in UTF-16 shows a zero byte beside its first ASCII character.
        if (head.Length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) return System.Text.Encoding.Unicode;
        if (head.Length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) return System.Text.Encoding.BigEndianUnicode;
        return null;
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        // Grown as the bytes come: most files are small, and a fresh 1 MiB buffer each (on the large object heap,
        // then copied to its length) made garbage collection a third of the time of a folder of small files. (A
        // pooled buffer copied out at its length measured no faster there, and raised the Canada peak by 24 MB.)
        var buffer = new byte[Math.Min(count, 1 << 16)];
        var total = 0;
        while (total < count)
        {
            if (total == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(count, 2L * buffer.Length));
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            total += read;
        }
        return total == buffer.Length ? buffer : buffer[..total];
    }
}
