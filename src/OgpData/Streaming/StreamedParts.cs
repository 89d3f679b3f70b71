using OgpData.Json;
using System.Collections.Immutable;
using System.Text.Json;

namespace OgpData.Streaming;

/// <summary>What an item of an OCDS input is.</summary>
public enum OcdsItemKind
{
    /// <summary>A release (in <c>releases</c>, a line of JSON Lines, or a whole single-release file).</summary>
    Release,
    /// <summary>A record (in <c>records</c>).</summary>
    Record,
    /// <summary>The metadata of a release package: every property but <c>releases</c>.</summary>
    ReleasePackageMetadata,
    /// <summary>The metadata of a record package: every property but <c>records</c>.</summary>
    RecordPackageMetadata,
}

/// <summary>Something the streaming reader hands out: an item, or a property of a package's metadata.</summary>
public abstract record StreamedPart
{
    /// <summary>Which package of the input this part belongs to (0 unless the input holds several packages).</summary>
    public required int PackageIndex { get; init; }

    /// <summary>The JSON Pointer, within the file, of the package (<c>""</c> for a package file, <c>/3</c> for the fourth line or array item).</summary>
    public required string PackagePointer { get; init; }

    /// <summary>The part's own JSON text, in UTF-8, exactly as in the file.</summary>
    public required ReadOnlyMemory<byte> Utf8 { get; init; }

    /// <summary>The byte offset of the first byte of <see cref="Utf8"/> in the (decompressed) file.</summary>
    public required long ByteOffset { get; init; }

    /// <summary>The line and column of the first byte of <see cref="Utf8"/> in the file.</summary>
    public required TextPosition Position { get; init; }

    /// <summary>The JSON Pointer of this part within the file.</summary>
    public abstract string Pointer { get; }

    /// <summary>The line and column, in the file, of the byte at <paramref name="offsetInPart"/> within <see cref="Utf8"/>.</summary>
    public TextPosition PositionAt(int offsetInPart) =>
        Position.Advance(Utf8.Span[..Math.Clamp(offsetInPart, 0, Utf8.Length)]);

    /// <summary>
    /// Where, in the file, a pointer relative to this part's own JSON lands: the file pointer, and the line
    /// and column of the value (or of its deepest existing ancestor).
    /// </summary>
    public (string Pointer, TextPosition Position) Locate(string pointerInPart) =>
        (Pointer + pointerInPart, PositionAt(JsonLocator.LocateNearest(Utf8.Span, pointerInPart)));

    /// <summary>
    /// <see cref="Locate"/> for many pointers at once, in one reading of the part however many there are (a release
    /// with thousands of findings was read again for each), the positions counted forward from one to the next.
    /// </summary>
    internal (string Pointer, TextPosition Position)[] LocateAll(IReadOnlyList<string> pointersInPart)
    {
        var text = Utf8.Span;
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (pointer, offset) in JsonLocator.Offsets(text, pointersInPart)) exact[pointer] = offset;
        var offsets = new int[pointersInPart.Count];
        var order = new int[pointersInPart.Count];
        for (var i = 0; i < offsets.Length; i++)
        {
            // A pointer to nothing (a missing member) lands on its deepest existing ancestor, as Locate does.
            offsets[i] = exact.TryGetValue(pointersInPart[i], out var found) ? found : JsonLocator.LocateNearest(text, pointersInPart[i]);
            order[i] = i;
        }
        Array.Sort(offsets.ToArray(), order);
        var located = new (string, TextPosition)[offsets.Length];
        var (position, at) = (Position, 0);
        foreach (var i in order)
        {
            var offset = Math.Clamp(offsets[i], 0, text.Length);
            position = position.Advance(text[at..offset]);
            at = offset;
            located[i] = (Pointer + pointersInPart[i], position);
        }
        return located;
    }

    /// <summary>Parses the part (the caller disposes the document).</summary>
    public JsonDocument Parse() => JsonDocument.Parse(Utf8, ReaderOptions);

    internal static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 4096 };
}

/// <summary>One release or record, handed out whole, with where it lies in the file.</summary>
public sealed record StreamedItem : StreamedPart
{
    /// <summary>The item's index across the whole input (0, 1, 2, ...), the order results are reported in.</summary>
    public required long Index { get; init; }

    /// <summary>The item's index in its own array (or line number minus one for JSON Lines).</summary>
    public required int IndexInArray { get; init; }

    /// <summary>A release or a record.</summary>
    public required OcdsItemKind Kind { get; init; }

    /// <summary>The item's pointer in the file, for example <c>/releases/12</c>.</summary>
    public required string ItemPointer { get; init; }

    /// <inheritdoc/>
    public override string Pointer => ItemPointer;

    /// <summary>
    /// True when the reader cut the item out without tokenising it (see <see cref="OcdsStreamReader"/>): if it does
    /// not parse, the input is broken at this item and nothing after it can be trusted. False when the reader
    /// tokenised it, or when it is a line of JSON Lines (a broken line is a finding and the reading goes on).
    /// </summary>
    internal bool BreaksInput { get; init; }

    /// <summary>True when <see cref="StreamedPart.Utf8"/> lies in an array lent by the reader's pool.</summary>
    internal bool LentUtf8 { get; init; }

    /// <summary>
    /// Gives the item's pooled bytes back, for a caller that owns the item and is done with it and everything
    /// made from it (documents, locators). A caller that never calls this only leaves the array to the collector.
    /// </summary>
    internal void ReturnLentUtf8()
    {
        if (!LentUtf8 || !System.Runtime.InteropServices.MemoryMarshal.TryGetArray(Utf8, out var segment) || segment.Array is null) return;
        OcdsStreamReader.ItemPool.Return(segment.Array);
    }
}

/// <summary>One property of a package's metadata (everything but the big <c>releases</c>/<c>records</c> array).</summary>
public sealed record MetadataProperty : StreamedPart
{
    /// <summary>The property name, for example <c>version</c> or <c>extensions</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Whether the package's items array came before this property in the file.</summary>
    public required bool AfterItems { get; init; }

    /// <inheritdoc/>
    public override string Pointer => JsonPointerText.Append(PackagePointer, Name);
}

/// <summary>
/// The end of one package: its kind and all its metadata properties. Its <see cref="StreamedPart.Utf8"/> is
/// empty and its position is that of the package's closing brace.
/// </summary>
public sealed record PackageEnd : StreamedPart
{
    /// <inheritdoc/>
    public override string Pointer => PackagePointer;

    /// <summary>Whether the package carried <c>releases</c> or <c>records</c> (release or record package metadata).</summary>
    public required OcdsItemKind MetadataKind { get; init; }

    /// <summary>How many items the package held.</summary>
    public required int ItemCount { get; init; }

    /// <summary>The package's metadata properties, in file order.</summary>
    public required ImmutableArray<MetadataProperty> Properties { get; init; }

    /// <summary>The metadata as one JSON object (without the items array).</summary>
    public byte[] ToUtf8Json()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            foreach (var property in Properties)
            {
                writer.WritePropertyName(property.Name);
                writer.WriteRawValue(property.Utf8.Span, skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Where, in the file, a pointer relative to the metadata object lands (<c>/publisher/name</c> is looked up
    /// in the <c>publisher</c> property's own text).
    /// </summary>
    public (string Pointer, TextPosition Position) LocateInMetadata(string pointerInMetadata)
    {
        var segments = JsonPointerText.Segments(pointerInMetadata);
        if (segments.Count > 0)
        {
            foreach (var property in Properties)
            {
                if (property.Name != segments[0]) continue;
                return property.Locate(pointerInMetadata[JsonPointerText.Append("", segments[0]).Length..]);
            }
        }
        return (PackagePointer + pointerInMetadata, Properties.IsEmpty ? Position : Properties[0].Position);
    }
}
