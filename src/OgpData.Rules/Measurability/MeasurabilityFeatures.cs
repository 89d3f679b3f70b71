using System;
using System.Collections.Generic;

namespace OgpData.Measurability;

/// <summary>The verb–object patterns, in the order of their slots.</summary>
internal enum MeasurabilityPattern
{
    ActivityOnOutput,
    PhaseOnOutput,
    OutputHeadAlone,
    NoOutput,
}

/// <summary>What a term feature is: a word anywhere, the head word of the milestone, or two adjacent words.</summary>
internal enum TermKind : byte
{
    Word,
    Head,
    Pair,
}

/// <summary>One word feature of a text: its stems and the tokens it stands on (for the explanation).</summary>
internal struct Term
{
    public TermKind Kind;
    public int Stem;
    /// <summary>The second stem of a pair; -1 otherwise.</summary>
    public int SecondStem;
    public int Token;
    /// <summary>The token of the second stem of a pair; <see cref="Token"/> otherwise.</summary>
    public int LastToken;
}

/// <summary>
/// The features of one milestone, read once by the same code for classifying and for training, so that the
/// weights learned are the weights applied:
/// <list type="bullet">
/// <item>word classes: per lexicon kind, the strength of its cues (the magnitude of the lexicon weight) (strongest fully, the second half, the
/// third a third, ...: repeating a word does not win by itself), in two slots — anywhere, or heading the
/// milestone (its first two content words say what the milestone is: "Suivi de …", "Publication de …");</item>
/// <item>the stem of every word, once per text;</item>
/// <item>the stem of the head word (the first content word: the verb or noun that says what is done);</item>
/// <item>pairs of adjacent content stems ("mise … place", "groupe … travail", "site … web"), articles skipped.</item>
/// </list>
/// Reused per thread: <see cref="Read"/> clears what the previous text left.
/// </summary>
internal sealed class MeasurabilityFeatures
{
    /// <summary>The class slots, then the pattern slots (<see cref="MeasurabilityModel.PatternSlot"/>): the values the class and pattern weights multiply.</summary>
    public readonly double[] ClassValues = new double[MeasurabilityModel.DenseSlots];

    /// <summary>The pattern slot that applies (-1 none), and the cue that heads it (-1 when none: the pattern is an absence).</summary>
    public int Pattern = -1;
    public int PatternCue = -1;

    /// <summary>Per cue (same index as the cue list): its class slot, or -1 for a cue outside the classes.</summary>
    public readonly List<int> CueSlots = new();

    /// <summary>Per cue: its share of its slot's value.</summary>
    public readonly List<double> CueValues = new();

    public readonly List<Term> Terms = new();

    private int[] _seen = new int[64];
    private int _generation;
    private int[] _order = new int[16];
    private readonly int[] _perKind = new int[MeasurabilityModel.ClassSlots];
    private readonly ByStrength _strength = new();

    /// <summary>Orders cue indices by the magnitude of their lexicon weight, strongest first, then by index.</summary>
    private sealed class ByStrength : IComparer<int>
    {
        public List<MeasurabilityCue>? Cues;

        public int Compare(int a, int b)
        {
            var byMagnitude = Math.Abs(Cues![b].Weight).CompareTo(Math.Abs(Cues[a].Weight));
            return byMagnitude != 0 ? byMagnitude : a.CompareTo(b);
        }
    }

    public void Read(List<Token> tokens, List<MeasurabilityCue> cues, LanguageModel language, int stemCount)
    {
        Array.Clear(ClassValues, 0, ClassValues.Length);
        CueSlots.Clear();
        CueValues.Clear();
        Terms.Clear();
        ReadClasses(cues);
        ReadPattern(cues);
        ReadTerms(tokens, cues, language, stemCount);
    }

    private void ReadClasses(List<MeasurabilityCue> cues)
    {
        if (_order.Length < cues.Count) _order = new int[cues.Count * 2];
        for (var k = 0; k < cues.Count; k++)
        {
            CueSlots.Add(-1);
            CueValues.Add(0);
            _order[k] = k;
        }
        // Strongest first, text order among equals (the index breaks ties, so the order is total and stable).
        _strength.Cues = cues;
        Array.Sort(_order, 0, cues.Count, _strength);
        _strength.Cues = null;

        Array.Clear(_perKind, 0, _perKind.Length);
        for (var n = 0; n < cues.Count; n++)
        {
            var k = _order[n];
            var cue = cues[k];
            var kind = (int)cue.Kind;
            if (kind >= MeasurabilityModel.ClassSlots || cue.Weight == 0) continue;
            // The lexicon says how strongly an expression belongs to its class; the learned class weight says
            // which way and how much the class counts.
            var value = Math.Abs(cue.Weight) / (_perKind[kind] + 1.0);
            _perKind[kind]++;
            var slot = kind + (cue.IsHead ? MeasurabilityModel.ClassSlots : 0);
            ClassValues[slot] += value;
            CueSlots[k] = slot;
            CueValues[k] = value;
        }
    }

    /// <summary>
    /// The verb–object pattern: what heads the milestone against what follows. An activity on a concrete
    /// output ("Suivre la publication du rapport") is not the output; a work phase on one ("Mise en place d'un
    /// groupe de travail") delivers it; an output verb or noun with nothing concrete after it ("Lancer une
    /// réflexion") promises little; no output, event or number at all is the plain case of a vague milestone.
    /// </summary>
    private void ReadPattern(List<MeasurabilityCue> cues)
    {
        Pattern = -1;
        PatternCue = -1;
        var head = -1;
        var concreteAfterHead = false;
        var concrete = false;
        for (var k = 0; k < cues.Count; k++)
        {
            var cue = cues[k];
            var positive = cue.Weight != 0 && cue.Kind is MeasurabilityCueKind.Deliverable or MeasurabilityCueKind.Event or MeasurabilityCueKind.Quantity;
            if (positive) concrete = true;
            if (cue.IsHead && head < 0 && cue.Kind != MeasurabilityCueKind.Date) head = k;
            else if (positive && head >= 0) concreteAfterHead = true;
        }
        if (!concrete)
        {
            Pattern = MeasurabilityModel.PatternSlot + (int)MeasurabilityPattern.NoOutput;
        }
        else if (head >= 0)
        {
            var kind = cues[head].Kind;
            MeasurabilityPattern? pattern = kind switch
            {
                MeasurabilityCueKind.VagueActivity or MeasurabilityCueKind.Hedge when concreteAfterHead => MeasurabilityPattern.ActivityOnOutput,
                MeasurabilityCueKind.BarePhase when concreteAfterHead => MeasurabilityPattern.PhaseOnOutput,
                MeasurabilityCueKind.Deliverable or MeasurabilityCueKind.Event when !concreteAfterHead => MeasurabilityPattern.OutputHeadAlone,
                _ => null,
            };
            if (pattern is { } p)
            {
                Pattern = MeasurabilityModel.PatternSlot + (int)p;
                PatternCue = head;
            }
        }
        if (Pattern >= 0) ClassValues[Pattern] = 1;
    }

    private void ReadTerms(List<Token> tokens, List<MeasurabilityCue> cues, LanguageModel language, int stemCount)
    {
        if (_seen.Length < stemCount) _seen = new int[Math.Max(stemCount, _seen.Length * 2)];
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_seen, 0, _seen.Length);
            _generation = 1;
        }

        var anyNegated = false;
        foreach (var cue in cues) anyNegated |= cue.IsNegated;
        var cursor = 0;
        var headFound = false;
        var previous = -1; // the last content token, while no punctuation or number has intervened
        var previousStem = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Word)
            {
                previous = -1;
                continue;
            }
            // A negated output promises nothing: its words do not count for it either ("will not be published").
            var stem = anyNegated && Covering(cues, cues.Count, token.Start, ref cursor) is var owner && owner >= 0 && cues[owner].IsNegated ? -1 : token.StemId;
            if (stem >= 0 && stem < _seen.Length && _seen[stem] != _generation)
            {
                _seen[stem] = _generation;
                Terms.Add(new Term { Kind = TermKind.Word, Stem = stem, SecondStem = -1, Token = i, LastToken = i });
            }
            if (!IsContent(token, language)) continue;
            if (!headFound)
            {
                headFound = true;
                if (stem >= 0) Terms.Add(new Term { Kind = TermKind.Head, Stem = stem, SecondStem = -1, Token = i, LastToken = i });
            }
            if (previous >= 0 && stem >= 0 && previousStem >= 0)
            {
                Terms.Add(new Term { Kind = TermKind.Pair, Stem = previousStem, SecondStem = stem, Token = previous, LastToken = i });
            }
            previous = i;
            previousStem = stem;
        }
    }

    /// <summary>
    /// The first cue of <paramref name="count"/> (in text order, as the scanner makes them) that covers
    /// <paramref name="position"/> and is not a negation, or -1. <paramref name="from"/> carries over between
    /// calls with rising positions, so that a long text costs one pass, not tokens × cues.
    /// </summary>
    internal static int Covering(List<MeasurabilityCue> cues, int count, int position, ref int from)
    {
        while (from < count && cues[from].End <= position) from++;
        for (var k = from; k < count && cues[k].Start <= position; k++)
        {
            if (position < cues[k].End && cues[k].Kind != MeasurabilityCueKind.Negation) return k;
        }
        return -1;
    }

    /// <summary>A word that can head the milestone or start a pair: three letters or more, not an article or a function word.</summary>
    private static bool IsContent(Token token, LanguageModel language) =>
        token.Length >= MeasurabilityModel.MinimumWordLength && !language.IsSkipWord(token.WordId) && !language.IsStopword(token.WordId);
}
