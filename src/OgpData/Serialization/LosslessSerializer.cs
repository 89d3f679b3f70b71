using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OgpData.Serialization;

/// <summary>
/// Serialisation settings and lossless converters for one family of model types (OGP or OCDS), built on a
/// source-generated <see cref="JsonSerializerContext"/>. Every model type is listed once with
/// <see cref="Model{T}"/>; a model-typed property whose type is not listed fails fast when first used.
/// </summary>
internal sealed class LosslessSerializer
{
    /// <summary>Nesting allowed in a document: deep enough for any real OCDS or OGP file, shallow enough to never overflow the stack.</summary>
    public const int MaxDepth = 64;

    private readonly Dictionary<Type, JsonConverter> _converters = new();
    private readonly IJsonTypeInfoResolver _context;
    private JsonSerializerOptions? _options;

    public LosslessSerializer(IJsonTypeInfoResolver context) => _context = context;

    /// <summary>Registers a model type: its object converter and its array converter.</summary>
    public LosslessSerializer Model<T>()
        where T : ExtensibleObject
    {
        if (_options is not null) throw new InvalidOperationException("Register every model type before first use.");
        var objects = new LosslessObjectConverter<T>();
        _converters[typeof(T)] = objects;
        _converters[typeof(ImmutableArray<T>?)] = new LosslessArrayConverter<T>(objects);
        return this;
    }

    /// <summary>
    /// Wire names come from each property's [JsonPropertyName]: with a naming policy, System.Text.Json matched
    /// the members of init-only records about fifty times more slowly (measured on .NET 10). Nulls are not
    /// written (an explicit null lives in the extension data); escaping is relaxed so French text stays
    /// readable; numbers are strict; comments are refused.
    /// </summary>
    public JsonSerializerOptions Options => LazyInitializer.EnsureInitialized(ref _options, CreateOptions);

    private JsonSerializerOptions CreateOptions()
    {
        var created = new JsonSerializerOptions
        {
            TypeInfoResolver = _context.WithAddedModifier(MakeLossless),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth,
        };
        created.Converters.Add(new PartialDateJsonConverter());
        created.MakeReadOnly();
        return created;
    }

    /// <summary>
    /// Contract changes that make reading never fail on a valid JSON document: model-typed properties read
    /// through the lossless converters, and C# <c>required</c> members are not demanded by the reader (a
    /// document missing them still loads; the schema and quality rules report it).
    /// </summary>
    private void MakeLossless(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeof(ExtensibleObject).IsAssignableFrom(typeInfo.Type)) return;
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsExtensionData) continue;
            property.IsRequired = false;
            if (_converters.TryGetValue(property.PropertyType, out var converter))
            {
                property.CustomConverter = converter;
            }
            else if (ObjectShape.IsModelOrModelArray(property.PropertyType))
            {
                throw new InvalidOperationException($"{typeInfo.Type.Name}.{property.Name}: {property.PropertyType} is not registered as a model type.");
            }
        }
    }

    /// <summary>Reads one document whose root is a <typeparamref name="T"/> object.</summary>
    public T Read<T>(ReadOnlySpan<byte> utf8Json)
        where T : ExtensibleObject
    {
        var json = SkipByteOrderMark(utf8Json);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth });
        if (!reader.Read()) throw new JsonException("The document is empty.");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeof(T).Name} at the root, found {reader.TokenType}.");
        }
        var value = ConverterFor<T>().Read(ref reader, typeof(T), Options);
        if (reader.Read()) throw new JsonException($"Unexpected content after the {typeof(T).Name} object.");
        return value;
    }

    /// <summary>Writes one model object as a document.</summary>
    public void Write<T>(Utf8JsonWriter writer, T value)
        where T : ExtensibleObject =>
        ConverterFor<T>().Write(writer, value ?? throw new ArgumentNullException(nameof(value)), Options);

    /// <summary>Writer settings that match <see cref="Options"/>.</summary>
    public JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Encoder = Options.Encoder,
        Indented = indented,
    };

    private LosslessObjectConverter<T> ConverterFor<T>()
        where T : ExtensibleObject
    {
        _ = Options;
        return _converters.TryGetValue(typeof(T), out var converter)
            ? (LosslessObjectConverter<T>)converter
            : throw new InvalidOperationException($"{typeof(T).Name} is not registered as a model type.");
    }

    internal static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> json) =>
        json.StartsWith("\uFEFF"u8) ? json[3..] : json;
}
