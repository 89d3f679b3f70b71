using System.Text.Json;
using OgpData.Ogp;

namespace OgpData.Serialization;

/// <summary>
/// Reads and writes OGP commitment packages (DESIGN section 3) as the typed model, losslessly: unknown
/// fields, explicit nulls, unknown codes, date text that is not a partial date and the exact text of
/// numbers all survive a read and write. Input must be UTF-8 (a byte order mark is skipped). Malformed JSON
/// throws <see cref="JsonException"/>; well-formed JSON that breaks the schema always loads, so the
/// validators can report what is wrong. C# <c>required</c> members (<see cref="Milestone.Id"/>, ...) are
/// null after reading a document that lacks them.
/// </summary>
public static class OgpJson
{
    private static readonly LosslessSerializer Serializer = new LosslessSerializer(OgpJsonContext.Default)
        .Model<CommitmentPackage>()
        .Model<Ogp.Publisher>()
        .Model<ActionPlan>()
        .Model<Period>()
        .Model<Commitment>()
        .Model<LeadAgency>()
        .Model<CommitmentDescription>()
        .Model<Ogp.Budget>()
        .Model<Milestone>()
        .Model<Contact>()
        .Model<OtherActors>()
        .Model<Assessment>();

    /// <summary>The serializer options behind this class (source-generated contracts with the lossless converters).</summary>
    public static JsonSerializerOptions Options => Serializer.Options;

    /// <summary>Reads a commitment package.</summary>
    public static CommitmentPackage ReadPackage(Stream utf8Json) => Serializer.Read<CommitmentPackage>(JsonInput.ReadAll(utf8Json));

    /// <summary>Reads a commitment package.</summary>
    public static CommitmentPackage ReadPackage(ReadOnlySpan<byte> utf8Json) => Serializer.Read<CommitmentPackage>(utf8Json);

    /// <summary>Reads a commitment package from JSON text.</summary>
    public static CommitmentPackage ReadPackage(string json) =>
        Serializer.Read<CommitmentPackage>(System.Text.Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>Reads a commitment package without blocking on the stream.</summary>
    public static async Task<CommitmentPackage> ReadPackageAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        Serializer.Read<CommitmentPackage>(await JsonInput.ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads a single commitment (not packaged).</summary>
    public static Commitment ReadCommitment(ReadOnlySpan<byte> utf8Json) => Serializer.Read<Commitment>(utf8Json);

    /// <summary>Writes a commitment package as UTF-8 JSON.</summary>
    public static void Write(Stream utf8Json, CommitmentPackage package, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var writer = new Utf8JsonWriter(utf8Json, Serializer.WriterOptions(indented));
        Serializer.Write(writer, package);
    }

    /// <summary>Writes any OGP model object (a package, a commitment, a milestone, ...) as a JSON string.</summary>
    public static string ToJson<T>(T value, bool indented = true)
        where T : ExtensibleObject
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Serializer.WriterOptions(indented)))
        {
            Serializer.Write(writer, value);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
