using OgpData.Dates;
using OgpData.Text;

namespace OgpData.Quality;

/// <summary>
/// A <c>period</c> object (<c>startDate</c>, <c>endDate</c>, <c>startText</c>, <c>endText</c>) with its dates
/// read once and shared by every rule. Each end of the period is taken, in order, from the date member when
/// it is a canonical partial date, from the date member read by <see cref="PartialDateParser"/> when it is
/// not (OGP0007 reports that), from the text member, and last from a range written in the other text
/// member ("Août 2019-août 2021" in <c>startText</c> gives both ends).
/// </summary>
internal sealed class PeriodView
{
    private PeriodBound? _start, _end;
    private DateTextReading? _startDateReading, _endDateReading, _startTextReading, _endTextReading;

    private readonly PackageView _package;

    internal PeriodView(PackageView package, JsonTextNode? node)
    {
        _package = package;
        Node = node;
        if (node is not { Kind: JsonTextKind.Object }) return;
        StartDate = node["startDate"];
        EndDate = node["endDate"];
        StartText = node["startText"];
        EndText = node["endText"];
    }

    /// <summary>The <c>period</c> node, when present (it may be of the wrong type).</summary>
    public JsonTextNode? Node { get; }

    /// <summary>True when there is a period object.</summary>
    public bool IsPresent => Node is { Kind: JsonTextKind.Object };

    /// <summary>The <c>startDate</c> node.</summary>
    public JsonTextNode? StartDate { get; }

    /// <summary>The <c>endDate</c> node.</summary>
    public JsonTextNode? EndDate { get; }

    /// <summary>The <c>startText</c> node.</summary>
    public JsonTextNode? StartText { get; }

    /// <summary>The <c>endText</c> node.</summary>
    public JsonTextNode? EndText { get; }

    /// <summary>The reading of a <c>startDate</c> string that is not a canonical partial date; null otherwise.</summary>
    public DateTextReading? StartDateReading => _startDateReading ??= ReadNonCanonical(StartDate);

    /// <summary>The reading of an <c>endDate</c> string that is not a canonical partial date; null otherwise.</summary>
    public DateTextReading? EndDateReading => _endDateReading ??= ReadNonCanonical(EndDate);

    /// <summary>The reading of the <c>startText</c> string; null when absent or not a string.</summary>
    public DateTextReading? StartTextReading => _startTextReading ??= ReadText(StartText);

    /// <summary>The reading of the <c>endText</c> string; null when absent or not a string.</summary>
    public DateTextReading? EndTextReading => _endTextReading ??= ReadText(EndText);

    /// <summary>What is known of the start.</summary>
    public PeriodBound Start => _start ??= Resolve(StartDate, StartDateReading, StartText, StartTextReading, EndText, EndTextReading, isStart: true);

    /// <summary>What is known of the end.</summary>
    public PeriodBound End => _end ??= Resolve(EndDate, EndDateReading, EndText, EndTextReading, StartText, StartTextReading, isStart: false);

    private DateTextReading? ReadNonCanonical(JsonTextNode? node) =>
        node is { Kind: JsonTextKind.String } && !PartialDate.TryParse(node.StringValue, out _) ? _package.ReadDate(node.StringValue!) : null;

    private DateTextReading? ReadText(JsonTextNode? node) =>
        node is { Kind: JsonTextKind.String } ? _package.ReadDate(node.StringValue!) : null;

    private static PeriodBound Resolve(JsonTextNode? dateNode, DateTextReading? dateReading, JsonTextNode? textNode, DateTextReading? textReading,
        JsonTextNode? otherTextNode, DateTextReading? otherTextReading, bool isStart)
    {
        if (dateNode is { Kind: JsonTextKind.String } && PartialDate.TryParse(dateNode.StringValue, out var canonical))
            return new PeriodBound(canonical, dateNode, null);
        if (dateReading is { HasDate: true })
            return new PeriodBound(isStart ? dateReading.Start : dateReading.End, dateNode, dateReading);
        if (textReading is { HasDate: true } || (isStart && textReading?.Start is not null))
            return new PeriodBound(isStart ? textReading!.Start : textReading!.End, textNode, textReading);
        if (otherTextReading is { Meaning: DateTextMeaning.Range })
            return new PeriodBound(isStart ? otherTextReading.Start : otherTextReading.End, otherTextNode, otherTextReading);
        return new PeriodBound(null, null, null);
    }
}

/// <summary>What is known of one end of a period: the date, and the member it came from.</summary>
internal sealed class PeriodBound
{
    internal PeriodBound(PartialDate? date, JsonTextNode? source, DateTextReading? reading)
    {
        Date = date;
        Source = source;
        Reading = reading;
    }

    /// <summary>The date, or null when the period does not say.</summary>
    public PartialDate? Date { get; }

    /// <summary>The member the date was taken from (<c>startDate</c>, <c>endText</c>, ...).</summary>
    public JsonTextNode? Source { get; }

    /// <summary>The parser's reading when the date came from words rather than a canonical partial date.</summary>
    public DateTextReading? Reading { get; }

    /// <summary>"2019-08" or "2019-08 (from 'Août 2019')", for messages.</summary>
    public string Describe() => Reading is null ? Date?.ToString() ?? "unknown" : Date + " (from '" + Reading.Text + "')";
}
