using System.Text.Json;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>
/// An OCDS identifier, which the schema allows as a string or an integer (<c>"id": "1"</c> or <c>"id": 1</c>).
/// It remembers which, and the exact text, so it is written back as it was read.
/// </summary>
[JsonConverter(typeof(OcdsIdConverter))]
public readonly struct OcdsId : IEquatable<OcdsId>
{
    private readonly string? _text;

    private OcdsId(string text, bool isNumber)
    {
        _text = text;
        IsNumber = isNumber;
    }

    /// <summary>The identifier's text (for a number, its JSON text).</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>True when the document wrote the identifier as a JSON number.</summary>
    public bool IsNumber { get; }

    /// <summary>A string identifier.</summary>
    public static OcdsId FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), false);

    /// <summary>A numeric identifier, written as a JSON number.</summary>
    public static OcdsId FromNumber(JsonNumber value) => new(value.Text, true);

    /// <summary>String identifiers from strings.</summary>
    public static implicit operator OcdsId(string value) => FromString(value);

    /// <summary>Same text and same JSON type (<c>1</c> and <c>"1"</c> differ, as they do in the document).</summary>
    public bool Equals(OcdsId other) => IsNumber == other.IsNumber && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OcdsId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text) ^ (IsNumber ? 1 : 0);

    /// <summary>Same text and JSON type.</summary>
    public static bool operator ==(OcdsId left, OcdsId right) => left.Equals(right);

    /// <summary>Different text or JSON type.</summary>
    public static bool operator !=(OcdsId left, OcdsId right) => !left.Equals(right);

    /// <summary>The identifier's text.</summary>
    public override string ToString() => Text;

    internal static OcdsId FromNumberText(string text) => new(text, true);
}

/// <summary>Reads and writes <see cref="OcdsId"/> as a string or a raw number token.</summary>
internal sealed class OcdsIdConverter : JsonConverter<OcdsId>
{
    public override OcdsId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => OcdsId.FromString(reader.GetString()!),
        JsonTokenType.Number => OcdsId.FromNumberText(RawText.Of(ref reader)),
        _ => throw new JsonException($"Expected a string or number identifier, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, OcdsId value, JsonSerializerOptions options)
    {
        if (value.IsNumber) writer.WriteRawValue(value.Text, skipInputValidation: true);
        else writer.WriteStringValue(value.Text);
    }
}
