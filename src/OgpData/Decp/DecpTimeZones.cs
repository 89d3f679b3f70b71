using System.Text.Json;

namespace OgpData.Decp;

/// <summary>
/// The UTC offset of an entry's dates. DECP dates are days, and DECP names no time zone; the place of execution
/// (<c>lieuExecution</c>) is the only geography an entry carries (the acheteur is a bare SIRET), so it decides:
/// an overseas department or collectivity gets its own offset, anything else metropolitan France's
/// (<see cref="DecpDates.ParisOffset"/>). The offsets are fixed rules, like the metropolitan one, so the output
/// never depends on the machine's time-zone data.
/// </summary>
internal static class DecpTimeZones
{
    /// <summary>An overseas place: its name, the offset on a given day, and what the offset assumes (or null).</summary>
    public sealed record Zone(string Name, Func<DateOnly, TimeSpan> OffsetOn, string? Assumption = null);

    private static readonly Dictionary<string, Zone> ByDepartment = new(StringComparer.Ordinal)
    {
        ["971"] = Fixed("Guadeloupe", -4),
        ["972"] = Fixed("Martinique", -4),
        ["973"] = Fixed("Guyane", -3),
        ["974"] = Fixed("La Réunion", 4),
        ["975"] = new("Saint-Pierre-et-Miquelon", SaintPierreOffset),
        ["976"] = Fixed("Mayotte", 3),
        ["977"] = Fixed("Saint-Barthélemy", -4),
        ["978"] = Fixed("Saint-Martin", -4),
        ["986"] = Fixed("Wallis-et-Futuna", 12),
        ["987"] = new("Polynésie française", _ => TimeSpan.FromHours(-10),
            "French Polynesia spans three time zones; its dates are written at Tahiti's offset (UTC-10:00), which the Marquesas (UTC-09:30) and the Gambier islands (UTC-09:00) do not share."),
        ["988"] = Fixed("Nouvelle-Calédonie", 11),
    };

    // INSEE region codes of the five overseas regions.
    private static readonly Dictionary<string, string> DepartmentOfRegion = new(StringComparer.Ordinal)
    {
        ["01"] = "971", ["02"] = "972", ["03"] = "973", ["04"] = "974", ["06"] = "976",
    };

    /// <summary>The overseas zone of the entry's <c>lieuExecution</c>, or null for metropolitan France (or no place).</summary>
    public static Zone? Of(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("lieuExecution", out var place) || place.ValueKind != JsonValueKind.Object) return null;
        var code = TextOf(place, "code");
        if (code is null) return null;
        var department = TextOf(place, "typeCode") switch
        {
            "Code région" => DepartmentOfRegion.GetValueOrDefault(code),
            "Code pays" => null,
            // Postal, commune, arrondissement, canton and department codes overseas all start with the department's three digits.
            _ => code.Length >= 3 && code.StartsWith('9') && char.IsAsciiDigit(code[1]) && char.IsAsciiDigit(code[2]) ? code[..3] : null,
        };
        return department is null ? null : ByDepartment.GetValueOrDefault(department);
    }

    private static string? TextOf(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;

    private static Zone Fixed(string name, int hours) => new(name, _ => TimeSpan.FromHours(hours));

    /// <summary>
    /// Saint-Pierre-et-Miquelon keeps North American summer time: UTC-2 from the day after the second Sunday of
    /// March to the first Sunday of November, UTC-3 otherwise (the change is at 02:00 local, after midnight).
    /// </summary>
    private static TimeSpan SaintPierreOffset(DateOnly day)
    {
        var summerStarts = NthSunday(day.Year, 3, 2);
        var summerEnds = NthSunday(day.Year, 11, 1);
        return day > summerStarts && day <= summerEnds ? TimeSpan.FromHours(-2) : TimeSpan.FromHours(-3);
    }

    private static DateOnly NthSunday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((7 - (int)first.DayOfWeek) % 7 + 7 * (n - 1));
    }
}
