using System.Text.Json;
using OgpData.Streaming;

namespace OgpData.OcdsPublishing;

/// <summary>
/// The metadata of the packages a command reads, combined as ocdskit combines it: <c>publisher</c>,
/// <c>license</c> and <c>publicationPolicy</c> from the last package that has them, <c>extensions</c> united in
/// order of first appearance, and each package's <c>uri</c> in input order (repeats kept) for a record
/// package's <c>packages</c>.
/// </summary>
public sealed class PackageMetadata
{
    private readonly List<string> _extensions = [];
    private readonly HashSet<string> _seenExtensions = new(StringComparer.Ordinal);
    private readonly List<string> _packageUris = [];
    private ReadOnlyMemory<byte>? _publisher;
    private ReadOnlyMemory<byte>? _license;
    private ReadOnlyMemory<byte>? _publicationPolicy;

    /// <summary>The extension URLs of every package, each once, in order of first appearance.</summary>
    public IReadOnlyList<string> Extensions => _extensions;

    /// <summary>The <c>uri</c> of every package read (OCDS before 1.2), in input order.</summary>
    public IReadOnlyList<string> PackageUris => _packageUris;

    /// <summary>Takes in one package's metadata; returns its OCDS version (<c>version</c>, or <c>1.0</c> when absent).</summary>
    public string Add(PackageEnd package)
    {
        ArgumentNullException.ThrowIfNull(package);
        string? uri = null;
        var version = "1.0";
        foreach (var property in package.Properties)
        {
            switch (property.Name)
            {
                case "publisher":
                    _publisher = property.Utf8;
                    break;
                case "license":
                    _license = property.Utf8;
                    break;
                case "publicationPolicy":
                    _publicationPolicy = property.Utf8;
                    break;
                case "uri":
                    uri = StringValue(property.Utf8.Span);
                    break;
                case "version":
                    version = StringValue(property.Utf8.Span) ?? version;
                    break;
                case "extensions":
                    AddExtensions(property.Utf8.Span);
                    break;
            }
        }
        if (!string.IsNullOrEmpty(uri) && string.CompareOrdinal(version, "1.2") < 0) _packageUris.Add(uri);
        return version;
    }

    private void AddExtensions(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var url = reader.GetString()!;
                if (_seenExtensions.Add(url)) _extensions.Add(url);
            }
            reader.Skip();
        }
    }

    private static string? StringValue(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    /// <summary>
    /// Writes the members of a record package before <c>records</c>: <c>uri</c>, <c>publisher</c>,
    /// <c>publishedDate</c>, <c>license</c>, <c>publicationPolicy</c>, <c>version</c>, <c>extensions</c>,
    /// <c>packages</c> (the optional ones only when there is something to say).
    /// </summary>
    public void WriteRecordPackageHead(Utf8JsonWriter writer, string uri, string publishedDate, string version)
    {
        WriteHead(writer, uri, publishedDate, version);
        if (_packageUris.Count > 0)
        {
            writer.WritePropertyName("packages");
            writer.WriteStartArray();
            foreach (var packageUri in _packageUris) writer.WriteStringValue(packageUri);
            writer.WriteEndArray();
        }
    }

    /// <summary>Writes the members of a release package before <c>releases</c>, as ocdskit's combine does.</summary>
    public void WriteReleasePackageHead(Utf8JsonWriter writer, string uri, string publishedDate, string version) =>
        WriteHead(writer, uri, publishedDate, version);

    private void WriteHead(Utf8JsonWriter writer, string uri, string publishedDate, string version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("uri", uri);
        writer.WritePropertyName("publisher");
        if (_publisher is { } publisher) Json.JsonTokenCopy.Write(writer, publisher.Span);
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        writer.WriteString("publishedDate", publishedDate);
        WriteUnlessNull(writer, "license", _license);
        WriteUnlessNull(writer, "publicationPolicy", _publicationPolicy);
        writer.WriteString("version", version);
        if (_extensions.Count > 0)
        {
            writer.WritePropertyName("extensions");
            writer.WriteStartArray();
            foreach (var extension in _extensions) writer.WriteStringValue(extension);
            writer.WriteEndArray();
        }
    }

    private static void WriteUnlessNull(Utf8JsonWriter writer, string name, ReadOnlyMemory<byte>? value)
    {
        if (value is not { } raw || raw.Span.Trim(" \t\r\n"u8).SequenceEqual("null"u8)) return;
        writer.WritePropertyName(name);
        Json.JsonTokenCopy.Write(writer, raw.Span);
    }
}
