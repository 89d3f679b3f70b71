using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OgpData.Serialization;

/// <summary>
/// Reads one model object without losing anything. It first scans the object's direct members against the
/// type's <see cref="ObjectShape"/>; when all fit (the usual case) the source-generated contract reads the
/// object as is. Otherwise the object is parsed once, the members that do not fit (explicit nulls, wrong
/// JSON types) are held back, the rest is read by the contract, and the held-back members are added to
/// <see cref="ExtensibleObject.ExtensionData"/> verbatim. Nested objects are read by their own converter
/// (it is set on every model-typed property), so each object only ever checks its own members.
/// </summary>
internal sealed class LosslessObjectConverter<T> : JsonConverter<T>
    where T : ExtensibleObject
{
    private JsonTypeInfo<T>? _typeInfo;
    private ObjectShape? _shape;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeof(T).Name}, found {reader.TokenType}.");
        }
        var info = _typeInfo ??= (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var misfits = (_shape ??= ObjectShape.For(info)).FindMisfits(reader);
        if (misfits is null)
        {
            // The contract's own converter, called directly: JsonSerializer.Deserialize(ref reader) would first
            // skip over the whole value to scope the reader, one more pass per nesting level.
            return ((JsonConverter<T>)info.Converter).Read(ref reader, typeof(T), options)
                ?? throw new JsonException($"Expected a {typeof(T).Name} object.");
        }
        return ReadKeepingMisfits(ref reader, info, misfits);
    }

    private static T ReadKeepingMisfits(ref Utf8JsonReader reader, JsonTypeInfo<T> info, HashSet<string> misfits)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var fitting = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(fitting))
        {
            writer.WriteStartObject();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (!misfits.Contains(member.Name)) member.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        var fittingReader = new Utf8JsonReader(fitting.WrittenSpan);
        var value = JsonSerializer.Deserialize(ref fittingReader, info) ?? throw new JsonException($"Expected a {typeof(T).Name} object.");
        foreach (var member in document.RootElement.EnumerateObject())
        {
            if (misfits.Contains(member.Name)) value.KeepRaw(member.Name, member.Value.Clone());
        }
        return value;
    }

    // The contract's converter directly: JsonSerializer.Serialize would flush the writer after every object.
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        ((JsonConverter<T>)(_typeInfo ??= (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))).Converter).Write(writer, value, options);
}

/// <summary>An array of model objects, each read by <see cref="LosslessObjectConverter{T}"/>.</summary>
internal sealed class LosslessArrayConverter<T> : JsonConverter<ImmutableArray<T>?>
    where T : ExtensibleObject
{
    private readonly LosslessObjectConverter<T> _items;

    public LosslessArrayConverter(LosslessObjectConverter<T> items) => _items = items;

    public override bool HandleNull => true;

    public override ImmutableArray<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a JSON array of {typeof(T).Name}, found {reader.TokenType}.");
        }
        var builder = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            builder.Add(_items.Read(ref reader, typeof(T), options));
        }
        return builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableArray<T>? value, JsonSerializerOptions options)
    {
        if (value is not { IsDefault: false } array)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartArray();
        foreach (var item in array)
        {
            if (item is null) writer.WriteNullValue();
            else _items.Write(writer, item, options);
        }
        writer.WriteEndArray();
    }
}
