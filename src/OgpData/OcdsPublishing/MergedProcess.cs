using System.Collections.Immutable;
using System.Text.Json;

namespace OgpData.OcdsPublishing;

/// <summary>
/// The merged releases of one contracting process, ready to write. They refer to the elements of the
/// releases that were merged: write them before those releases' documents are disposed.
/// </summary>
public sealed class MergedProcess
{
    private readonly OutputObject? _compiled;
    private readonly OutputObject? _versioned;

    internal MergedProcess(JsonElement? ocid, OutputObject? compiled, OutputObject? versioned, ImmutableArray<MergeProblem> problems)
    {
        Ocid = ocid is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
        _compiled = compiled;
        _versioned = versioned;
        Problems = problems;
    }

    /// <summary>The process's ocid (of its first release in date order), or null when it has none that is a string.</summary>
    public string? Ocid { get; }

    /// <summary>What the merge could not do as asked, in the order met.</summary>
    public ImmutableArray<MergeProblem> Problems { get; }

    /// <summary>Whether a compiled release was built.</summary>
    public bool HasCompiledRelease => _compiled is not null;

    /// <summary>Whether a versioned release was built.</summary>
    public bool HasVersionedRelease => _versioned is not null;

    /// <summary>Writes the compiled release (<c>tag</c>, <c>id</c>, <c>date</c>, <c>ocid</c>, then each field in order of first appearance).</summary>
    public void WriteCompiledRelease(Utf8JsonWriter writer) =>
        Write(writer, _compiled ?? throw new InvalidOperationException("The compiled release was not asked for."));

    /// <summary>Writes the versioned release (<c>ocid</c>, then each field's history of <c>releaseID</c>, <c>releaseDate</c>, <c>releaseTag</c>, <c>value</c>).</summary>
    public void WriteVersionedRelease(Utf8JsonWriter writer) =>
        Write(writer, _versioned ?? throw new InvalidOperationException("The versioned release was not asked for."));

    /// <summary>The compiled release as UTF-8 JSON (compact).</summary>
    public byte[] CompiledReleaseUtf8() => ToUtf8(WriteCompiledRelease);

    /// <summary>The versioned release as UTF-8 JSON (compact).</summary>
    public byte[] VersionedReleaseUtf8() => ToUtf8(WriteVersionedRelease);

    private static byte[] ToUtf8(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case OutputObject obj:
                writer.WriteStartObject();
                for (var i = 0; i < obj.Names.Count; i++)
                {
                    writer.WritePropertyName(obj.Names[i]);
                    Write(writer, obj.Values[i]);
                }
                writer.WriteEndObject();
                break;
            case OutputArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items) Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case OcdsMerger.CompiledTag:
                writer.WriteStartArray();
                writer.WriteStringValue("compiled");
                writer.WriteEndArray();
                break;
            case OcdsMerger.VersionList history:
                writer.WriteStartArray();
                foreach (var version in history)
                {
                    writer.WriteStartObject();
                    WriteOptional(writer, "releaseID", version.Release.Id);
                    WriteOptional(writer, "releaseDate", version.Release.Date);
                    WriteOptional(writer, "releaseTag", version.Release.Tag);
                    writer.WritePropertyName("value");
                    version.Value.WriteTo(writer);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Unexpected merged value {value.GetType().Name}.");
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, JsonElement? value)
    {
        writer.WritePropertyName(name);
        if (value is { } element) element.WriteTo(writer);
        else writer.WriteNullValue();
    }
}

/// <summary>An object of a merged release: members in insertion order.</summary>
internal sealed class OutputObject
{
    private Dictionary<string, int>? _index;

    public List<string> Names { get; } = [];
    public List<object> Values { get; } = [];

    public bool TryGet(string name, out object? value)
    {
        var at = IndexOf(name);
        value = at >= 0 ? Values[at] : null;
        return at >= 0;
    }

    public void Set(string name, object value)
    {
        var at = IndexOf(name);
        if (at >= 0)
        {
            Values[at] = value;
            return;
        }
        Names.Add(name);
        Values.Add(value);
        if (_index is not null) _index[name] = Names.Count - 1;
        else if (Names.Count > 8)
        {
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Names.Count; i++) _index[Names[i]] = i;
        }
    }

    private int IndexOf(string name)
    {
        if (_index is not null) return _index.TryGetValue(name, out var at) ? at : -1;
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}

/// <summary>An identifier-merge array of a merged release.</summary>
internal sealed class OutputArray
{
    public List<object> Items { get; } = [];
}
