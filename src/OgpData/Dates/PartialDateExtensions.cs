namespace OgpData.Dates;

/// <summary>Conversions between <see cref="PartialDate"/> and the framework's <see cref="DateOnly"/>.</summary>
public static class PartialDateExtensions
{
    /// <summary>The first day the partial date can mean.</summary>
    public static DateOnly EarliestDay(this PartialDate date) => DateOnly.FromDateTime(date.Earliest);

    /// <summary>The last day the partial date can mean.</summary>
    public static DateOnly LatestDay(this PartialDate date) => DateOnly.FromDateTime(date.Latest);

    /// <summary>A day-precision partial date.</summary>
    public static PartialDate ToPartialDate(this DateOnly day) => PartialDate.OfDay(day.Year, day.Month, day.Day);
}
