using OgpData.Dates;

namespace OgpData.Conversion;

/// <summary>
/// What a reader of free-text dates made of a cell ("Septembre 2019", "T1 2022", "en continu"): a partial date,
/// words understood to mean no date ("en continu", "à déterminer"), or text it could not read. The seam through
/// which the partial-date parser plugs into spreadsheet conversion; the text itself is always kept as printed.
/// </summary>
public readonly record struct DateTextReading
{
    /// <summary>The date read, or null.</summary>
    public PartialDate? Date { get; init; }

    /// <summary>True when the reader understood the text (a date, or words meaning there is none).</summary>
    public bool Understood { get; init; }

    /// <summary>Why there is no date, when it helps (shown in problems).</summary>
    public string? Reason { get; init; }

    /// <summary>The text is this date.</summary>
    public static DateTextReading Of(PartialDate date) => new() { Date = date, Understood = true };

    /// <summary>The text was understood and means there is no date (ongoing, to be decided).</summary>
    public static DateTextReading NoDate(string reason) => new() { Understood = true, Reason = reason };

    /// <summary>The text could not be read as a date.</summary>
    public static DateTextReading Unreadable(string? reason = null) => new() { Understood = false, Reason = reason };

    /// <summary>
    /// The reader used when none is given: canonical partial dates only (<c>2019</c>, <c>2019-H1</c>,
    /// <c>2019-Q3</c>, <c>2019-09</c>, <c>2019-09-01</c>); anything else is unreadable, never guessed.
    /// </summary>
    public static DateTextReading CanonicalOnly(string text) =>
        PartialDate.TryParse(text.Trim(), out var date) ? Of(date) : Unreadable("only YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM and YYYY-MM-DD are read without the free-text date parser");
}
