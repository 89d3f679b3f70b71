namespace OgpData.Measurability;

/// <summary>What a cue says about a milestone's measurability.</summary>
public enum MeasurabilityCueKind
{
    /// <summary>A named output whose existence can be checked: a publication, a launch, a law adopted, a dataset, a platform online.</summary>
    Deliverable,
    /// <summary>A number or a quantified target ("500 agents", "100%", "trois ateliers").</summary>
    Quantity,
    /// <summary>A date or deadline ("d'ici 2020", "March 2016", "T1 2022").</summary>
    Date,
    /// <summary>An event that is held and can be observed (workshop, hackathon, conference).</summary>
    Event,
    /// <summary>An ongoing activity or an intention with nothing to observe ("sensibilisation", "dialogue", "strengthen").</summary>
    VagueActivity,
    /// <summary>A word that makes the promise conditional ("éventuellement", "where possible", "consider").</summary>
    Hedge,
    /// <summary>A negation ("ne … pas", "sans", "not") that cancels the positive cues after it in the same clause.</summary>
    Negation,
    /// <summary>A work phase named without its output ("élaboration", "préparation", "study").</summary>
    BarePhase,
    /// <summary>A word (or pair of words) in no lexicon class whose learned weight moved the score.</summary>
    Word,
}

/// <summary>Names of the cue kinds, as written in the lexicon files and in messages.</summary>
public static class MeasurabilityCueKinds
{
    /// <summary>The words used in messages: "deliverable", "vague activity", "bare phase", ...</summary>
    public static string ToName(MeasurabilityCueKind kind) => kind switch
    {
        MeasurabilityCueKind.Deliverable => "deliverable",
        MeasurabilityCueKind.Quantity => "quantity",
        MeasurabilityCueKind.Date => "date",
        MeasurabilityCueKind.Event => "event",
        MeasurabilityCueKind.VagueActivity => "vague activity",
        MeasurabilityCueKind.Hedge => "hedge",
        MeasurabilityCueKind.Negation => "negation",
        MeasurabilityCueKind.BarePhase => "bare phase",
        _ => "word",
    };

    /// <summary>Reads a kind as written in a lexicon file (deliverable, quantity, date, event, vague, hedge, negation, phase).</summary>
    public static bool TryParse(string? text, out MeasurabilityCueKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "deliverable": kind = MeasurabilityCueKind.Deliverable; return true;
            case "quantity": kind = MeasurabilityCueKind.Quantity; return true;
            case "date": kind = MeasurabilityCueKind.Date; return true;
            case "event": kind = MeasurabilityCueKind.Event; return true;
            case "vague": case "vague-activity": kind = MeasurabilityCueKind.VagueActivity; return true;
            case "hedge": kind = MeasurabilityCueKind.Hedge; return true;
            case "negation": kind = MeasurabilityCueKind.Negation; return true;
            case "phase": case "bare-phase": kind = MeasurabilityCueKind.BarePhase; return true;
            default: kind = MeasurabilityCueKind.Deliverable; return false;
        }
    }

    /// <summary>True for the kinds that make a milestone checkable.</summary>
    public static bool IsPositive(MeasurabilityCueKind kind) =>
        kind is MeasurabilityCueKind.Deliverable or MeasurabilityCueKind.Quantity or MeasurabilityCueKind.Date or MeasurabilityCueKind.Event;
}
