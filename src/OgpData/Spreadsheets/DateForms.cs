using System.Globalization;
using System.Text;

namespace OgpData.Spreadsheets;

/// <summary>What a number format makes of a number: nothing (a number), a date, a date and time, or a time.</summary>
internal enum DateForm
{
    None,
    Date,
    DateTime,
    /// <summary>A date and time whose format prints a literal <c>Z</c> (UTC), as ogpdata writes <c>2014-01-02T00:00:00Z</c>.</summary>
    DateTimeUtc,
    Time,
}

/// <summary>
/// Spreadsheet dates: a cell holds a serial day number (1900 date system) and its number format says it is a
/// date. Read back, a date is its ISO 8601 text, so the JSON side sees what a CSV would have held.
/// </summary>
internal static class DateForms
{
    /// <summary>The form of a built-in number format id (ECMA-376 18.8.30): 14-17 and 27-36, 50-58 dates, 18-21 and 45-47 times, 22 date and time.</summary>
    public static DateForm OfBuiltIn(uint id) => id switch
    {
        >= 14 and <= 17 or >= 27 and <= 36 or >= 50 and <= 58 => DateForm.Date,
        >= 18 and <= 21 or >= 45 and <= 47 => DateForm.Time,
        22 => DateForm.DateTime,
        _ => DateForm.None,
    };

    /// <summary>The form of a format code (<c>yyyy-mm-dd</c>, <c>dd/mm/yyyy hh:mm</c>): letters outside quotes, brackets and escapes decide.</summary>
    public static DateForm OfCode(string code)
    {
        bool date = false, time = false, utc = false, quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }
            if (quoted)
            {
                if (c == 'Z') utc = true;
                continue;
            }
            if (c == '\\' && i + 1 < code.Length)
            {
                if (code[++i] == 'Z') utc = true;
                continue;
            }
            if (c == '[')
            {
                // [h] elapsed hours are a time; [$-409], [Red] are not letters of the format.
                var end = code.IndexOf(']', i);
                if (end < 0) break;
                var inner = code.AsSpan(i + 1, end - i - 1);
                if (inner is "h" or "hh" or "m" or "mm" or "s" or "ss") time = true;
                i = end;
                continue;
            }
            if (c == ';') break; // the first section decides
            switch (char.ToLowerInvariant(c))
            {
                case 'y' or 'd':
                    date = true;
                    break;
                case 'h' or 's':
                    time = true;
                    break;
            }
        }
        return (date, time) switch
        {
            (true, true) => utc ? DateForm.DateTimeUtc : DateForm.DateTime,
            (true, false) => DateForm.Date,
            (false, true) => DateForm.Time,
            _ => DateForm.None,
        };
    }

    /// <summary>The ISO text of a serial day number: <c>2020-12-01</c> for a date at midnight, else with the time to the second.</summary>
    public static string? Iso(double serial, DateForm form)
    {
        if (double.IsNaN(serial) || serial < 0 || serial > 2958465) return null; // beyond 9999-12-31
        var moment = DateTime.FromOADate(serial);
        // Serial numbers carry binary fractions of a day: round to the second, as spreadsheets display them.
        moment = new DateTime((moment.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
        if (form == DateForm.Time && serial < 1) return moment.ToString("HH':'mm':'ss", CultureInfo.InvariantCulture);
        if (form == DateForm.Date && moment.TimeOfDay == TimeSpan.Zero) return moment.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        return moment.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + (form == DateForm.DateTimeUtc ? "Z" : "");
    }

    /// <summary>
    /// The serial day number and form of an ISO text ogpdata writes as a spreadsheet date, or false when the text
    /// would not come back the same (partial dates, offsets other than Z, fractions of a second): those stay text.
    /// </summary>
    public static bool TryWritable(string text, out DateTime moment, out DateForm form)
    {
        moment = default;
        form = DateForm.None;
        if (text.Length == 10 && DateTime.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out moment))
        {
            form = DateForm.Date;
        }
        else if (text.Length == 20 && text[^1] == 'Z' && DateTime.TryParseExact(text, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out moment))
        {
            form = DateForm.DateTimeUtc;
        }
        else if (text.Length == 19 && DateTime.TryParseExact(text, "yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out moment))
        {
            form = DateForm.DateTime;
        }
        // Before 1900-03-01 the 1900 date system is off by Excel's phantom 29 February: keep such dates as text.
        return form != DateForm.None && moment >= new DateTime(1900, 3, 1);
    }
}

/// <summary>Number cells as text.</summary>
internal static class Numbers
{
    /// <summary>
    /// The text of a number cell's stored value. A zero fraction is dropped (<c>2.0</c> is <c>2</c>). Values with more digits than a double holds (<c>1.1000000000000001</c>,
    /// what spreadsheet programs store for 1.1) become the shortest text that reads back as the same double;
    /// shorter ones are kept as stored, so <c>1.50</c> written by ogpdata reads back as <c>1.50</c>.
    /// </summary>
    public static string Canonical(string stored)
    {
        // 2.0 (what some writers store for a whole number) is 2, as .ods and Excel store it.
        var point = stored.IndexOf('.');
        if (point > 0 && stored.AsSpan(point + 1).IndexOfAnyExcept('0') < 0 && stored.AsSpan(0, point).IndexOfAnyExcept("-0123456789") < 0) return stored[..point];
        var digits = 0;
        foreach (var c in stored)
        {
            if (c is 'e' or 'E') return stored;
            if (char.IsAsciiDigit(c)) digits++;
        }
        if (digits <= 15 || !double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return stored;
        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>True when a JSON number's text survives a spreadsheet's double: at most 15 significant digits.</summary>
    public static bool FitsDouble(string json)
    {
        var digits = 0;
        var leading = true;
        foreach (var c in json)
        {
            if (c is 'e' or 'E') return false;
            if (!char.IsAsciiDigit(c)) continue;
            if (leading && c == '0') continue;
            leading = false;
            digits++;
        }
        return digits <= 15;
    }
}
