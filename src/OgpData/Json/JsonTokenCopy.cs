using System.Buffers;
using System.Text.Json;

namespace OgpData.Json;

/// <summary>
/// Writes a JSON text through a <see cref="Utf8JsonWriter"/> token by token, so it comes out in the writer's
/// own layout (compact for JSON Lines, or indented) whatever the input's; numbers keep their exact text.
/// </summary>
public static class JsonTokenCopy
{
    /// <summary>Writes the JSON text <paramref name="json"/> (one value) as the writer's next value.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4096 });
        byte[]? rented = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: writer.WritePropertyName(Unescaped(ref reader, ref rented)); break;
                    case JsonTokenType.String: writer.WriteStringValue(Unescaped(ref reader, ref rented)); break;
                    case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                    case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                    case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                    case JsonTokenType.Null: writer.WriteNullValue(); break;
                }
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader, ref byte[]? rented)
    {
        if (!reader.ValueIsEscaped) return reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (rented is null || rented.Length < length)
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            rented = ArrayPool<byte>.Shared.Rent(length);
        }
        var written = reader.CopyString(rented);
        return rented.AsSpan(0, written);
    }
}
