using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A period of time, by dates (date-time text, kept as written) or by duration.</summary>
public sealed record Period : ExtensibleObject
{
    /// <summary>The start date.</summary>
    [JsonPropertyName("startDate")]
    public string? StartDate { get; init; }

    /// <summary>The end date.</summary>
    [JsonPropertyName("endDate")]
    public string? EndDate { get; init; }

    /// <summary>The latest the period may extend to.</summary>
    [JsonPropertyName("maxExtentDate")]
    public string? MaxExtentDate { get; init; }

    /// <summary>The length of the period in days (an integer in the schema; kept as written).</summary>
    [JsonPropertyName("durationInDays")]
    public JsonNumber? DurationInDays { get; init; }
}
