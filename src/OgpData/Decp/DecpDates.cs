using System.Globalization;

namespace OgpData.Decp;

/// <summary>
/// DECP dates (<c>AAAA-MM-JJ</c>, sometimes followed by an offset as in <c>2019-01-15+01:00</c>) and their
/// OCDS form, a date-time at local midnight. Without an offset in the data, the offset is that of
/// metropolitan France on that day, worked out from the EU summer-time rule (last Sunday of March to last
/// Sunday of October) so that the output never depends on the machine's time-zone database; overseas, the
/// place of execution's (<see cref="DecpTimeZones"/>, applied where the entry's dates are read).
/// </summary>
internal static class DecpDates
{
    /// <summary>A DECP date with the offset it was written with, if any.</summary>
    public readonly record struct DecpDate(DateOnly Day, TimeSpan? Offset)
    {
        /// <summary>Local midnight as an OCDS date-time (<c>2024-05-15T00:00:00+02:00</c>).</summary>
        public string ToOcds()
        {
            var offset = Offset ?? ParisOffset(Day);
            var sign = offset < TimeSpan.Zero ? '-' : '+';
            var abs = offset.Duration();
            return string.Create(CultureInfo.InvariantCulture, $"{Day:yyyy-MM-dd}T00:00:00{sign}{abs.Hours:D2}:{abs.Minutes:D2}");
        }
    }

    /// <summary>Reads <c>AAAA-MM-JJ</c>, optionally followed by <c>Z</c>, an offset (<c>+01:00</c>) or a time (<c>T10:00:00</c>, ignored).</summary>
    public static bool TryParse(string? text, out DecpDate date)
    {
        date = default;
        if (text is null) return false;
        var span = text.AsSpan().Trim();
        if (span.Length < 10 || !DateOnly.TryParseExact(span[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        var rest = span[10..];
        if (rest.IsEmpty)
        {
            date = new DecpDate(day, null);
            return true;
        }
        if (rest is "Z")
        {
            date = new DecpDate(day, TimeSpan.Zero);
            return true;
        }
        if (rest[0] is '+' or '-' && rest.Length == 6 && rest[3] == ':'
            && int.TryParse(rest[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(rest[4..6], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && hours <= 14 && minutes < 60)
        {
            var offset = new TimeSpan(hours, minutes, 0);
            date = new DecpDate(day, rest[0] == '-' ? -offset : offset);
            return true;
        }
        if (rest[0] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            // A full date-time: the day is what DECP means; the time of day is dropped.
            date = new DecpDate(day, null);
            return true;
        }
        return false;
    }

    /// <summary>UTC+2 at midnight from the day after the last Sunday of March to the last Sunday of October; UTC+1 otherwise.</summary>
    internal static TimeSpan ParisOffset(DateOnly day)
    {
        // The change happens at 01:00 UTC, after local midnight, so midnight on the changeover Sunday keeps the old offset.
        var summerStarts = LastSunday(day.Year, 3);
        var summerEnds = LastSunday(day.Year, 10);
        return day > summerStarts && day <= summerEnds ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1);
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }

    /// <summary>
    /// Days in <paramref name="months"/> calendar months counted from <paramref name="from"/> when known;
    /// otherwise months of average length (365.25 / 12 days), rounded.
    /// </summary>
    public static long DurationInDays(int months, DateOnly? from)
    {
        if (from is { } start && start.Year + months / 12 < 9000)
        {
            var end = start.AddMonths(months);
            return end.DayNumber - start.DayNumber;
        }
        return (long)Math.Round(months * 365.25 / 12, MidpointRounding.AwayFromZero);
    }
}
