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

    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly LanguageModel _model;
    private readonly bool[] _isIdentifierMarker;
    private readonly List<MeasurabilityCue> _cues = new();

    private int _negationScopeEnd = -1;  // last token index the negation in force still reaches
    private int _negationCue = -1;       // index in cues of the negation in force
    private double _negationWeight;      // what that negation costs once it cancels something
    private int _clauseFirstCue;         // index in cues of the first cue of the current clause
    private int _contentWords;           // content words seen so far: the head is the first two

    public CueScanner(string text, List<Token> tokens, LanguageModel model, bool[] isIdentifierMarker)
    {
        _text = text;
        _tokens = tokens;
        _model = model;
        _isIdentifierMarker = isIdentifierMarker;
    }

    /// <summary>Every cue of the text, in text order, adjacent date parts merged.</summary>
    public List<MeasurabilityCue> Scan()
    {
        var i = 0;
        while (i < _tokens.Count)
        {
            var token = _tokens[i];
            if (token.Kind == TokenKind.Punctuation)
            {
                _negationScopeEnd = -1;
                _clauseFirstCue = _cues.Count;
                // A colon after the opening words names what they mean ("Renforcer l'open data : inscrire
                // dans la loi …"): the words after it head the milestone too.
                if (_text[token.Start] == ':' && _contentWords > 0) _contentWords = 0;
                i++;
                continue;
            }

            var head = _contentWords <= 1;
            var end = i + 1;
            var entry = token.WordId >= 0 ? _model.Match(_tokens, i, out end) : null;
            if (entry is not null)
            {
                if (entry.Kind == MeasurabilityCueKind.Negation) ReadNegation(i, end, entry.Weight);
                else
                {
                    Add(i, end, entry.Kind, entry.Weight, head);
                    _contentWords += end - i;
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
                    _contentWords++;
                    break;
                case TokenKind.Number:
                    i = ReadNumber(i, head);
                    continue;
                case TokenKind.Word:
                    if (IsOrdinal(token)) Add(i, i + 1, MeasurabilityCueKind.Quantity, OrdinalWeight, head);
                    if (!_model.IsSkipWord(token.WordId) && !IsEnumeratorLetter(i)) _contentWords++;
                    break;
            }
            i++;
        }
        MergeAdjacentDates();
        return _cues;
    }

    private void ReadNegation(int first, int end, double weight)
    {
        var token = _tokens[first];
        var cueEnd = _tokens[end - 1].End;
        if (IsNumberSign(end)) return; // "No. 5", "no 12": a number sign, not a negation
        if (end - first == 1 && _model.IsNegationOpener(token.WordId))
        {
            // "ne … pas": counts only with its closing word, and reaches past it.
            var closer = FindCloser(end);
            if (closer < 0) return;
            cueEnd = _tokens[closer].End;
            _negationScopeEnd = closer + NegationReach;
        }
        else
        {
            _negationScopeEnd = end + NegationReach - 1;
        }

        _negationCue = _cues.Count;
        _negationWeight = weight;
        _cues.Add(Cue(token.Start, cueEnd, MeasurabilityCueKind.Negation, 0, negated: false));
        if (!_model.IsClauseNegation(token.WordId)) return;

        // A negated verb negates its whole clause: "le rapport ne sera pas publié" promises no report.
        for (var k = _clauseFirstCue; k < _negationCue; k++)
        {
            if (!MeasurabilityCueKinds.IsPositive(_cues[k].Kind) || _cues[k].IsNegated) continue;
            _cues[k] = _cues[k] with { Weight = 0, IsNegated = true };
            ChargeNegation();
        }
    }

    /// <summary>A number: a quantity when it counts something ("500 agents", "100 %"), a day when a month follows, nothing when it is an identifier.</summary>
    private int ReadNumber(int i, bool head)
    {
        if (i + 1 >= _tokens.Count || IsIdentifier(i)) return i + 1;
        var next = _tokens[i + 1];
        if (next.Kind == TokenKind.Percent)
        {
            Add(i, i + 2, MeasurabilityCueKind.Quantity, PercentWeight, head);
            return i + 2;
        }
        if (next.Kind != TokenKind.Word || IsEnumerator(i)) return i + 1;

        var end = i + 2;
        var following = next.WordId >= 0 ? _model.Match(_tokens, i + 1, out end) : null;
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
        while (k < token.End && _text[k] >= '0' && _text[k] <= '9') k++;
        if (k == token.Start || k == token.End || token.End - k > 3) return false;
        var suffix = _text.Substring(k, token.End - k).ToLowerInvariant();
        return suffix is "e" or "er" or "re" or "ème" or "eme" or "nd" or "rd" or "th" or "st" or "º" or "ª" or "o" or "a";
    }

    private bool IsNumberSign(int next) =>
        next < _tokens.Count && (_tokens[next].Kind is TokenKind.Number or TokenKind.Year
            || _text[_tokens[next].Start] == '.' && next + 1 < _tokens.Count && _tokens[next + 1].Kind is TokenKind.Number or TokenKind.Year);

    private bool IsIdentifier(int i)
    {
        if (i == 0) return false;
        var previous = _tokens[i - 1];
        if (previous.Kind == TokenKind.Punctuation)
        {
            var c = _text[previous.Start];
            if (c == '#' || c == '°' || c == '§' || c == '+') return true;
            return i >= 2 && c == '.' && IsIdentifierMarker(_tokens[i - 2].WordId); // "art. 12", "no. 5"
        }
        return IsIdentifierMarker(previous.WordId);
    }

    private bool IsIdentifierMarker(int id) => id >= 2 && id < _isIdentifierMarker.Length && _isIdentifierMarker[id];

    /// <summary>
    /// "6.4 Publish …", "2 Elaboration …": a number that opens the text or a line, or that has a dot in it,
    /// followed by a capitalised word, numbers a list item; it counts nothing.
    /// </summary>
    private bool IsEnumerator(int i)
    {
        if (!char.IsUpper(_text[_tokens[i + 1].Start])) return false;
        if (i == 0 || _tokens[i - 1].Kind == TokenKind.Punctuation) return true;
        return _text.IndexOf('.', _tokens[i].Start, _tokens[i].Length) >= 0;
    }

    /// <summary>"a)" and "b)" in "2) a) Recherche …" number items; they are not the milestone's head.</summary>
    private bool IsEnumeratorLetter(int i) =>
        _tokens[i].Length == 1 && i + 1 < _tokens.Count && _tokens[i + 1].Kind == TokenKind.Punctuation;

    private int FindCloser(int from)
    {
        for (var j = from; j < _tokens.Count && j < from + NegationCloserReach; j++)
        {
            if (_tokens[j].Kind == TokenKind.Punctuation) return -1;
            if (_model.IsNegationCloser(_tokens[j].WordId)) return j;
        }
        return -1;
    }

    private void Add(int first, int end, MeasurabilityCueKind kind, double weight, bool head)
    {
        var negated = _negationCue >= 0 && first <= _negationScopeEnd && MeasurabilityCueKinds.IsPositive(kind);
        if (negated) ChargeNegation();
        // Heading the milestone is a feature of its own (its own learned weight), not a factor here.
        var effective = negated ? 0 : weight;
        _cues.Add(Cue(_tokens[first].Start, _tokens[end - 1].End, kind, effective, negated) with { IsHead = head });
    }

    /// <summary>A negation costs its lexicon weight once, when it first cancels a positive cue.</summary>
    private void ChargeNegation()
    {
        if (_cues[_negationCue].Weight == 0) _cues[_negationCue] = _cues[_negationCue] with { Weight = _negationWeight };
    }

    private MeasurabilityCue Cue(int start, int end, MeasurabilityCueKind kind, double weight, bool negated) => new()
    {
        Text = _text.Substring(start, end - start),
        Start = start,
        Length = end - start,
        Kind = kind,
        Weight = weight,
        IsNegated = negated,
    };

    /// <summary>"30 août 2019", "March 2016", "2019-2021": one date cue, not three.</summary>
    private void MergeAdjacentDates()
    {
        for (var k = _cues.Count - 1; k > 0; k--)
        {
            var current = _cues[k];
            var previous = _cues[k - 1];
            if (current.Kind != MeasurabilityCueKind.Date || previous.Kind != MeasurabilityCueKind.Date) continue;
            var onlySeparators = true;
            for (var c = previous.End; c < current.Start && onlySeparators; c++)
            {
                var ch = _text[c];
                onlySeparators = char.IsWhiteSpace(ch) || ch == '-' || ch == '\u2013' || ch == '\u2014' || ch == '/' || ch == ',';
            }
            if (!onlySeparators) continue;
            _cues[k - 1] = Cue(previous.Start, current.End, MeasurabilityCueKind.Date, Math.Max(previous.Weight, current.Weight), previous.IsNegated && current.IsNegated);
            _cues.RemoveAt(k);
        }
    }
}
