using System.Text.Json;
using System.Text.Json.Serialization;
using OgpData.Dates;

namespace OgpData.Serialization;

/// <summary>
/// A <see cref="PartialDate"/> on the wire is its canonical text (<c>2019</c>, <c>2019-H2</c>, <c>2019-Q3</c>,
/// <c>2019-08</c>, <c>2019-08-01</c>). Text that is not a partial date never reaches this converter when
/// reading through <see cref="OgpJson"/>: the object keeps it raw instead, for validation to report.
/// </summary>
internal sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && PartialDate.TryParse(reader.GetString(), out var date)) return date;
        throw new JsonException("Expected a partial date (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM or YYYY-MM-DD).");
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
