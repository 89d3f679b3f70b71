using System.Globalization;
using System.Runtime.CompilerServices;
#if NET9_0_OR_GREATER
using System.Runtime.InteropServices;
#endif
using System.Text;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary>Numbers as JSON Schema sees them: exact decimals when they fit, doubles beyond, never a crash.</summary>
internal static class JsonNumber
{
    /// <summary>An integer is a number with no fractional part, whatever its spelling (<c>1.0</c>, <c>1e2</c>).</summary>
    public static bool IsInteger(in JsonElement value)
    {
        if (value.TryGetInt64(out _)) return true;
        if (value.TryGetDecimal(out var d)) return decimal.Truncate(d) == d;
        var x = AsDouble(value);
        return double.IsFinite(x) ? Math.Floor(x) == x : IntegerSpelling(value.GetRawText());
    }

    /// <summary>The value as a double; ±Infinity beyond the double range.</summary>
    public static double AsDouble(in JsonElement value)
    {
        if (value.TryGetDouble(out var x)) return x;
        return double.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static bool IntegerSpelling(string raw)
    {
        // A huge number such as 1e400 is integral; a fraction with a big exponent too. Keep it simple:
        // any exponent at least as large as the fraction digits makes an integer.
        var e = raw.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? raw : raw.Substring(0, e);
        var exponent = e < 0 ? 0 : int.Parse(raw.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var fraction = dot < 0 ? 0 : mantissa.Length - dot - 1;
        while (fraction > 0 && mantissa[dot + fraction] == '0') fraction--;
        return exponent >= fraction;
    }

    /// <summary>Compares an instance number with a schema bound: negative, zero or positive.</summary>
    public static int Compare(in JsonElement value, in SchemaNumber bound)
    {
        if (bound.IsDecimal && value.TryGetDecimal(out var d)) return d.CompareTo(bound.Decimal);
        return AsDouble(value).CompareTo(bound.Double);
    }
}

/// <summary>A number written in a schema, kept both exactly (when it fits a decimal) and as a double.</summary>
internal readonly record struct SchemaNumber(decimal Decimal, double Double, bool IsDecimal, string Text)
{
    public static SchemaNumber From(in JsonElement value)
    {
        var isDecimal = value.TryGetDecimal(out var d);
        return new SchemaNumber(d, JsonNumber.AsDouble(value), isDecimal, value.GetRawText());
    }
}

/// <summary>Structural equality of JSON values, as <c>enum</c>, <c>const</c> and <c>uniqueItems</c> need it.</summary>
internal sealed class JsonValueComparer : IEqualityComparer<JsonElement>
{
    public static readonly JsonValueComparer Instance = new();

    public bool Equals(JsonElement a, JsonElement b)
    {
        var kind = Normal(a.ValueKind);
        if (kind != Normal(b.ValueKind)) return false;
        switch (kind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return true;
            case JsonValueKind.True:
                return a.ValueKind == b.ValueKind;
            case JsonValueKind.String:
                return StringEquals(a, b);
            case JsonValueKind.Number:
                if (a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y)) return x == y;
                return JsonNumber.AsDouble(a).Equals(JsonNumber.AsDouble(b));
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength()) return false;
                var left = a.EnumerateArray();
                var right = b.EnumerateArray();
                while (left.MoveNext() && right.MoveNext())
                {
                    if (!Equals(left.Current, right.Current)) return false;
                }
                return true;
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in a.EnumerateObject())
                {
                    count++;
                    if (!TryGetProperty(b, property, out var other) || !Equals(property.Value, other)) return false;
                }
                foreach (var _ in b.EnumerateObject()) count--;
                return count == 0;
            default:
                return false;
        }
    }

    public int GetHashCode(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String: return StringHash(value);
            case JsonValueKind.Number:
                return value.TryGetDecimal(out var d) ? d.GetHashCode() : JsonNumber.AsDouble(value).GetHashCode();
            case JsonValueKind.True: return 1;
            case JsonValueKind.False: return 2;
            case JsonValueKind.Null: return 3;
            case JsonValueKind.Array:
                var hash = 17;
                foreach (var item in value.EnumerateArray()) hash = unchecked(hash * 31 + GetHashCode(item));
                return hash;
            case JsonValueKind.Object:
                var sum = 19;
                foreach (var property in value.EnumerateObject())
                {
                    // Order-independent: objects with the same members in another order are equal.
                    sum = unchecked(sum + (NameHash(property) * 397 ^ GetHashCode(property.Value)));
                }
                return sum;
            default: return 0;
        }
    }

    private static JsonValueKind Normal(JsonValueKind kind) => kind == JsonValueKind.False ? JsonValueKind.True : kind;

    private static bool StringEquals(in JsonElement a, in JsonElement b)
    {
#if NET9_0_OR_GREATER
        var rawA = JsonMarshal.GetRawUtf8Value(a);
        var rawB = JsonMarshal.GetRawUtf8Value(b);
        if (rawA.IndexOf((byte)'\\') < 0 && rawB.IndexOf((byte)'\\') < 0) return rawA.SequenceEqual(rawB);
        if (rawA.IndexOf((byte)'\\') < 0)
        {
            try
            {
                return b.ValueEquals(rawA.Slice(1, rawA.Length - 2));
            }
            catch (InvalidOperationException)
            {
                // b escapes a lone surrogate: compare code units below.
            }
        }
#endif
        return string.Equals(JsonText.StringOf(a), JsonText.StringOf(b), StringComparison.Ordinal);
    }

    private static int StringHash(in JsonElement value)
    {
#if NET9_0_OR_GREATER
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.IndexOf((byte)'\\') < 0) return Utf8Hash.Of(raw.Slice(1, raw.Length - 2));
#endif
        return Utf8Hash.Of(Encoding.UTF8.GetBytes(JsonText.StringOf(value)));
    }

    private static int NameHash(in JsonProperty property)
    {
#if NET9_0_OR_GREATER
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0) return Utf8Hash.Of(raw);
#endif
        return Utf8Hash.Of(Encoding.UTF8.GetBytes(property.Name));
    }

    private static bool TryGetProperty(in JsonElement obj, in JsonProperty property, out JsonElement value)
    {
#if NET9_0_OR_GREATER
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0) return obj.TryGetProperty(raw, out value);
#endif
        return obj.TryGetProperty(property.Name, out value);
    }
}

/// <summary>FNV-1a over UTF-8 bytes: cheap, good enough for the short keys of schemas.</summary>
internal static class Utf8Hash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        return (int)hash;
    }
}

/// <summary>
/// An immutable open-addressing table from UTF-8 names to slots: property names are looked up straight
/// from the document's bytes, without building a string per property.
/// </summary>
internal sealed class Utf8NameTable
{
    private readonly byte[][] _keys;
    private readonly int[] _slots;
    private readonly int _mask;

    public Utf8NameTable(IReadOnlyList<string> names)
    {
        var size = 4;
        while (size < names.Count * 2) size *= 2;
        _keys = new byte[size][];
        _slots = new int[size];
        _mask = size - 1;
        Names = names.ToArray();
        for (var i = 0; i < names.Count; i++)
        {
            var key = Encoding.UTF8.GetBytes(names[i]);
            var at = Utf8Hash.Of(key) & _mask;
            while (_keys[at] is not null)
            {
                if (_keys[at].AsSpan().SequenceEqual(key)) break;
                at = (at + 1) & _mask;
            }
            if (_keys[at] is null)
            {
                _keys[at] = key;
                _slots[at] = i;
            }
        }
    }

    public string[] Names { get; }

    /// <summary>The slot of a name, or -1.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        var at = Utf8Hash.Of(name) & _mask;
        while (true)
        {
            var key = _keys[at];
            if (key is null) return -1;
            if (name.SequenceEqual(key)) return _slots[at];
            at = (at + 1) & _mask;
        }
    }

    /// <summary>The slot of a property's name, read from the document bytes when possible.</summary>
    public int Find(in JsonProperty property)
    {
#if NET9_0_OR_GREATER
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0) return Find(raw);
#endif
        return FindText(property.Name);
    }

    private int FindText(string name)
    {
        if (name.Length > 128) return Find(Encoding.UTF8.GetBytes(name));
        Span<byte> buffer = stackalloc byte[128 * 3];
        var count = Encoding.UTF8.GetBytes(name, buffer);
        return Find(buffer.Slice(0, count));
    }

    /// <summary>The slot of a string value, or -1 (for string enums).</summary>
    public int FindString(in JsonElement value)
    {
#if NET9_0_OR_GREATER
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.IndexOf((byte)'\\') < 0) return Find(raw.Slice(1, raw.Length - 2));
#endif
        return FindText(JsonText.StringOf(value));
    }
}

/// <summary>Strings as JSON Schema measures them.</summary>
internal static class JsonText
{
    /// <summary>The length in Unicode code points (a surrogate pair counts once).</summary>
    public static int CodePointLength(in JsonElement value)
    {
#if NET9_0_OR_GREATER
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            var count = 0;
            // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
            for (var i = 1; i < raw.Length - 1; i++)
            {
                if ((raw[i] & 0xC0) != 0x80) count++;
            }
            return count;
        }
#endif
        return CodePointLength(JsonText.StringOf(value));
    }

    /// <summary>
    /// The value of a string. JSON may escape a lone surrogate (<c>"\ud800"</c>), which System.Text.Json refuses
    /// to decode; such a string is read here code unit by code unit instead, so validation never throws on it.
    /// </summary>
    public static string StringOf(in JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Unescape(value.GetRawText());
        }
    }

    // The escapes of a JSON string literal (quotes included), each \uXXXX kept as its code unit.
    private static string Unescape(string literal)
    {
        var builder = new StringBuilder(literal.Length);
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var c = literal[i];
            if (c != '\\' || i + 1 >= literal.Length - 1)
            {
                builder.Append(c);
                continue;
            }
            var e = literal[++i];
            switch (e)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when i + 4 < literal.Length
                    && int.TryParse(literal.AsSpan(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var unit):
                    builder.Append((char)unit);
                    i += 4;
                    break;
                default: builder.Append(e); break;
            }
        }
        return builder.ToString();
    }

    public static int CodePointLength(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            count++;
        }
        return count;
    }
}
