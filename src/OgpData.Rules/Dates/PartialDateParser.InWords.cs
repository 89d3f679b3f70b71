using System;
using System.Collections.Generic;

namespace OgpData.Dates;

public static partial class PartialDateParser
{
    /// <summary>
    /// Finds the one date inside a date text that also holds other words: "Lancée en juin 2017" (a launch),
    /// "Août 2019, puis dans un rythme à déterminer" (then a rhythm to agree on). A reader sees the date; the
    /// words around it stay in <c>startText</c>/<c>endText</c> and are quoted in a note. Only tried when the
    /// whole text does not read, so it never changes a reading the grammar already gives.
    /// </summary>
    private static class DateInWords
    {
        // Longer texts are sentences, not date cells: the search (a parse per candidate span) is not worth it there.
        private const int MaxTokens = 40;

        // The longest date expression searched for, in tokens ("au plus tard le 30 juin 2022" is 7).
        private const int MaxSpan = 10;

        // Words that make the date a bound of something else, not the date itself: "avant juin 2017" is not June 2017.
        private static readonly HashSet<string> Shifting = new(StringComparer.Ordinal)
        {
            "avant", "apres", "sauf", "hors", "pas", "before", "after", "except", "not", "antes", "despues", "excepto",
        };

        private static readonly HashSet<string> PeriodWords = new(StringComparer.Ordinal)
        {
            "trimestre", "semestre", "quarter", "half", "annee", "year",
        };

        /// <summary>The reading of the one date among the words of <paramref name="text"/>, or null when there is none,
        /// more than one, or a range.</summary>
        public static DateTextReading? Find(string text, DateTextReading whole)
        {
            var tokens = Reader.TokensOf(text);
            if (tokens.Count > MaxTokens) return null;
            DateTextReading? found = null;
            int foundFirst = 0, foundLast = 0;
            for (var first = 0; first < tokens.Count; first++)
            {
                if (!CanStartDate(tokens, first) || !StandsApart(tokens, first) || first > 0 && IsDatePart(tokens, first - 1)) continue;
                for (var last = Math.Min(tokens.Count - 1, first + MaxSpan); last >= first; last--)
                {
                    if (!HasNumber(tokens, first, last)) break;
                    var reading = new Reader(text.Substring(tokens[first].Start, tokens[last].End - tokens[first].Start)).Read();
                    if (reading.Meaning is DateTextMeaning.Unreadable || !StandsApart(tokens, last + 1)
                        || last + 1 < tokens.Count && tokens[last + 1].Kind == TokenKind.Number) continue;
                    // A range, a second date, or a start of an open period among words: more than one date can say.
                    if (reading.Meaning != DateTextMeaning.Date || found is not null) return null;
                    if (first > 0 && tokens[first - 1].Kind == TokenKind.Word && Shifting.Contains(tokens[first - 1].Text)) return null;
                    found = reading;
                    foundFirst = first;
                    foundLast = last;
                    first = last;
                    break;
                }
            }
            if (found is null) return null;
            var before = text.Substring(0, tokens[foundFirst].Start).Trim(Edges);
            var after = text.Substring(tokens[foundLast].End).Trim(Edges);
            var aside = before.Length > 0 && after.Length > 0 ? "'" + before + "' and '" + after + "'" : "'" + before + after + "'";
            var notes = new List<string>(found.Notes) { "the date was read among other words; " + aside + " were set aside" };
            return found with
            {
                Text = text,
                Notes = notes.ToArray(),
                // "Lancé en avril 2016, mis à jour en continu": the words say it goes on, as "(en continu)" after a date does.
                IsOngoing = found.IsOngoing || SaysOngoing(after) || SaysOngoing(before),
            };
        }

        private static readonly char[] Edges = { ' ', '\t', '\r', '\n', ',', ';', ':', '.', '-', '\u2013', '\u2014' };

        // A date among words is separated from them by a space or a punctuation mark that ends a phrase: in
        // "01/31/2021" the "2021" is part of a numeric date that did not read, not a year among words.
        private static bool StandsApart(List<Token> tokens, int at)
        {
            if (at <= 0 || at >= tokens.Count) return true;
            if (tokens[at].SpaceBefore) return true;
            var before = tokens[at - 1];
            return before.Kind == TokenKind.Punct ? before.Text is "," or ";" or "(" or ")" : tokens[at].Kind == TokenKind.Punct && tokens[at].Text is "," or ";" or "(" or ")" or ".";
        }

        // "T5 2022", "Septembre 2019 2020": a number or a date word next to the date is part of a date that did not
        // read, not a word around it.
        private static bool IsDatePart(List<Token> tokens, int at) =>
            tokens[at].Kind == TokenKind.Number || CanStartDate(tokens, at) && !RangeIntroWords.Contains(tokens[at].Text);

        private static bool CanStartDate(List<Token> tokens, int at)
        {
            var token = tokens[at];
            if (token.Kind == TokenKind.Number) return true;
            if (token.Kind != TokenKind.Word) return false;
            // A range's or an open period's first word starts there too, so "entre mars et juin 2017" is seen whole
            // (a range) rather than as "juin 2017".
            return RangeIntroWords.Contains(token.Text) || Reader.MatchWords(tokens, at, FromFrench, out _)
                || Months.ContainsKey(token.Text) || Seasons.ContainsKey(token.Text) || OrdinalWords.ContainsKey(token.Text)
                || PositionWords.ContainsKey(token.Text) || PeriodWords.Contains(token.Text)
                || (token.Text is "t" or "q" or "s" or "h" && at + 1 < tokens.Count && tokens[at + 1].Kind == TokenKind.Number);
        }

        private static bool HasNumber(List<Token> tokens, int first, int last)
        {
            for (var k = first; k <= last; k++) if (tokens[k].Kind == TokenKind.Number) return true;
            return false;
        }

        private static bool SaysOngoing(string words) =>
            words.Length > 0 && new Reader(words).Read().Meaning is DateTextMeaning.Ongoing;
    }
}
