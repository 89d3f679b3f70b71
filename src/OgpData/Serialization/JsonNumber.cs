using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OgpData.Serialization;

/// <summary>
/// A JSON number kept as the exact text it was written with (<c>1.50</c>, <c>1e3</c>,
/// <c>12345678901234567890</c>), so writing it back changes nothing. Conversions to .NET numbers are
/// explicit and may fail or round; the text never does.
/// </summary>
[JsonConverter(typeof(JsonNumberConverter))]
public readonly struct JsonNumber : IEquatable<JsonNumber>
{
    private readonly string? _text;

    private JsonNumber(string text) => _text = text;

    /// <summary>A number from a <see cref="decimal"/>; its scale is kept (<c>1.50m</c> is written <c>1.50</c>).</summary>
    public JsonNumber(decimal value) => _text = value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number from an integer.</summary>
    public JsonNumber(long value) => _text = value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number from a finite <see cref="double"/>, in its shortest round-trippable form.</summary>
    public JsonNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or infinity.");
        _text = value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The number exactly as written in JSON (<c>0</c> for the default value).</summary>
    public string Text => _text ?? "0";

    /// <summary>Reads JSON number text; throws <see cref="FormatException"/> when it is not one.</summary>
    public static JsonNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"'{text}' is not a JSON number.");

    /// <summary>Accepts exactly the JSON number grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    public static bool TryParse(string? text, out JsonNumber number)
    {
        number = default;
        if (string.IsNullOrEmpty(text) || !IsJsonNumber(text)) return false;
        number = new JsonNumber(text);
        return true;
    }

    /// <summary>The value as a <see cref="decimal"/>, when it is within decimal's range (digits beyond 28–29 round).</summary>
    public bool TryGetDecimal(out decimal value) =>
        decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The value as a <see cref="double"/> (always succeeds for a JSON number; very large values become infinity).</summary>
    public double ToDouble() => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value as a 64-bit integer, when it is an integer written without fraction or exponent and in range.</summary>
    public bool TryGetInt64(out long value) =>
        long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>True when the number is below zero (<c>-0</c> is not).</summary>
    public bool IsNegative => Text[0] == '-' && ToDouble() != 0;

    /// <summary>Exact numbers from decimals.</summary>
    public static implicit operator JsonNumber(decimal value) => new(value);

    /// <summary>Exact numbers from integers.</summary>
    public static implicit operator JsonNumber(long value) => new(value);

    /// <summary>The same text (<c>1.5</c> and <c>1.50</c> differ: the text is what is kept).</summary>
    public bool Equals(JsonNumber other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JsonNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The same text.</summary>
    public static bool operator ==(JsonNumber left, JsonNumber right) => left.Equals(right);

    /// <summary>Not the same text.</summary>
    public static bool operator !=(JsonNumber left, JsonNumber right) => !left.Equals(right);

    /// <summary>The number's JSON text.</summary>
    public override string ToString() => Text;

    internal static JsonNumber FromValidatedText(string text) => new(text);

    private static bool IsJsonNumber(string s)
    {
        var i = 0;
        if (s[i] == '-') i++;
        if (i == s.Length) return false;
        if (s[i] == '0') i++;
        else if (s[i] is >= '1' and <= '9') { while (i < s.Length && char.IsAsciiDigit(s[i])) i++; }
        else return false;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) return false;
        }
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) return false;
        }
        return i == s.Length;
    }
}

/// <summary>Reads and writes <see cref="JsonNumber"/> as the raw number token.</summary>
internal sealed class JsonNumberConverter : JsonConverter<JsonNumber>
{
    public override JsonNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number) throw new JsonException($"Expected a number, found {reader.TokenType}.");
        return JsonNumber.FromValidatedText(RawText.Of(ref reader));
    }

    public override void Write(Utf8JsonWriter writer, JsonNumber value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Text, skipInputValidation: true);
}

/// <summary>The token's bytes as they stand in the input.</summary>
internal static class RawText
{
    public static string Of(ref Utf8JsonReader reader) =>
        reader.HasValueSequence
            ? Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence))
            : Encoding.UTF8.GetString(reader.ValueSpan);
}
