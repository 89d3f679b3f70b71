using System.Text.Json;
using OgpData.Ocds;

namespace OgpData.Serialization;

/// <summary>
/// Reads and writes OCDS 1.1 documents (release packages, record packages, releases, records, JSON Lines
/// of releases) as the typed model, losslessly: writing what was read gives back the same JSON tree —
/// extension fields, explicit nulls, wrongly typed values and the exact text of numbers included.
/// Input must be UTF-8 (a byte order mark is skipped). Malformed JSON throws <see cref="JsonException"/>;
/// well-formed JSON that breaks the schema always loads.
/// </summary>
public static class OcdsJson
{
    private static readonly LosslessSerializer Serializer = new LosslessSerializer(OcdsJsonContext.Default)
        .Model<ReleasePackage>()
        .Model<RecordPackage>()
        .Model<Publisher>()
        .Model<Record>()
        .Model<RecordRelease>()
        .Model<Release>()
        .Model<Organization>()
        .Model<OrganizationReference>()
        .Model<Identifier>()
        .Model<Address>()
        .Model<ContactPoint>()
        .Model<Planning>()
        .Model<Budget>()
        .Model<Tender>()
        .Model<Award>()
        .Model<Contract>()
        .Model<Implementation>()
        .Model<Transaction>()
        .Model<Item>()
        .Model<Classification>()
        .Model<Unit>()
        .Model<Value>()
        .Model<Period>()
        .Model<Document>()
        .Model<Milestone>()
        .Model<Amendment>()
        .Model<Change>()
        .Model<RelatedProcess>();

    /// <summary>
    /// The serializer options behind this class (source-generated contracts with the lossless converters), for
    /// embedding OCDS objects in other documents. Prefer the Read methods for a document root: they also keep
    /// the root object's own misfitting members.
    /// </summary>
    public static JsonSerializerOptions Options => Serializer.Options;

    /// <summary>Reads a release package.</summary>
    public static ReleasePackage ReadReleasePackage(Stream utf8Json) => Serializer.Read<ReleasePackage>(JsonInput.ReadAll(utf8Json));

    /// <summary>Reads a release package.</summary>
    public static ReleasePackage ReadReleasePackage(ReadOnlySpan<byte> utf8Json) => Serializer.Read<ReleasePackage>(utf8Json);

    /// <summary>Reads a release package without blocking on the stream.</summary>
    public static async Task<ReleasePackage> ReadReleasePackageAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        Serializer.Read<ReleasePackage>(await JsonInput.ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads a record package.</summary>
    public static RecordPackage ReadRecordPackage(Stream utf8Json) => Serializer.Read<RecordPackage>(JsonInput.ReadAll(utf8Json));

    /// <summary>Reads a record package.</summary>
    public static RecordPackage ReadRecordPackage(ReadOnlySpan<byte> utf8Json) => Serializer.Read<RecordPackage>(utf8Json);

    /// <summary>Reads a record package without blocking on the stream.</summary>
    public static async Task<RecordPackage> ReadRecordPackageAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        Serializer.Read<RecordPackage>(await JsonInput.ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads a single release (not packaged).</summary>
    public static Release ReadRelease(Stream utf8Json) => Serializer.Read<Release>(JsonInput.ReadAll(utf8Json));

    /// <summary>Reads a single release (not packaged).</summary>
    public static Release ReadRelease(ReadOnlySpan<byte> utf8Json) => Serializer.Read<Release>(utf8Json);

    /// <summary>Reads a single record (not packaged).</summary>
    public static Record ReadRecord(Stream utf8Json) => Serializer.Read<Record>(JsonInput.ReadAll(utf8Json));

    /// <summary>Reads a single record (not packaged).</summary>
    public static Record ReadRecord(ReadOnlySpan<byte> utf8Json) => Serializer.Read<Record>(utf8Json);

    /// <summary>
    /// Reads JSON Lines, one release per non-blank line, lazily: only one line is in memory at a time.
    /// A malformed line throws <see cref="JsonException"/> naming its line number.
    /// </summary>
    public static IEnumerable<Release> ReadReleaseLines(Stream utf8JsonLines)
    {
        foreach (var (lineNumber, line) in JsonInput.Lines(utf8JsonLines))
        {
            Release release;
            try
            {
                release = Serializer.Read<Release>(line.Span);
            }
            catch (JsonException error)
            {
                throw new JsonException($"Line {lineNumber}: {error.Message}", error);
            }
            yield return release;
        }
    }

    /// <summary>Writes a release package as UTF-8 JSON.</summary>
    public static void Write(Stream utf8Json, ReleasePackage package, bool indented = false) => WriteDocument(utf8Json, package, indented);

    /// <summary>Writes a record package as UTF-8 JSON.</summary>
    public static void Write(Stream utf8Json, RecordPackage package, bool indented = false) => WriteDocument(utf8Json, package, indented);

    /// <summary>Writes a single release as UTF-8 JSON.</summary>
    public static void Write(Stream utf8Json, Release release, bool indented = false) => WriteDocument(utf8Json, release, indented);

    /// <summary>Writes a single record as UTF-8 JSON.</summary>
    public static void Write(Stream utf8Json, Record record, bool indented = false) => WriteDocument(utf8Json, record, indented);

    /// <summary>Writes releases as JSON Lines: one compact release per line.</summary>
    public static void WriteReleaseLines(Stream utf8JsonLines, IEnumerable<Release> releases)
    {
        ArgumentNullException.ThrowIfNull(utf8JsonLines);
        ArgumentNullException.ThrowIfNull(releases);
        using var writer = new Utf8JsonWriter(utf8JsonLines, Serializer.WriterOptions(indented: false));
        foreach (var release in releases)
        {
            Serializer.Write(writer, release);
            writer.Flush();
            writer.Reset();
            utf8JsonLines.WriteByte((byte)'\n');
        }
    }

    /// <summary>Writes any OCDS model object (a package, a release, a tender, ...) as a JSON string.</summary>
    public static string ToJson<T>(T value, bool indented = false)
        where T : ExtensibleObject
    {
        using var buffer = new MemoryStream();
        WriteDocument(buffer, value, indented);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteDocument<T>(Stream utf8Json, T value, bool indented)
        where T : ExtensibleObject
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var writer = new Utf8JsonWriter(utf8Json, Serializer.WriterOptions(indented));
        Serializer.Write(writer, value);
    }
}
