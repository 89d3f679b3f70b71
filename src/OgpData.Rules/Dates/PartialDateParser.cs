using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OgpData.Dates;

/// <summary>
/// Reads the date words of action plans, in French and English, into a <see cref="DateTextReading"/>:
/// "Septembre 2019", "déc. 2020", "1er janvier 2019", "31/12/2021", "T1 2022", "1er semestre 2020",
/// "Q3 2024", "fin 2022", "Printemps 2021", "Octobre 2021-Novembre 2021", "Dates à déterminer",
/// "en continu", "durée indéterminée".
/// </summary>
/// <remarks>
/// <para>Case and accents do not matter ("decembre"), month abbreviations may end with a dot, ordinals may be
/// written "1er", "1st", "premier" or with markup ("1^{er}"). Numeric dates are read day first, as in
/// Europe: <c>01/02/2021</c> is 1 February; an impossible one (<c>01/31/2021</c>) is a failure that says so,
/// never a date guessed by swapping. A two-digit year (<c>12/21</c>) is read in the 2000s, and a note says so.</para>
/// <para>Words that name a stretch of time no partial date can hold are mapped to the partial date that holds
/// most of it, and the reading is marked approximate with a note: a season to its quarter (spring → Q2,
/// summer → Q3, autumn → Q4, winter → Q1 of the year named, i.e. January–March), "début/early" of a year → Q1,
/// "fin/end/late" of a year → Q4, "mi-/mid-" year → Q2 (plans use it as a deadline: by the end of June).
/// The same words before a month, quarter or half ("fin décembre 2019") keep that date, which already holds them.
/// Deadline and during words ("by", "d'ici", "au plus tard", "courant", "en", "in") do not change the date.</para>
/// <para>Anything left over that is not a date word makes the reading fail, with the words quoted; a remark in
/// parentheses after a date is set aside with a note, unless it says the activity goes on ("(en continu)"),
/// which sets <see cref="DateTextReading.IsOngoing"/>. A start with no end ("Août 2019 - en continu",
/// "à partir de septembre 2019", "since 2020") is read as <see cref="DateTextMeaning.Ongoing"/> (or
/// <see cref="DateTextMeaning.Indefinite"/>) with its <see cref="DateTextReading.Start"/> and no end, so it is
/// never taken for a deadline.</para>
/// <para>A text that does not read as a whole but holds exactly one date among other words ("Lancée en juin 2017",
/// "Août 2019, puis dans un rythme à déterminer") reads as that date, with a note quoting the words set aside;
/// a range or a second date among words, or a date after "avant"/"before"-like words, leaves it unreadable.
/// Spanish month names are read too ("junio de 2017").</para>
/// </remarks>
public static partial class PartialDateParser
{
    /// <summary>The years a plan's date may name; a year outside is read as a typing error.</summary>
    public const int MinYear = 1900, MaxYear = 2199;

    /// <summary>Reads one date text. Never throws; a null or blank text is unreadable.</summary>
    public static DateTextReading Parse(string? text)
    {
        var whole = new Reader(text ?? "").Read();
        return whole.Meaning == DateTextMeaning.Unreadable ? DateInWords.Find(whole.Text, whole) ?? whole : whole;
    }

    /// <summary>Reads a text that names one date (not a range, not a "no date"): true with the date when it does.</summary>
    public static bool TryParseDate(string? text, out PartialDate date)
    {
        var reading = Parse(text);
        date = reading.Date ?? default;
        return reading.Meaning == DateTextMeaning.Date;
    }

    private enum TokenKind { None, Word, Number, Punct }

    private readonly struct Token
    {
        public Token(TokenKind kind, string text, int start, int end, bool spaceBefore)
        {
            Kind = kind;
            Text = text;
            Start = start;
            End = end;
            SpaceBefore = spaceBefore;
        }

        public TokenKind Kind { get; }
        /// <summary>Lower-case, accents removed (words); digits (numbers); one character (punctuation).</summary>
        public string Text { get; }
        public int Start { get; }
        public int End { get; }
        public bool SpaceBefore { get; }
        public int Number => Kind == TokenKind.Number && Text.Length <= 9 ? int.Parse(Text, CultureInfo.InvariantCulture) : -1;
        public bool Is(string text) => Kind != TokenKind.None && string.Equals(Text, text, StringComparison.Ordinal);
    }

    private enum Position { None, Early, Mid, Late }

    /// <summary>What one date expression said, before it becomes a partial date.</summary>
    private struct Parts
    {
        public int Year, Month, Day, Quarter, Half, Season;
        public Position Position;
        public int First, Last; // token range, for quoting
        public string? SeasonWord, PositionWord;
        public bool TwoDigitYear;
        public bool BareDay => Day > 0 && Month == 0 && Year == 0;
    }

    private static readonly Dictionary<string, (int Month, string? Language)> Months = new(StringComparer.Ordinal)
    {
        ["janvier"] = (1, "fr"), ["janv"] = (1, "fr"), ["jan"] = (1, null), ["january"] = (1, "en"),
        ["fevrier"] = (2, "fr"), ["fevr"] = (2, "fr"), ["fev"] = (2, "fr"), ["february"] = (2, "en"), ["feb"] = (2, "en"),
        ["mars"] = (3, "fr"), ["mar"] = (3, null), ["march"] = (3, "en"),
        ["avril"] = (4, "fr"), ["avr"] = (4, "fr"), ["april"] = (4, "en"), ["apr"] = (4, "en"),
        ["mai"] = (5, "fr"), ["may"] = (5, "en"),
        ["juin"] = (6, "fr"), ["june"] = (6, "en"), ["jun"] = (6, "en"),
        ["juillet"] = (7, "fr"), ["juil"] = (7, "fr"), ["july"] = (7, "en"), ["jul"] = (7, "en"),
        ["aout"] = (8, "fr"), ["august"] = (8, "en"), ["aug"] = (8, "en"),
        ["septembre"] = (9, "fr"), ["september"] = (9, "en"), ["sept"] = (9, null), ["sep"] = (9, null),
        ["octobre"] = (10, "fr"), ["october"] = (10, "en"), ["oct"] = (10, null),
        ["novembre"] = (11, "fr"), ["november"] = (11, "en"), ["nov"] = (11, null),
        ["decembre"] = (12, "fr"), ["december"] = (12, "en"), ["dec"] = (12, null),
        // Spanish: "junio de 2017" (the "de" before the year is a filler). "ago" is left out: it is English too.
        ["enero"] = (1, "es"), ["ene"] = (1, "es"), ["febrero"] = (2, "es"), ["marzo"] = (3, "es"), ["abril"] = (4, "es"), ["abr"] = (4, "es"),
        ["mayo"] = (5, "es"), ["junio"] = (6, "es"), ["julio"] = (7, "es"), ["agosto"] = (8, "es"),
        ["septiembre"] = (9, "es"), ["setiembre"] = (9, "es"), ["octubre"] = (10, "es"), ["noviembre"] = (11, "es"),
        ["diciembre"] = (12, "es"), ["dic"] = (12, "es"),
    };

    private static readonly string[] MonthNames =
        { "", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

    private static readonly Dictionary<string, (int Quarter, string Language)> Seasons = new(StringComparer.Ordinal)
    {
        ["printemps"] = (2, "fr"), ["spring"] = (2, "en"),
        ["ete"] = (3, "fr"), ["summer"] = (3, "en"),
        ["automne"] = (4, "fr"), ["autumn"] = (4, "en"), ["fall"] = (4, "en"),
        ["hiver"] = (1, "fr"), ["winter"] = (1, "en"),
    };

    private static readonly Dictionary<string, (int Value, string Language)> OrdinalWords = new(StringComparer.Ordinal)
    {
        ["premier"] = (1, "fr"), ["premiere"] = (1, "fr"), ["first"] = (1, "en"),
        ["deuxieme"] = (2, "fr"), ["second"] = (2, "en"), ["seconde"] = (2, "fr"),
        ["troisieme"] = (3, "fr"), ["third"] = (3, "en"),
        ["quatrieme"] = (4, "fr"), ["fourth"] = (4, "en"),
    };

    private static readonly Dictionary<string, string?> OrdinalSuffixes = new(StringComparer.Ordinal)
    {
        ["er"] = "fr", ["ere"] = "fr", ["re"] = "fr", ["e"] = "fr", ["eme"] = "fr", ["nd"] = "en", ["st"] = "en", ["rd"] = "en", ["th"] = "en",
    };

    private static readonly Dictionary<string, (Position Position, string Language)> PositionWords = new(StringComparer.Ordinal)
    {
        ["debut"] = (Position.Early, "fr"), ["early"] = (Position.Early, "en"), ["beginning"] = (Position.Early, "en"), ["start"] = (Position.Early, "en"),
        ["fin"] = (Position.Late, "fr"), ["end"] = (Position.Late, "en"), ["late"] = (Position.Late, "en"),
        ["mi"] = (Position.Mid, "fr"), ["milieu"] = (Position.Mid, "fr"), ["mid"] = (Position.Mid, "en"), ["middle"] = (Position.Mid, "en"),
    };

    // Words and phrases that keep the date as it is: a deadline ("by June 2023") or "during" ("courant 2016").
    private static readonly (string[] Words, string Language)[] KeepPhrases =
    {
        (new[] { "au", "plus", "tard", "en" }, "fr"), (new[] { "au", "plus", "tard", "le" }, "fr"), (new[] { "au", "plus", "tard" }, "fr"),
        (new[] { "no", "later", "than" }, "en"), (new[] { "not", "later", "than" }, "en"),
        (new[] { "d", "ici", "a" }, "fr"), (new[] { "d", "ici", "la" }, "fr"), (new[] { "d", "ici" }, "fr"), (new[] { "by" }, "en"),
        (new[] { "until" }, "en"), (new[] { "jusqu", "a" }, "fr"), (new[] { "jusqu", "en" }, "fr"), (new[] { "jusqu", "au" }, "fr"),
        (new[] { "au", "cours", "de", "l", "annee" }, "fr"), (new[] { "au", "cours", "de" }, "fr"), (new[] { "au", "cours", "du" }, "fr"),
        (new[] { "dans", "le", "courant", "de" }, "fr"), (new[] { "courant" }, "fr"), (new[] { "durant" }, "fr"), (new[] { "pendant" }, "fr"),
        (new[] { "en" }, "fr"), (new[] { "in" }, "en"), (new[] { "during" }, "en"),
    };

    // Texts that state there is no date. Matched as whole words, accents and case ignored.
    private static readonly (string[] Words, DateTextMeaning Meaning, string? Language)[] NoDatePhrases =
    {
        (new[] { "a", "determiner" }, DateTextMeaning.ToBeDetermined, "fr"), (new[] { "a", "definir" }, DateTextMeaning.ToBeDetermined, "fr"),
        (new[] { "a", "preciser" }, DateTextMeaning.ToBeDetermined, "fr"), (new[] { "a", "confirmer" }, DateTextMeaning.ToBeDetermined, "fr"),
        (new[] { "a", "fixer" }, DateTextMeaning.ToBeDetermined, "fr"), (new[] { "non", "defini" }, DateTextMeaning.ToBeDetermined, "fr"),
        (new[] { "non", "definie" }, DateTextMeaning.ToBeDetermined, "fr"), (new[] { "non", "determine" }, DateTextMeaning.ToBeDetermined, "fr"),
        (new[] { "non", "determinee" }, DateTextMeaning.ToBeDetermined, "fr"), (new[] { "inconnue" }, DateTextMeaning.ToBeDetermined, "fr"),
        (new[] { "tbd" }, DateTextMeaning.ToBeDetermined, "en"), (new[] { "tbc" }, DateTextMeaning.ToBeDetermined, "en"),
        (new[] { "to", "be", "determined" }, DateTextMeaning.ToBeDetermined, "en"), (new[] { "to", "be", "defined" }, DateTextMeaning.ToBeDetermined, "en"),
        (new[] { "to", "be", "confirmed" }, DateTextMeaning.ToBeDetermined, "en"), (new[] { "to", "be", "decided" }, DateTextMeaning.ToBeDetermined, "en"),
        (new[] { "unknown" }, DateTextMeaning.ToBeDetermined, "en"),
        (new[] { "duree", "indeterminee" }, DateTextMeaning.Indefinite, "fr"), (new[] { "indeterminee" }, DateTextMeaning.Indefinite, "fr"),
        (new[] { "indetermine" }, DateTextMeaning.Indefinite, "fr"), (new[] { "sans", "echeance" }, DateTextMeaning.Indefinite, "fr"),
        (new[] { "illimitee" }, DateTextMeaning.Indefinite, "fr"), (new[] { "illimite" }, DateTextMeaning.Indefinite, "fr"),
        (new[] { "indefinite" }, DateTextMeaning.Indefinite, "en"), (new[] { "indefinitely" }, DateTextMeaning.Indefinite, "en"),
        (new[] { "open", "ended" }, DateTextMeaning.Indefinite, "en"), (new[] { "no", "end", "date" }, DateTextMeaning.Indefinite, "en"),
        (new[] { "unlimited" }, DateTextMeaning.Indefinite, "en"),
        (new[] { "en", "continu" }, DateTextMeaning.Ongoing, "fr"), (new[] { "continu" }, DateTextMeaning.Ongoing, "fr"),
        (new[] { "en", "cours" }, DateTextMeaning.Ongoing, "fr"), (new[] { "permanente" }, DateTextMeaning.Ongoing, "fr"),
        (new[] { "permanent" }, DateTextMeaning.Ongoing, null), (new[] { "ongoing" }, DateTextMeaning.Ongoing, "en"),
        (new[] { "on", "going" }, DateTextMeaning.Ongoing, "en"), (new[] { "continuous" }, DateTextMeaning.Ongoing, "en"),
        (new[] { "continuously" }, DateTextMeaning.Ongoing, "en"), (new[] { "continuing" }, DateTextMeaning.Ongoing, "en"),
    };

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) { "de", "d", "du", "l", "la", "le", "of", "the", "annee", "year" };

    private static readonly HashSet<string> LabelWords = new(StringComparer.Ordinal)
    {
        "date", "dates", "debut", "fin", "start", "end", "due", "echeance", "deadline", "starting", "ending", "finish", "period", "periode", "duree",
    };

    private static readonly string[] FromFrench = { "a", "partir", "de" }, FromFrenchDu = { "a", "partir", "du" };
    private static readonly string[] UntilA = { "jusqu", "a" }, UntilAu = { "jusqu", "au" }, UntilEn = { "jusqu", "en" };

    private static readonly HashSet<string> RangeIntroWords = new(StringComparer.Ordinal) { "du", "de", "from", "entre", "between", "depuis", "since" };

    private static readonly Dictionary<string, string?> RangeSeparatorWords = new(StringComparer.Ordinal)
    {
        ["a"] = "fr", ["au"] = "fr", ["aux"] = "fr", ["et"] = "fr", ["to"] = "en", ["until"] = "en", ["till"] = "en", ["through"] = "en", ["and"] = "en",
    };

    private sealed class Reader
    {
        private readonly string _text;
        private readonly List<Token> _tokens = new();
        private readonly List<string> _words = new();
        private readonly List<string> _notes = new();
        private int _french, _english, _spanish;
        private bool _approximate, _ongoing;
        private DateTextMeaning? _openMeaning;
        private string? _failure;
        private int _i;

        public Reader(string text) => _text = text;

        /// <summary>The tokens of a text, parentheses included, for <see cref="DateInWords"/>.</summary>
        public static List<Token> TokensOf(string text)
        {
            var reader = new Reader(text);
            reader.Tokenize();
            return reader._tokens;
        }

        public DateTextReading Read()
        {
            if (_text.Trim().Length == 0) return Unreadable("the text is empty");
            Tokenize();
            var remarks = SplitRemarks();
            if (_tokens.Count == 0 && remarks.Count > 0)
            {
                _tokens.AddRange(remarks[0]);
                remarks.RemoveAt(0);
            }
            if (_tokens.Count == 0) return Unreadable("no date words in '" + _text.Trim() + "'");

            if (!HasNumber(_tokens))
            {
                var noDate = FindNoDate(_tokens, whole: false);
                if (noDate.HasValue) return NoDate(noDate.Value.Meaning);
            }

            _i = 0;
            SkipLabel();
            var intro = SkipRangeIntro();
            if (!ParseExpression(out var first)) return Unreadable(_failure!);
            Parts? second = null;
            if (!AtEnd && TrySeparator(first, intro))
            {
                SkipLabel();
                // "Août 2019 - en continu": a start and no end.
                var rest = _tokens.GetRange(_i, _tokens.Count - _i);
                if (FindNoDate(rest, whole: true) is { Meaning: DateTextMeaning.Ongoing or DateTextMeaning.Indefinite } open)
                {
                    _words.Add(Quote(rest, open.First, open.Last));
                    Count(open.Language);
                    foreach (var remark in remarks) ReadRemark(remark);
                    if (!Resolve(first, out var opening)) return Unreadable(_failure!);
                    return Readable(open.Meaning, opening, null) with { IsOngoing = true };
                }
                if (!ParseExpression(out var end)) return Unreadable(_failure!);
                if (first.Year == 0 && end.Year > 0)
                {
                    // "mars-avril 2021", "du 7 au 9 décembre 2016": the start borrows what the end states.
                    first.Year = end.Year;
                    if (first.Day > 0 && first.Month == 0) first.Month = end.Month;
                    first.TwoDigitYear = end.TwoDigitYear;
                    // "décembre - janvier 2022" runs from December 2021: a start month after the end month is the year before.
                    if (first.Month > 0 && end.Month > 0 && first.Month > end.Month && first.Year > MinYear)
                    {
                        first.Year--;
                        _notes.Add("the start takes the year before the end's (" + first.Year + "), as its month comes later in the year");
                    }
                }
                second = end;
            }
            if (!AtEnd && !ReadTrailingQualifier()) return Unreadable(_failure!);
            foreach (var remark in remarks) ReadRemark(remark);

            if (!Resolve(first, out var start)) return Unreadable(_failure!);
            // "à partir de septembre 2019", "since 2020": a start, and no end stated.
            if (second is null && intro is "a partir de" or "from" or "depuis" or "since")
                return Readable(_openMeaning ?? DateTextMeaning.Ongoing, start, null) with { IsOngoing = true };
            if (second is null) return Readable(DateTextMeaning.Date, start, start);
            if (!Resolve(second.Value, out var finish)) return Unreadable(_failure!);
            return Readable(DateTextMeaning.Range, start, finish);
        }

        // ---- tokens -------------------------------------------------------------------------------

        private void Tokenize()
        {
            var builder = new StringBuilder();
            var space = false;
            var i = 0;
            while (i < _text.Length)
            {
                var c = _text[i];
                if (char.IsWhiteSpace(c)) { space = true; i++; continue; }
                if (c >= '0' && c <= '9')
                {
                    var s = i;
                    while (i < _text.Length && _text[i] >= '0' && _text[i] <= '9') i++;
                    _tokens.Add(new Token(TokenKind.Number, _text.Substring(s, i - s), s, i, space));
                    space = false;
                    continue;
                }
                builder.Clear();
                if (Fold(c, builder))
                {
                    var s = i;
                    i++;
                    while (i < _text.Length && Fold(_text[i], builder)) i++;
                    _tokens.Add(new Token(TokenKind.Word, builder.ToString(), s, i, space));
                    space = false;
                    continue;
                }
                char p = c switch
                {
                    '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                    '\u2192' or '\u27F6' or '\u21D2' => '>',
                    '\u2019' or '\u2018' or '`' or '\u00B4' => '\'',
                    '[' => '(',
                    ']' => ')',
                    _ => c,
                };
                i++;
                // Markup and quotes around date words carry no meaning: "1^{er}", "«fin 2022»".
                if (p is '^' or '{' or '}' or '*' or '"' or '\u00AB' or '\u00BB' or '_') continue;
                _tokens.Add(new Token(TokenKind.Punct, p.ToString(), i - 1, i, space));
                space = false;
            }
        }

        /// <summary>Appends the letter <paramref name="c"/> lower-cased and without its accent; false when it is not a letter.</summary>
        private static bool Fold(char c, StringBuilder into)
        {
            if (c >= 'a' && c <= 'z') { into.Append(c); return true; }
            if (c >= 'A' && c <= 'Z') { into.Append((char)(c + 32)); return true; }
            if (c < 128) return false;
            string? folded = char.ToLowerInvariant(c) switch
            {
                'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => "a",
                'æ' => "ae",
                'ç' => "c",
                'è' or 'é' or 'ê' or 'ë' or '\u1D49' => "e",
                'ì' or 'í' or 'î' or 'ï' => "i",
                'ñ' => "n",
                'ò' or 'ó' or 'ô' or 'õ' or 'ö' => "o",
                'œ' => "oe",
                'ù' or 'ú' or 'û' or 'ü' => "u",
                'ý' or 'ÿ' => "y",
                '\u02B3' => "r",
                _ => null,
            };
            if (folded is not null) { into.Append(folded); return true; }
            if (!char.IsLetter(c)) return false;
            into.Append(char.ToLowerInvariant(c));
            return true;
        }

        /// <summary>Takes parenthesised remarks out of the token list.</summary>
        private List<List<Token>> SplitRemarks()
        {
            var remarks = new List<List<Token>>();
            var main = new List<Token>(_tokens.Count);
            List<Token>? current = null;
            var depth = 0;
            foreach (var token in _tokens)
            {
                if (token.Kind == TokenKind.Punct && token.Text == "(")
                {
                    if (depth++ == 0) { current = new List<Token>(); remarks.Add(current); }
                    continue;
                }
                if (token.Kind == TokenKind.Punct && token.Text == ")" && depth > 0)
                {
                    depth--;
                    continue;
                }
                (depth > 0 ? current! : main).Add(token);
            }
            _tokens.Clear();
            _tokens.AddRange(main);
            remarks.RemoveAll(r => r.Count == 0);
            return remarks;
        }

        private static bool HasNumber(List<Token> tokens)
        {
            foreach (var token in tokens) if (token.Kind == TokenKind.Number) return true;
            return false;
        }

        private Token Peek(int offset = 0)
        {
            var at = _i + offset;
            return at >= 0 && at < _tokens.Count ? _tokens[at] : default;
        }

        private bool AtEnd => _i >= _tokens.Count;

        private bool PeekPunct(string p, int offset = 0) => Peek(offset).Kind == TokenKind.Punct && Peek(offset).Text == p;

        private string Quote(List<Token> tokens, int first, int last) =>
            _text.Substring(tokens[first].Start, tokens[last].End - tokens[first].Start);

        private void Recognise(int first, int last, string? language)
        {
            _words.Add(Quote(_tokens, first, last));
            Count(language);
        }

        /// <summary>Matches whole words from the cursor, letting apostrophes and hyphens sit between them.</summary>
        internal static bool MatchWords(List<Token> tokens, int at, string[] words, out int next)
        {
            next = at;
            var k = at;
            for (var w = 0; w < words.Length; w++)
            {
                while (w > 0 && k < tokens.Count && tokens[k].Kind == TokenKind.Punct && (tokens[k].Text == "'" || tokens[k].Text == "-")) k++;
                if (k >= tokens.Count || tokens[k].Kind != TokenKind.Word || tokens[k].Text != words[w]) return false;
                k++;
            }
            next = k;
            return true;
        }

        // ---- no date ------------------------------------------------------------------------------

        private (DateTextMeaning Meaning, int First, int Last, string? Language)? FindNoDate(List<Token> tokens, bool whole)
        {
            for (var at = 0; at < tokens.Count; at++)
            {
                if (tokens[at].Kind != TokenKind.Word) continue;
                foreach (var (words, meaning, language) in NoDatePhrases)
                {
                    if (!MatchWords(tokens, at, words, out var next)) continue;
                    if (whole && !OnlyPunctuationOutside(tokens, at, next)) return null;
                    return (meaning, at, next - 1, language);
                }
                if (whole) return null;
            }
            return null;
        }

        private static bool OnlyPunctuationOutside(List<Token> tokens, int first, int next)
        {
            for (var k = 0; k < tokens.Count; k++)
            {
                if (k >= first && k < next) continue;
                if (tokens[k].Kind != TokenKind.Punct) return false;
            }
            return true;
        }

        private DateTextReading NoDate(DateTextMeaning meaning)
        {
            var found = FindNoDate(_tokens, whole: false)!.Value;
            Recognise(found.First, found.Last, found.Language);
            return new DateTextReading
            {
                Text = _text,
                Meaning = meaning,
                Language = Language(),
                Words = _words.ToArray(),
                Notes = _notes.ToArray(),
            };
        }

        // ---- ranges -------------------------------------------------------------------------------

        /// <summary>Skips a label that ends with a colon: "Début :", "Date de fin :", "Start date:",
        /// "Date de durée et de fin de l'engagement :". The words before the colon must name a date or a period.</summary>
        private void SkipLabel()
        {
            var k = _i;
            var named = false;
            while (k < _tokens.Count && k - _i < 12 && (_tokens[k].Kind == TokenKind.Word || _tokens[k].Is("'")))
            {
                if (LabelWords.Contains(_tokens[k].Text)) named = true;
                k++;
            }
            if (!named || k >= _tokens.Count || !_tokens[k].Is(":")) return;
            Recognise(_i, k, _tokens[_i].Text is "start" or "end" or "due" or "deadline" or "starting" or "ending" or "period" ? "en" : "fr");
            _i = k + 1;
        }

        private string? SkipRangeIntro()
        {
            var token = Peek();
            if (token.Kind == TokenKind.Word && RangeIntroWords.Contains(token.Text) && Peek(1).Kind != TokenKind.None)
            {
                // "de" is also "de l'année": only an intro when a date follows directly.
                var next = Peek(1);
                if (next.Kind == TokenKind.Number || (next.Kind == TokenKind.Word && (Months.ContainsKey(next.Text) || Seasons.ContainsKey(next.Text))))
                {
                    Recognise(_i, _i, token.Text is "from" or "between" or "since" ? "en" : "fr");
                    _i++;
                    return token.Text;
                }
            }
            if (MatchWords(_tokens, _i, FromFrench, out var after) || MatchWords(_tokens, _i, FromFrenchDu, out after))
            {
                Recognise(_i, after - 1, "fr");
                _i = after;
                return "a partir de";
            }
            return null;
        }

        private bool TrySeparator(Parts first, string? intro)
        {
            var token = Peek();
            if (token.Kind == TokenKind.Punct)
            {
                if (token.Text == "-" || token.Text == ">")
                {
                    _i++;
                    if (PeekPunct(">")) _i++;
                    return true;
                }
                if (token.Text == "/" && first.Year > 0 && first.Month == 0 && first.Quarter == 0 && first.Half == 0
                    && Peek(1).Kind == TokenKind.Number && Peek(1).Text.Length == 4)
                {
                    _i++;
                    return true;
                }
                if (token.Text is "," or ";")
                {
                    // "Début : Janvier 2022, Fin : 30 juin 2022": a comma separates only when a label follows.
                    var save = _i;
                    _i++;
                    var before = _i;
                    SkipLabel();
                    if (_i > before) { _i = before; return true; }
                    _i = save;
                }
                return false;
            }
            if (token.Kind != TokenKind.Word) return false;
            if (MatchWords(_tokens, _i, UntilA, out var next) || MatchWords(_tokens, _i, UntilAu, out next) || MatchWords(_tokens, _i, UntilEn, out next))
            {
                Recognise(_i, next - 1, "fr");
                _i = next;
                return true;
            }
            if (RangeSeparatorWords.TryGetValue(token.Text, out var language))
            {
                if ((token.Text is "et" or "and") && intro is not ("entre" or "between")) return false;
                Recognise(_i, _i, language);
                _i++;
                return true;
            }
            return false;
        }

        private bool ReadTrailingQualifier()
        {
            while (!AtEnd && Peek().Kind == TokenKind.Punct && Peek().Text is "," or ";" or "-" or ":" or "." or "!") _i++;
            if (AtEnd) return true; // "Août 2021." — the sentence's own punctuation
            var first = _i;
            var rest = _tokens.GetRange(_i, _tokens.Count - _i);
            var found = FindNoDate(rest, whole: true);
            if (found is { Meaning: DateTextMeaning.Ongoing or DateTextMeaning.Indefinite })
            {
                _ongoing = true;
                _openMeaning = found.Value.Meaning;
                _words.Add(Quote(rest, found.Value.First, found.Value.Last));
                Count(found.Value.Language);
                return true;
            }
            _failure = "'" + Quote(_tokens, first, _tokens.Count - 1) + "' after the date is not a date word";
            return false;
        }

        private void ReadRemark(List<Token> remark)
        {
            var found = FindNoDate(remark, whole: true);
            if (found is { Meaning: DateTextMeaning.Ongoing or DateTextMeaning.Indefinite })
            {
                _ongoing = true;
                _openMeaning = found.Value.Meaning;
                _words.Add(Quote(remark, found.Value.First, found.Value.Last));
                Count(found.Value.Language);
                return;
            }
            _notes.Add("the remark '(" + Quote(remark, 0, remark.Count - 1) + ")' was set aside");
        }

        private void Count(string? language)
        {
            if (language == "fr") _french++;
            else if (language == "en") _english++;
            else if (language == "es") _spanish++;
        }

        // ---- one date expression ------------------------------------------------------------------

        private bool ParseExpression(out Parts parts)
        {
            parts = default;
            parts.First = _i;
            ReadPrefixes(ref parts);
            if (AtEnd) return Fail(_i > parts.First ? "'" + Quote(_tokens, parts.First, _i - 1) + "' names no date" : "a date is missing");
            var token = Peek();
            var ok = token.Kind switch
            {
                TokenKind.Number => ReadFromNumber(ref parts),
                TokenKind.Word => ReadFromWord(ref parts),
                _ => Fail("'" + token.Text + "' where a date was expected"),
            };
            parts.Last = _i - 1;
            return ok;
        }

        private void ReadPrefixes(ref Parts parts)
        {
            while (!AtEnd && Peek().Kind == TokenKind.Word)
            {
                var matched = false;
                foreach (var (words, language) in KeepPhrases)
                {
                    if (!MatchWords(_tokens, _i, words, out var next)) continue;
                    // "en" before a no-date word is not "during": "en continu" is handled elsewhere.
                    if (next >= _tokens.Count) break;
                    Recognise(_i, next - 1, language);
                    _i = next;
                    matched = true;
                    break;
                }
                if (matched) continue;
                var token = Peek();
                // "au début de", "at the end of": the article before a position word says nothing more.
                if (token.Text is "au" or "a" or "at" or "the" or "le" or "la" && Peek(1).Kind == TokenKind.Word && PositionWords.ContainsKey(Peek(1).Text)
                    || token.Text == "at" && Peek(1).Is("the"))
                {
                    _i++;
                    continue;
                }
                if (PositionWords.TryGetValue(token.Text, out var position) && !PeekPunct(":", 1) && Peek(1).Kind != TokenKind.None)
                {
                    if ((token.Text is "start" or "end" or "beginning" or "middle") && !Peek(1).Is("of")) break;
                    Recognise(_i, _i, position.Language);
                    parts.Position = position.Position;
                    parts.PositionWord = token.Text;
                    _i++;
                    SkipFillers();
                    continue;
                }
                break;
            }
        }

        private void SkipFillers()
        {
            while (!AtEnd)
            {
                var token = Peek();
                if (token.Kind == TokenKind.Word && Fillers.Contains(token.Text)) { _i++; continue; }
                if (token.Kind == TokenKind.Punct && (token.Text == "'" || token.Text == "-" || token.Text == ",")) { _i++; continue; }
                break;
            }
        }

        private bool ReadFromNumber(ref Parts parts)
        {
            var token = Peek();
            if (token.Text.Length == 4) return ReadFromYear(ref parts);
            if (token.Text.Length > 2) return Fail("'" + Quote(_tokens, _i, _i) + "' is not a day, a month or a year");
            var n = token.Number;

            // Numeric dates, day first: 31/12/2021, 31.12.2021, 31-12-2021, 09/2021, 12/21.
            var separator = Peek(1);
            if (separator.Kind == TokenKind.Punct && separator.Text is "/" or "." or "-" && Peek(2).Kind == TokenKind.Number
                && !Peek(2).SpaceBefore && !separator.SpaceBefore)
            {
                var second = Peek(2);
                if (PeekPunct(separator.Text, 3) && Peek(4).Kind == TokenKind.Number && !Peek(4).SpaceBefore)
                {
                    var third = Peek(4);
                    var first = _i;
                    _i += 5;
                    if (!ReadNumericYear(third, out var year, ref parts)) return false;
                    if (second.Text.Length > 2) return Fail("'" + Quote(_tokens, first, _i - 1) + "' is not a date");
                    if (second.Number < 1 || second.Number > 12)
                        return Fail("month " + second.Number + " does not exist; dates are read day first");
                    parts.Day = n;
                    parts.Month = second.Number;
                    parts.Year = year;
                    return true;
                }
                if (second.Text.Length is 4 || (second.Text.Length == 2 && separator.Text == "/"))
                {
                    _i += 3;
                    if (!ReadNumericYear(second, out var year, ref parts)) return false;
                    if (n < 1 || n > 12) return Fail("month " + n + " does not exist; dates are read day first");
                    parts.Month = n;
                    parts.Year = year;
                    return true;
                }
            }

            // An ordinal: "1er janvier", "1st June", "1er trimestre", "2e semestre".
            var suffix = Peek(1);
            if (suffix.Kind == TokenKind.Word && OrdinalSuffixes.TryGetValue(suffix.Text, out var language)
                && (Peek(2).Kind == TokenKind.Word || Peek(2).Kind == TokenKind.None || Peek(2).Kind == TokenKind.Number))
            {
                Recognise(_i, _i + 1, language);
                _i += 2;
                return ReadAfterOrdinal(n, ref parts);
            }

            // A day before a month: "30 août 2019".
            if (Peek(1).Kind == TokenKind.Word && Months.ContainsKey(Peek(1).Text))
            {
                parts.Day = n;
                _i++;
                return ReadMonthAndYear(ref parts);
            }

            // Spanish: "1 de marzo de 2021".
            if (Peek(1).Is("de") && Peek(2).Kind == TokenKind.Word && Months.TryGetValue(Peek(2).Text, out var spanish) && spanish.Language == "es")
            {
                parts.Day = n;
                _i += 2;
                return ReadMonthAndYear(ref parts);
            }

            // A bare day: only a range's start ("du 7 au 9 décembre 2016") can borrow a month and a year.
            parts.Day = n;
            _i++;
            return true;
        }

        private bool ReadNumericYear(Token token, out int year, ref Parts parts)
        {
            year = token.Number;
            if (token.Text.Length == 2)
            {
                year += 2000;
                parts.TwoDigitYear = true;
                _notes.Add("the two-digit year " + token.Text + " was read as " + year);
                return CheckYear(year);
            }
            if (token.Text.Length != 4) return Fail("'" + token.Text + "' is not a year");
            return CheckYear(year);
        }

        private bool CheckYear(int year) =>
            year is >= MinYear and <= MaxYear || Fail("year " + year + " is outside " + MinYear + "–" + MaxYear + " and is read as a typing error");

        private bool ReadFromYear(ref Parts parts)
        {
            var year = Peek().Number;
            if (!CheckYear(year)) return false;
            parts.Year = year;
            var first = _i;
            _i++;
            // ISO forms: 2020-03-15, 2020-03, 2022-Q1, 2022-H2.
            if (PeekPunct("-") && !Peek().SpaceBefore && Peek(1).Kind == TokenKind.Number && Peek(1).Text.Length == 2 && !Peek(1).SpaceBefore)
            {
                var month = Peek(1).Number;
                _i += 2;
                if (PeekPunct("-") && !Peek().SpaceBefore && Peek(1).Kind == TokenKind.Number && Peek(1).Text.Length == 2 && !Peek(1).SpaceBefore)
                {
                    parts.Day = Peek(1).Number;
                    _i += 2;
                }
                if (month < 1 || month > 12) return Fail("month " + month + " does not exist in '" + Quote(_tokens, first, _i - 1) + "'");
                parts.Month = month;
                return true;
            }
            // A period after the year: "2022 S1", "2022-Q1", "2022 T3".
            var at = PeekPunct("-") || PeekPunct("/") ? 1 : 0;
            if (TryPeriodMarker(at, out var kind, out var value, out var language))
            {
                Recognise(_i + at, _i + at + 1, language);
                _i += at + 2;
                return SetPeriod(ref parts, kind, value);
            }
            return true;
        }

        /// <summary>"T1", "Q3", "S2", "H1": a letter and a digit written together.</summary>
        private bool TryPeriodMarker(int offset, out char kind, out int value, out string language)
        {
            kind = ' ';
            value = 0;
            language = "";
            var letter = Peek(offset);
            var digit = Peek(offset + 1);
            if (letter.Kind != TokenKind.Word || digit.Kind != TokenKind.Number || digit.SpaceBefore || digit.Text.Length != 1) return false;
            switch (letter.Text)
            {
                case "t": kind = 'Q'; language = "fr"; break;
                case "q": kind = 'Q'; language = "en"; break;
                case "s": kind = 'H'; language = "fr"; break;
                case "h": kind = 'H'; language = "en"; break;
                default: return false;
            }
            value = digit.Number;
            return true;
        }

        private bool SetPeriod(ref Parts parts, char kind, int value)
        {
            if (kind == 'Q')
            {
                if (value < 1 || value > 4) return Fail("quarter " + value + " does not exist");
                parts.Quarter = value;
            }
            else
            {
                if (value < 1 || value > 2) return Fail("half year " + value + " does not exist");
                parts.Half = value;
            }
            return true;
        }

        private bool ReadFromWord(ref Parts parts)
        {
            var token = Peek();
            if (Months.ContainsKey(token.Text)) return ReadMonthAndYear(ref parts);
            if (Seasons.TryGetValue(token.Text, out var season))
            {
                Recognise(_i, _i, season.Language);
                parts.Season = season.Quarter;
                parts.SeasonWord = Quote(_tokens, _i, _i);
                _i++;
                return ReadYear(ref parts);
            }
            if (TryPeriodMarker(0, out var kind, out var marked, out var language))
            {
                Recognise(_i, _i + 1, language);
                _i += 2;
                if (!SetPeriod(ref parts, kind, marked)) return false;
                if (PeekPunct("-") || PeekPunct("/")) _i++;
                return ReadYear(ref parts);
            }
            if (OrdinalWords.TryGetValue(token.Text, out var ordinal))
            {
                Recognise(_i, _i, ordinal.Language);
                _i++;
                return ReadAfterOrdinal(ordinal.Value, ref parts);
            }
            // "trimestre 2 2022", "quarter 3 of 2024": the number after the word.
            if (token.Text is "trimestre" or "quarter" or "semestre" or "half" && Peek(1).Kind == TokenKind.Number && Peek(1).Text.Length == 1)
            {
                Recognise(_i, _i, token.Text is "trimestre" or "semestre" ? "fr" : "en");
                var value = Peek(1).Number;
                _i += 2;
                if (!SetPeriod(ref parts, token.Text is "trimestre" or "quarter" ? 'Q' : 'H', value)) return false;
                return ReadYear(ref parts);
            }
            if (token.Text is "annee" or "year")
            {
                Recognise(_i, _i, token.Text == "annee" ? "fr" : "en");
                _i++;
                return ReadYear(ref parts);
            }
            return Fail("'" + Quote(_tokens, _i, _i) + "' is not a date word");
        }

        private bool ReadAfterOrdinal(int n, ref Parts parts)
        {
            var token = Peek();
            if (token.Kind == TokenKind.Word && token.Text is "trimestre" or "quarter")
            {
                Recognise(_i, _i, token.Text == "trimestre" ? "fr" : "en");
                _i++;
                if (!SetPeriod(ref parts, 'Q', n)) return false;
                return ReadYear(ref parts);
            }
            if (token.Kind == TokenKind.Word && token.Text is "semestre" or "half")
            {
                Recognise(_i, _i, token.Text == "semestre" ? "fr" : "en");
                _i++;
                if (Peek().Is("year")) _i++;
                if (!SetPeriod(ref parts, 'H', n)) return false;
                return ReadYear(ref parts);
            }
            if (token.Kind == TokenKind.Word && Months.ContainsKey(token.Text))
            {
                parts.Day = n;
                return ReadMonthAndYear(ref parts);
            }
            return Fail("an ordinal must be followed by a month, 'trimestre'/'quarter' or 'semestre'/'half'");
        }

        private bool ReadMonthAndYear(ref Parts parts)
        {
            var month = Months[Peek().Text];
            Recognise(_i, _i, month.Language);
            parts.Month = month.Month;
            _i++;
            if (PeekPunct(".")) _i++;
            // English order: "June 1, 2023", "June 1st 2023".
            if (parts.Day == 0 && Peek().Kind == TokenKind.Number && Peek().Text.Length <= 2)
            {
                var after = Peek(1);
                var isOrdinal = after.Kind == TokenKind.Word && OrdinalSuffixes.ContainsKey(after.Text) && after.Text is "st" or "nd" or "rd" or "th";
                if (after.Kind == TokenKind.Punct && after.Text == "," || after.Kind == TokenKind.Number && after.Text.Length == 4 || isOrdinal)
                {
                    parts.Day = Peek().Number;
                    _i += isOrdinal ? 2 : 1;
                    if (PeekPunct(",")) _i++;
                }
            }
            return ReadYear(ref parts);
        }

        /// <summary>Reads the year that ends an expression, after "de", "of", "l'année", a comma. Absent is allowed here;
        /// <see cref="Resolve"/> says when a year is missing.</summary>
        private bool ReadYear(ref Parts parts)
        {
            var save = _i;
            SkipFillers();
            var token = Peek();
            if (token.Kind == TokenKind.Number && token.Text.Length == 4)
            {
                if (!CheckYear(token.Number)) return false;
                parts.Year = token.Number;
                _i++;
                return true;
            }
            _i = save;
            return true;
        }

        // ---- to a partial date --------------------------------------------------------------------

        private bool Resolve(Parts parts, out PartialDate date)
        {
            date = default;
            var said = Quote(_tokens, parts.First, Math.Max(parts.First, parts.Last));
            if (parts.Year == 0)
            {
                return parts.BareDay
                    ? Fail("'" + said + "' is a day without a month or a year")
                    : Fail("'" + said + "' has no year");
            }
            if (parts.Day > 0)
            {
                if (parts.Month == 0) return Fail("'" + said + "' has a day but no month");
                var days = DateTime.DaysInMonth(parts.Year, parts.Month);
                if (parts.Day < 1 || parts.Day > days)
                    return Fail("day " + parts.Day + " does not exist in " + MonthNames[parts.Month] + " " + parts.Year + " (dates are read day first)");
                date = PartialDate.OfDay(parts.Year, parts.Month, parts.Day);
                return true;
            }
            if (parts.Month > 0) { date = PartialDate.OfMonth(parts.Year, parts.Month); return true; }
            if (parts.Quarter > 0) { date = PartialDate.OfQuarter(parts.Year, parts.Quarter); return true; }
            if (parts.Half > 0) { date = PartialDate.OfHalf(parts.Year, parts.Half); return true; }
            if (parts.Season > 0)
            {
                date = PartialDate.OfQuarter(parts.Year, parts.Season);
                _approximate = true;
                _notes.Add("'" + said + "' was read as " + date + ", the quarter that holds most of the season" +
                           (parts.Season == 1 ? " (winter is read as January–March of the year named)" : ""));
                return true;
            }
            if (parts.Position != Position.None)
            {
                var quarter = parts.Position switch { Position.Early => 1, Position.Mid => 2, _ => 4 };
                date = PartialDate.OfQuarter(parts.Year, quarter);
                _approximate = true;
                _notes.Add("'" + said + "' was read as " + date + (parts.Position switch
                {
                    Position.Early => ", the first quarter",
                    Position.Mid => ", the quarter that ends at mid-year",
                    _ => ", the last quarter",
                }));
                return true;
            }
            date = PartialDate.OfYear(parts.Year);
            return true;
        }

        // ---- results ------------------------------------------------------------------------------

        private bool Fail(string reason)
        {
            _failure ??= reason;
            return false;
        }

        private string? Language() =>
            _french == 0 && _english == 0 && _spanish == 0 ? null
            : _spanish > _french && _spanish > _english ? "es"
            : _french >= _english ? "fr" : "en";

        private DateTextReading Readable(DateTextMeaning meaning, PartialDate start, PartialDate? end) => new()
        {
            Text = _text,
            Meaning = meaning,
            Start = start,
            End = end,
            IsApproximate = _approximate,
            IsOngoing = _ongoing,
            Notes = _notes.ToArray(),
            Language = Language(),
            Words = _words.ToArray(),
        };

        private DateTextReading Unreadable(string reason) => new()
        {
            Text = _text,
            Meaning = DateTextMeaning.Unreadable,
            Failure = reason,
            Notes = _notes.ToArray(),
            Language = Language(),
            Words = _words.ToArray(),
        };
    }
}
