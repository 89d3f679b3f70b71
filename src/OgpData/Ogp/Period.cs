using System.Text.Json;
using System.Text.Json.Serialization;
using OgpData.Dates;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>
/// When a plan, commitment or milestone runs. The dates are partial dates (<c>2019</c>, <c>2019-H2</c>,
/// <c>2019-Q3</c>, <c>2019-08</c>, <c>2019-08-01</c>); the texts keep the words as printed
/// ("Septembre 2019", "Dates à déterminer", "en continu"), so a conversion never loses what the source said.
/// A date text that is not a partial date (<c>2019-13</c>) is kept as written, outside the typed property:
/// see <see cref="UnreadableStartDate"/> and <see cref="UnreadableEndDate"/>.
/// </summary>
public sealed record Period : ExtensibleObject
{
    /// <summary>The start, as a partial date.</summary>
    [JsonPropertyName("startDate")]
    public PartialDate? StartDate { get; init; }

    /// <summary>The end, as a partial date.</summary>
    [JsonPropertyName("endDate")]
    public PartialDate? EndDate { get; init; }

    /// <summary>The start as printed in the source.</summary>
    [JsonPropertyName("startText")]
    public string? StartText { get; init; }

    /// <summary>The end as printed in the source.</summary>
    [JsonPropertyName("endText")]
    public string? EndText { get; init; }

    /// <summary>The <c>startDate</c> value as written, when the document has one that is not a partial date; else null.</summary>
    [JsonIgnore]
    public string? UnreadableStartDate => Unreadable("startDate");

    /// <summary>The <c>endDate</c> value as written, when the document has one that is not a partial date; else null.</summary>
    [JsonIgnore]
    public string? UnreadableEndDate => Unreadable("endDate");

    private string? Unreadable(string jsonName) =>
        TryGetRaw(jsonName, out var raw) ? raw.ValueKind switch
        {
            JsonValueKind.String => raw.GetString(),
            JsonValueKind.Null => null,
            _ => raw.GetRawText(),
        } : null;
}
