using System;
using System.Collections.Generic;

namespace OgpData.Measurability;

/// <summary>
/// One pass over a milestone's tokens that turns them into cues: lexicon expressions (longest first),
/// numbers, years and web addresses, with the reach of negations and the head of the milestone tracked as
/// it goes. Created per classification; holds no state between texts.
/// </summary>
internal sealed class CueScanner
{
    private const double QuantityWeight = 1.0;
    private const double PercentWeight = 1.2;
    private const double YearWeight = 0.3;
    private const double AddressWeight = 0.5;
    private const double OrdinalWeight = 0.6;

    /// <summary>How many tokens after a negation ("sans", "not") it still cancels, within its clause.</summary>
    private const int NegationReach = 5;

    /// <summary>How far after "ne" its closing word ("pas", "plus", "jamais") may come.</summary>
    private const int NegationCloserReach = 4;

    private readonly string text;
    private readonly List<Token> tokens;
    private readonly LanguageModel model;
    private readonly bool[] isIdentifierMarker;
    private readonly List<MeasurabilityCue> cues = new();

    private int negationScopeEnd = -1;  // last token index the negation in force still reaches
    private int negationCue = -1;       // index in cues of the negation in force
    private double negationWeight;      // what that negation costs once it cancels something
    private int clauseFirstCue;         // index in cues of the first cue of the current clause
    private int contentWords;           // content words seen so far: the head is the first two

    public CueScanner(string text, List<Token> tokens, LanguageModel model, bool[] isIdentifierMarker)
    {
        this.text = text;
        this.tokens = tokens;
        this.model = model;
        this.isIdentifierMarker = isIdentifierMarker;
    }

    /// <summary>Every cue of the text, in text order, adjacent date parts merged.</summary>
    public List<MeasurabilityCue> Scan()
    {
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Punctuation)
            {
                negationScopeEnd = -1;
                clauseFirstCue = cues.Count;
                i++;
                continue;
            }

            var head = contentWords <= 1;
            var end = i + 1;
            var entry = token.WordId >= 0 ? model.Match(tokens, i, out end) : null;
            if (entry is not null)
            {
                if (entry.Kind == MeasurabilityCueKind.Negation) ReadNegation(i, end, entry.Weight);
                else
                {
                    Add(i, end, entry.Kind, entry.Weight, head);
                    contentWords += end - i;
                }
                i = end;
                continue;
            }

            switch (token.Kind)
            {
                case TokenKind.Year:
                    Add(i, i + 1, MeasurabilityCueKind.Date, YearWeight, head: false);
                    break;
                case TokenKind.Url:
                    Add(i, i + 1, MeasurabilityCueKind.Deliverable, AddressWeight, head);
                    contentWords++;
                    break;
                case TokenKind.Number:
                    i = ReadNumber(i, head);
                    continue;
                case TokenKind.Word:
                    if (IsOrdinal(token)) Add(i, i + 1, MeasurabilityCueKind.Quantity, OrdinalWeight, head);
                    if (!model.IsSkipWord(token.WordId) && !IsEnumeratorLetter(i)) contentWords++;
                    break;
            }
            i++;
        }
        MergeAdjacentDates();
        return cues;
    }

    private void ReadNegation(int first, int end, double weight)
    {
        var token = tokens[first];
        var cueEnd = tokens[end - 1].End;
        if (IsNumberSign(end)) return; // "No. 5", "no 12": a number sign, not a negation
        if (end - first == 1 && model.IsNegationOpener(token.WordId))
        {
            // "ne … pas": counts only with its closing word, and reaches past it.
            var closer = FindCloser(end);
            if (closer < 0) return;
            cueEnd = tokens[closer].End;
            negationScopeEnd = closer + NegationReach;
        }
        else
        {
            negationScopeEnd = end + NegationReach - 1;
        }

        negationCue = cues.Count;
        negationWeight = weight;
        cues.Add(Cue(token.Start, cueEnd, MeasurabilityCueKind.Negation, 0, negated: false));
        if (!model.IsClauseNegation(token.WordId)) return;

        // A negated verb negates its whole clause: "le rapport ne sera pas publié" promises no report.
        for (var k = clauseFirstCue; k < negationCue; k++)
        {
            if (!MeasurabilityCueKinds.IsPositive(cues[k].Kind) || cues[k].IsNegated) continue;
            cues[k] = cues[k] with { Weight = 0, IsNegated = true };
            ChargeNegation();
        }
    }

    /// <summary>A number: a quantity when it counts something ("500 agents", "100 %"), a day when a month follows, nothing when it is an identifier.</summary>
    private int ReadNumber(int i, bool head)
    {
        if (i + 1 >= tokens.Count || IsIdentifier(i)) return i + 1;
        var next = tokens[i + 1];
        if (next.Kind == TokenKind.Percent)
        {
            Add(i, i + 2, MeasurabilityCueKind.Quantity, PercentWeight, head);
            return i + 2;
        }
        if (next.Kind != TokenKind.Word || IsEnumerator(i)) return i + 1;

        var end = i + 2;
        var following = next.WordId >= 0 ? model.Match(tokens, i + 1, out end) : null;
        if (following is { Kind: MeasurabilityCueKind.Date })
        {
            Add(i, end, MeasurabilityCueKind.Date, following.Weight, head: false);
            return end;
        }
        if (following is { Kind: MeasurabilityCueKind.Quantity })
        {
            Add(i, end, MeasurabilityCueKind.Quantity, Math.Max(QuantityWeight, following.Weight), head);
            return end;
        }
        // The counted noun stays available for its own cue: "3 ateliers" is a quantity and an event.
        Add(i, i + 2, MeasurabilityCueKind.Quantity, QuantityWeight, head);
        return i + 1;
    }

    /// <summary>"2e", "3rd", "1er", "4th", "2º": the n-th of a series (a second call, a fourth edition) counts one.</summary>
    private bool IsOrdinal(Token token)
    {
        var k = token.Start;
        while (k < token.End && text[k] >= '0' && text[k] <= '9') k++;
        if (k == token.Start || k == token.End || token.End - k > 3) return false;
        var suffix = text.Substring(k, token.End - k).ToLowerInvariant();
        return suffix is "e" or "er" or "re" or "ème" or "eme" or "nd" or "rd" or "th" or "st" or "º" or "ª" or "o" or "a";
    }

    private bool IsNumberSign(int next) =>
        next < tokens.Count && (tokens[next].Kind is TokenKind.Number or TokenKind.Year
            || text[tokens[next].Start] == '.' && next + 1 < tokens.Count && tokens[next + 1].Kind is TokenKind.Number or TokenKind.Year);

    private bool IsIdentifier(int i)
    {
        if (i == 0) return false;
        var previous = tokens[i - 1];
        if (previous.Kind == TokenKind.Punctuation)
        {
            var c = text[previous.Start];
            if (c == '#' || c == '°' || c == '§' || c == '+') return true;
            return i >= 2 && c == '.' && IsIdentifierMarker(tokens[i - 2].WordId); // "art. 12", "no. 5"
        }
        return IsIdentifierMarker(previous.WordId);
    }

    private bool IsIdentifierMarker(int id) => id >= 2 && id < isIdentifierMarker.Length && isIdentifierMarker[id];

    /// <summary>
    /// "6.4 Publish …", "2 Elaboration …": a number that opens the text or a line, or that has a dot in it,
    /// followed by a capitalised word, numbers a list item; it counts nothing.
    /// </summary>
    private bool IsEnumerator(int i)
    {
        if (!char.IsUpper(text[tokens[i + 1].Start])) return false;
        if (i == 0 || tokens[i - 1].Kind == TokenKind.Punctuation) return true;
        return text.IndexOf('.', tokens[i].Start, tokens[i].Length) >= 0;
    }

    /// <summary>"a)" and "b)" in "2) a) Recherche …" number items; they are not the milestone's head.</summary>
    private bool IsEnumeratorLetter(int i) =>
        tokens[i].Length == 1 && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Punctuation;

    private int FindCloser(int from)
    {
        for (var j = from; j < tokens.Count && j < from + NegationCloserReach; j++)
        {
            if (tokens[j].Kind == TokenKind.Punctuation) return -1;
            if (model.IsNegationCloser(tokens[j].WordId)) return j;
        }
        return -1;
    }

    private void Add(int first, int end, MeasurabilityCueKind kind, double weight, bool head)
    {
        var negated = negationCue >= 0 && first <= negationScopeEnd && MeasurabilityCueKinds.IsPositive(kind);
        if (negated) ChargeNegation();
        // Heading the milestone is a feature of its own (its own learned weight), not a factor here.
        var effective = negated ? 0 : weight;
        cues.Add(Cue(tokens[first].Start, tokens[end - 1].End, kind, effective, negated) with { IsHead = head });
    }

    /// <summary>A negation costs its lexicon weight once, when it first cancels a positive cue.</summary>
    private void ChargeNegation()
    {
        if (cues[negationCue].Weight == 0) cues[negationCue] = cues[negationCue] with { Weight = negationWeight };
    }

    private MeasurabilityCue Cue(int start, int end, MeasurabilityCueKind kind, double weight, bool negated) => new()
    {
        Text = text.Substring(start, end - start),
        Start = start,
        Length = end - start,
        Kind = kind,
        Weight = weight,
        IsNegated = negated,
    };

    /// <summary>"30 août 2019", "March 2016", "2019-2021": one date cue, not three.</summary>
    private void MergeAdjacentDates()
    {
        for (var k = cues.Count - 1; k > 0; k--)
        {
            var current = cues[k];
            var previous = cues[k - 1];
            if (current.Kind != MeasurabilityCueKind.Date || previous.Kind != MeasurabilityCueKind.Date) continue;
            var onlySeparators = true;
            for (var c = previous.End; c < current.Start && onlySeparators; c++)
            {
                var ch = text[c];
                onlySeparators = char.IsWhiteSpace(ch) || ch == '-' || ch == '\u2013' || ch == '\u2014' || ch == '/' || ch == ',';
            }
            if (!onlySeparators) continue;
            cues[k - 1] = Cue(previous.Start, current.End, MeasurabilityCueKind.Date, Math.Max(previous.Weight, current.Weight), previous.IsNegated && current.IsNegated);
            cues.RemoveAt(k);
        }
    }
}
