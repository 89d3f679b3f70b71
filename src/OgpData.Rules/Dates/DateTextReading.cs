using System.Collections.Generic;

namespace OgpData.Dates;

/// <summary>What a date text, as printed in a plan, means.</summary>
public enum DateTextMeaning
{
    /// <summary>One partial date ("Septembre 2019", "T1 2022").</summary>
    Date,
    /// <summary>A period from a start to an end ("Octobre 2021-Novembre 2021").</summary>
    Range,
    /// <summary>No date yet: "Dates à déterminer", "TBD".</summary>
    ToBeDetermined,
    /// <summary>No end: the activity goes on ("en continu", "ongoing"); <see cref="DateTextReading.Start"/> is set
    /// when the text gives the start ("Août 2019 - en continu").</summary>
    Ongoing,
    /// <summary>No end by design: "durée indéterminée", "indefinite".</summary>
    Indefinite,
    /// <summary>The text could not be read; <see cref="DateTextReading.Failure"/> says why.</summary>
    Unreadable,
}

/// <summary>
/// The reading of one date text by <see cref="PartialDateParser"/>: the date or period it names, or the
/// "no date" it states, or why it could not be read. Approximations (a season read as a quarter) are
/// flagged and explained in <see cref="Notes"/>, never made silently.
/// </summary>
public sealed record DateTextReading
{
    private static readonly string[] None = new string[0];

    /// <summary>The text as given.</summary>
    public required string Text { get; init; }

    /// <summary>What the text means.</summary>
    public required DateTextMeaning Meaning { get; init; }

    /// <summary>The date, or the start of the range; for an ongoing or indefinite period that states its start
    /// ("Août 2019 - en continu") that start; else null.</summary>
    public PartialDate? Start { get; init; }

    /// <summary>The date again, or the end of the range; null when the text names no end.</summary>
    public PartialDate? End { get; init; }

    /// <summary>The single date of a <see cref="DateTextMeaning.Date"/> reading; null otherwise.</summary>
    public PartialDate? Date => Meaning == DateTextMeaning.Date ? Start : null;

    /// <summary>True when the words were mapped to the closest partial date rather than read exactly
    /// ("Printemps 2021" is 20 March to 20 June, read as 2021-Q2).</summary>
    public bool IsApproximate { get; init; }

    /// <summary>True when the text also says the activity goes on past its date ("Août 2021 (en continu)").</summary>
    public bool IsOngoing { get; init; }

    /// <summary>How approximations and assumptions were made, and any remark that was set aside, in English.</summary>
    public IReadOnlyList<string> Notes { get; init; } = None;

    /// <summary>Why the text could not be read, in English; null when it was read.</summary>
    public string? Failure { get; init; }

    /// <summary>The language of the date words recognised: <c>fr</c>, <c>en</c>, <c>es</c>, or null when there were
    /// only numbers or only words both languages share ("sept", "nov").</summary>
    public string? Language { get; init; }

    /// <summary>The date words recognised, as written ("Septembre", "fin", "à déterminer").</summary>
    public IReadOnlyList<string> Words { get; init; } = None;

    /// <summary>True unless the text is <see cref="DateTextMeaning.Unreadable"/>.</summary>
    public bool IsReadable => Meaning != DateTextMeaning.Unreadable;

    /// <summary>True when the text names a date or a range (so <see cref="Start"/> and <see cref="End"/> are set).</summary>
    public bool HasDate => Meaning is DateTextMeaning.Date or DateTextMeaning.Range;

    /// <summary>True when the text states there is no date (to be determined, ongoing, indefinite).</summary>
    public bool IsNoDate => Meaning is DateTextMeaning.ToBeDetermined or DateTextMeaning.Ongoing or DateTextMeaning.Indefinite;
}
