using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OgpData.Dates;

/// <summary>How much of a date is known.</summary>
public enum DatePrecision
{
    /// <summary><c>YYYY</c></summary>
    Year,
    /// <summary><c>YYYY-Hn</c>, a half year</summary>
    Half,
    /// <summary><c>YYYY-Qn</c>, a quarter</summary>
    Quarter,
    /// <summary><c>YYYY-MM</c></summary>
    Month,
    /// <summary><c>YYYY-MM-DD</c></summary>
    Day,
}

/// <summary>
/// A date known to a year, half year, quarter, month or day, as action plans write them. It covers a
/// range of days, from <see cref="Earliest"/> to <see cref="Latest"/>; comparisons between periods use
/// those bounds ("ends before it starts" means the latest end day is before the earliest start day).
/// The text form is <c>YYYY</c>, <c>YYYY-Hn</c>, <c>YYYY-Qn</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.
/// </summary>
public readonly struct PartialDate : IEquatable<PartialDate>
{
    private PartialDate(int year, DatePrecision precision, int part, int day)
    {
        Year = year;
        Precision = precision;
        Part = part;
        Day = day;
    }

    /// <summary>The year, 1 to 9999.</summary>
    public int Year { get; }

    /// <summary>How much of the date is known.</summary>
    public DatePrecision Precision { get; }

    /// <summary>The half (1–2), quarter (1–4) or month (1–12), by precision; 0 for a year.</summary>
    public int Part { get; }

    /// <summary>The day of the month for day precision, else 0.</summary>
    public int Day { get; }

    /// <summary>The month for month and day precision, else 0.</summary>
    public int Month => Precision is DatePrecision.Month or DatePrecision.Day ? Part : 0;

    /// <summary>The first day the date can mean.</summary>
    public DateTime Earliest => Precision switch
    {
        DatePrecision.Year => new DateTime(Year, 1, 1),
        DatePrecision.Half => new DateTime(Year, Part == 1 ? 1 : 7, 1),
        DatePrecision.Quarter => new DateTime(Year, (Part - 1) * 3 + 1, 1),
        DatePrecision.Month => new DateTime(Year, Part, 1),
        _ => new DateTime(Year, Part, Day),
    };

    /// <summary>The last day the date can mean.</summary>
    public DateTime Latest => Precision switch
    {
        DatePrecision.Year => new DateTime(Year, 12, 31),
        DatePrecision.Half => LastDayOf(Year, Part * 6),
        DatePrecision.Quarter => LastDayOf(Year, Part * 3),
        DatePrecision.Month => LastDayOf(Year, Part),
        _ => new DateTime(Year, Part, Day),
    };

    /// <summary>A whole year.</summary>
    public static PartialDate OfYear(int year) => new(CheckYear(year), DatePrecision.Year, 0, 0);

    /// <summary>A half year, 1 or 2.</summary>
    public static PartialDate OfHalf(int year, int half) =>
        new(CheckYear(year), DatePrecision.Half, CheckRange(half, 1, 2, nameof(half)), 0);

    /// <summary>A quarter, 1 to 4.</summary>
    public static PartialDate OfQuarter(int year, int quarter) =>
        new(CheckYear(year), DatePrecision.Quarter, CheckRange(quarter, 1, 4, nameof(quarter)), 0);

    /// <summary>A month, 1 to 12.</summary>
    public static PartialDate OfMonth(int year, int month) =>
        new(CheckYear(year), DatePrecision.Month, CheckRange(month, 1, 12, nameof(month)), 0);

    /// <summary>A calendar day; throws when the day does not exist (31 April).</summary>
    public static PartialDate OfDay(int year, int month, int day)
    {
        CheckYear(year);
        CheckRange(month, 1, 12, nameof(month));
        CheckRange(day, 1, DateTime.DaysInMonth(year, month), nameof(day));
        return new PartialDate(year, DatePrecision.Day, month, day);
    }

    /// <summary>A calendar day from a <see cref="DateTime"/> (its time of day is ignored).</summary>
    public static PartialDate OfDay(DateTime date) => new(date.Year, DatePrecision.Day, date.Month, date.Day);

    /// <summary>Reads the canonical text form; see <see cref="TryParse(string?, out PartialDate)"/>.</summary>
    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a partial date (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM or YYYY-MM-DD).");

    /// <summary>
    /// Reads <c>YYYY</c>, <c>YYYY-Hn</c>, <c>YYYY-Qn</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>, exactly (no spaces,
    /// no time). Impossible values (month 13, 30 February) are rejected. Free text ("Septembre 2019") is the
    /// job of <c>PartialDateParser</c>.
    /// </summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (text is null || text.Length < 4 || !TryDigits(text, 0, 4, out var year) || year < 1) return false;
        if (text.Length == 4) { date = OfYear(year); return true; }
        if (text[4] != '-') return false;
        if (text.Length == 7 && (text[5] == 'H' || text[5] == 'Q') && TryDigits(text, 6, 1, out var n))
        {
            if (text[5] == 'H' && n is >= 1 and <= 2) { date = OfHalf(year, n); return true; }
            if (text[5] == 'Q' && n is >= 1 and <= 4) { date = OfQuarter(year, n); return true; }
            return false;
        }
        if (!TryDigits(text, 5, 2, out var month) || month is < 1 or > 12) return false;
        if (text.Length == 7) { date = OfMonth(year, month); return true; }
        if (text.Length != 10 || text[7] != '-' || !TryDigits(text, 8, 2, out var day)) return false;
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new PartialDate(year, DatePrecision.Day, month, day);
        return true;
    }

    /// <summary>The canonical text form.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Half => Year.ToString("D4", CultureInfo.InvariantCulture) + "-H" + Part.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Quarter => Year.ToString("D4", CultureInfo.InvariantCulture) + "-Q" + Part.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Month => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Part.ToString("D2", CultureInfo.InvariantCulture),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Part.ToString("D2", CultureInfo.InvariantCulture) + "-" + Day.ToString("D2", CultureInfo.InvariantCulture),
    };

    /// <summary>True when every day this date can mean lies before every day <paramref name="other"/> can mean.</summary>
    public bool IsCertainlyBefore(PartialDate other) => Latest < other.Earliest;

    /// <inheritdoc />
    public bool Equals(PartialDate other) =>
        Year == other.Year && Precision == other.Precision && Part == other.Part && Day == other.Day;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Year * 397) ^ ((int)Precision << 20) ^ (Part << 8) ^ Day;

    /// <summary>Same year, precision and parts.</summary>
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    /// <summary>Not the same year, precision or parts.</summary>
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    private static DateTime LastDayOf(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static int CheckYear(int year) => CheckRange(year, 1, 9999, nameof(year));

    private static int CheckRange(int value, int min, int max, string name) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"must be between {min} and {max}");

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
