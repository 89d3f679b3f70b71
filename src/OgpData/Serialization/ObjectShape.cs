using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OgpData.Dates;
using OgpData.Ocds;

namespace OgpData.Serialization;

/// <summary>The JSON a typed property can hold. Anything else is kept raw by its object.</summary>
internal enum ValueShape
{
    String,
    Number,
    Boolean,
    StringOrNumber,
    PartialDate,
    Object,
    AnyValue,
    Array,
}

/// <summary>One typed member of a model object: its JSON name and the JSON it accepts.</summary>
internal sealed class MemberShape
{
    public MemberShape(string name, ValueShape shape, ValueShape itemShape)
    {
        Name = name;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        Shape = shape;
        ItemShape = itemShape;
    }

    public string Name { get; }

    public byte[] Utf8Name { get; }

    public ValueShape Shape { get; }

    /// <summary>For arrays, what each item must be.</summary>
    public ValueShape ItemShape { get; }
}

/// <summary>
/// What each typed member of one model type accepts, computed once per type from the source-generated
/// contract. <see cref="FindMisfits"/> scans one object's direct members (nested objects check their own)
/// and names the known members whose value the typed property could not hold.
/// </summary>
internal sealed class ObjectShape
{
    private readonly MemberShape[] _members;

    private ObjectShape(MemberShape[] members) => _members = members;

    public static ObjectShape For(JsonTypeInfo typeInfo)
    {
        var list = new List<MemberShape>(typeInfo.Properties.Count);
        foreach (var property in typeInfo.Properties)
        {
            // [JsonIgnore] members appear in source-generated contracts without accessors; they are not on the wire.
            if (property.IsExtensionData || property.Get is null && property.Set is null) continue;
            var (shape, item) = ShapeOf(property.PropertyType, typeInfo.Type, property.Name);
            list.Add(new MemberShape(property.Name, shape, item));
        }
        return new ObjectShape(list.ToArray());
    }

    /// <summary>True when <paramref name="type"/> is a model object or an immutable array of them.</summary>
    public static bool IsModelOrModelArray(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(ExtensibleObject).IsAssignableFrom(type)) return true;
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
            && typeof(ExtensibleObject).IsAssignableFrom(type.GetGenericArguments()[0]);
    }

    private static (ValueShape Shape, ValueShape Item) ShapeOf(Type type, Type owner, string name)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            var item = ScalarShapeOf(type.GetGenericArguments()[0], owner, name);
            if (item == ValueShape.Array) throw Unsupported(type, owner, name);
            return (ValueShape.Array, item);
        }
        return (ScalarShapeOf(type, owner, name), ValueShape.AnyValue);
    }

    private static ValueShape ScalarShapeOf(Type type, Type owner, string name)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return ValueShape.String;
        if (type == typeof(bool)) return ValueShape.Boolean;
        if (type == typeof(JsonNumber)) return ValueShape.Number;
        if (type == typeof(OcdsId)) return ValueShape.StringOrNumber;
        if (type == typeof(PartialDate)) return ValueShape.PartialDate;
        if (type == typeof(JsonElement)) return ValueShape.AnyValue;
        if (typeof(ExtensibleObject).IsAssignableFrom(type)) return ValueShape.Object;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)) return ValueShape.Array;
        throw Unsupported(type, owner, name);
    }

    private static NotSupportedException Unsupported(Type type, Type owner, string name) =>
        new($"{owner.Name}.{name}: a model property of type {type.Name} cannot be read losslessly; use string, bool, JsonNumber, OcdsId, PartialDate, JsonElement, a model object or an ImmutableArray of those.");

    /// <summary>
    /// Scans the object the reader stands on (a copy: the caller's reader does not move) and returns the names
    /// of known members to keep raw, or null when every member fits (the usual case).
    /// </summary>
    public HashSet<string>? FindMisfits(Utf8JsonReader reader)
    {
        HashSet<string>? misfits = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = Find(ref reader);
            reader.Read();
            if (member is null)
            {
                SkipValue(ref reader);
            }
            else if (!Accepts(ref reader, member.Shape, member.ItemShape, isItem: false))
            {
                (misfits ??= new HashSet<string>(StringComparer.Ordinal)).Add(member.Name);
            }
        }
        return misfits;
    }

    private MemberShape? Find(ref Utf8JsonReader reader)
    {
        foreach (var member in _members)
        {
            if (reader.ValueTextEquals(member.Utf8Name)) return member;
        }
        return null;
    }

    /// <summary>Whether the value fits; always leaves the reader on the value's last token.</summary>
    private static bool Accepts(ref Utf8JsonReader reader, ValueShape shape, ValueShape itemShape, bool isItem)
    {
        var token = reader.TokenType;
        switch (shape)
        {
            case ValueShape.String:
                return token == JsonTokenType.String && IsReadableString(ref reader) || SkipValue(ref reader);
            case ValueShape.Number:
                return token == JsonTokenType.Number || SkipValue(ref reader);
            case ValueShape.Boolean:
                return token is JsonTokenType.True or JsonTokenType.False || SkipValue(ref reader);
            case ValueShape.StringOrNumber:
                return token == JsonTokenType.Number
                    || token == JsonTokenType.String && IsReadableString(ref reader)
                    || SkipValue(ref reader);
            case ValueShape.PartialDate:
                return token == JsonTokenType.String && IsPartialDate(ref reader) || SkipValue(ref reader);
            case ValueShape.Object:
                SkipValue(ref reader);
                return token == JsonTokenType.StartObject;
            case ValueShape.AnyValue:
                SkipValue(ref reader);
                // A property holds a present value; an array item may be anything, null included.
                return isItem || token != JsonTokenType.Null;
            case ValueShape.Array:
                if (token != JsonTokenType.StartArray) return SkipValue(ref reader);
                var fits = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!Accepts(ref reader, itemShape, ValueShape.AnyValue, isItem: true)) fits = false;
                }
                return fits;
            default:
                return SkipValue(ref reader);
        }
    }

    /// <summary>Skips a value's nested tokens; returns false so a mismatch reads as one expression.</summary>
    private static bool SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip()) throw new JsonException("The JSON value is incomplete.");
        return false;
    }

    private static bool IsReadableString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return true;
        try
        {
            // Escapes such as a lone "\ud800" cannot become a .NET string; such a value is kept raw.
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsPartialDate(ref Utf8JsonReader reader)
    {
        try
        {
            return PartialDate.TryParse(reader.GetString(), out _);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
