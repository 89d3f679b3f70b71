using System.Collections.Generic;

namespace OgpData.Measurability;

/// <summary>What a token of milestone text is.</summary>
internal enum TokenKind : byte
{
    /// <summary>Letters (and digits mixed with letters: "1er", "T1").</summary>
    Word,
    /// <summary>Digits, with decimal separators or space-grouped thousands ("3 500", "1,5").</summary>
    Number,
    /// <summary>Four digits between 1900 and 2100.</summary>
    Year,
    /// <summary>A web address or an e-mail, kept whole.</summary>
    Url,
    /// <summary>"%".</summary>
    Percent,
    /// <summary>Punctuation that ends an expression and a negation's reach (. , ; : ( ) / • ...).</summary>
    Punctuation,
}

/// <summary>A token: where it is in the text and, for words, its folded form's id in the vocabulary.</summary>
internal struct Token
{
    public int Start;
    public int Length;
    public TokenKind Kind;
    /// <summary>Vocabulary id of the folded word, or -1 when the word is in no lexicon.</summary>
    public int WordId;
    /// <summary>Vocabulary id of the word's stem in the learned model (<see cref="MeasurabilityModel"/>), or -1.</summary>
    public int StemId;
    public int End => Start + Length;
}

/// <summary>
/// Splits milestone text into tokens with exact spans. Elisions split at the apostrophe ("l'adoption" →
/// "l", "adoption"; "Canada's" → "canada", "s"); hyphens join nothing ("plate-forme" → "plate", "forme"),
/// so that the lexicon, tokenised the same way, matches either spelling; numbers keep their decimal and
/// thousands separators; dotted names ("Guichet.lu", "B.E.A.T") and web addresses stay whole. No allocation
/// per token: callers pass the list to fill and a buffer for folding.
/// </summary>
internal static class MilestoneTokenizer
{
    /// <param name="text">The milestone text.</param>
    /// <param name="tokens">Filled with the tokens, in text order.</param>
    /// <param name="vocabulary">The lexicon words: each word gets its id, -1 when no lexicon knows it.</param>
    /// <param name="buffer">Folding buffer, grown when a word is longer.</param>
    /// <param name="addWords">Compiling lexicons: unknown words are added to <paramref name="vocabulary"/>.</param>
    /// <param name="stems">The learned model's stems: each word also gets the id of its stem (its first
    /// <see cref="MeasurabilityModel.StemLength"/> folded letters), -1 when the model has none.</param>
    /// <param name="addStems">Training: unknown stems are added to <paramref name="stems"/>.</param>
    public static void Tokenize(string text, List<Token> tokens, Vocabulary vocabulary, ref char[] buffer, bool addWords = false,
        Vocabulary? stems = null, bool addStems = false)
    {
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                if (TryReadAddress(text, i, out var addressEnd))
                {
                    tokens.Add(new Token { Start = i, Length = addressEnd - i, Kind = TokenKind.Url, WordId = -1, StemId = -1 });
                    i = addressEnd;
                    continue;
                }
                var start = i;
                var allDigits = true;
                var digitsInGroup = 0;
                while (i < n)
                {
                    var d = text[i];
                    if (IsWordChar(d) || d == '·' || d == '\u00AD')
                    {
                        if (!IsAsciiDigit(d)) allDigits = false;
                        digitsInGroup++;
                        i++;
                    }
                    else if (allDigits && (d == ',' || d == '.') && i + 1 < n && IsAsciiDigit(text[i + 1]) && i > start)
                    {
                        i++; // decimal separator: "1,1 degrés"
                    }
                    else if (!allDigits && d == '.' && i + 1 < n && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]))
                    {
                        i++; // dotted names stay whole: "Guichet.lu", "B.E.A.T"
                    }
                    else if (allDigits && IsGroupSpace(d) && digitsInGroup <= 3 && ThreeDigitsFollow(text, i + 1))
                    {
                        digitsInGroup = 0;
                        i++; // thousands separated by a space: "3 500 habitants"
                    }
                    else break;
                }
                if (i < n && text[i] == '@' && !allDigits && TryReadEmail(text, start, out var emailEnd))
                {
                    tokens.Add(new Token { Start = start, Length = emailEnd - start, Kind = TokenKind.Url, WordId = -1, StemId = -1 });
                    i = emailEnd;
                    continue;
                }
                var length = i - start;
                if (allDigits)
                {
                    var kind = length == 4 && IsYear(text, start) ? TokenKind.Year : TokenKind.Number;
                    tokens.Add(new Token { Start = start, Length = length, Kind = kind, WordId = kind == TokenKind.Year ? Vocabulary.YearId : Vocabulary.NumberId, StemId = -1 });
                }
                else
                {
                    var folded = WordFolding.Fold(text, start, length, ref buffer);
                    var stem = -1;
                    if (stems is not null && folded >= MeasurabilityModel.MinimumWordLength)
                    {
                        var stemLength = folded < MeasurabilityModel.StemLength ? folded : MeasurabilityModel.StemLength;
                        stem = addStems ? stems.Add(buffer, stemLength) : stems.Find(buffer, stemLength);
                    }
                    tokens.Add(new Token { Start = start, Length = length, Kind = TokenKind.Word, WordId = addWords ? vocabulary.Add(buffer, folded) : vocabulary.Find(buffer, folded), StemId = stem });
                }
                continue;
            }

            switch (c)
            {
                case '%':
                    tokens.Add(new Token { Start = i, Length = 1, Kind = TokenKind.Percent, WordId = -1, StemId = -1 });
                    break;
                // Joiners and quotes carry no boundary: "plate-forme", « open data », l'adoption.
                case '-': case '\u2010': case '\u2011': case '\'': case '\u2019': case '\u02BC': case '\u2018':
                case '"': case '\u00AB': case '\u00BB': case '\u201C': case '\u201D': case '&': case '*': case '_':
                case '^': case '{': case '}':
                    break;
                default:
                    if (!char.IsWhiteSpace(c) || c == '\n' || c == '\r')
                    {
                        if (!char.IsWhiteSpace(c) || tokens.Count == 0 || tokens[tokens.Count - 1].Kind != TokenKind.Punctuation)
                            tokens.Add(new Token { Start = i, Length = 1, Kind = TokenKind.Punctuation, WordId = -1, StemId = -1 });
                    }
                    break;
            }
            i++;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    private static bool IsGroupSpace(char c) => c == ' ' || c == '\u00A0' || c == '\u202F';

    private static bool ThreeDigitsFollow(string text, int i) =>
        i + 3 <= text.Length && IsAsciiDigit(text[i]) && IsAsciiDigit(text[i + 1]) && IsAsciiDigit(text[i + 2])
        && (i + 3 == text.Length || !char.IsLetterOrDigit(text[i + 3]));

    private static bool IsYear(string text, int start)
    {
        var value = (text[start] - '0') * 1000 + (text[start + 1] - '0') * 100 + (text[start + 2] - '0') * 10 + (text[start + 3] - '0');
        return value >= 1900 && value <= 2100;
    }

    private static bool TryReadAddress(string text, int i, out int end)
    {
        end = i;
        if (!StartsWithIgnoreCase(text, i, "http://") && !StartsWithIgnoreCase(text, i, "https://") && !StartsWithIgnoreCase(text, i, "www.")) return false;
        end = ScanToAddressEnd(text, i);
        return true;
    }

    private static bool TryReadEmail(string text, int start, out int end)
    {
        end = ScanToAddressEnd(text, start);
        // An e-mail needs a dot after the '@' ("alnu@pt.lu"); "@" alone is punctuation.
        var at = text.IndexOf('@', start, end - start);
        return at > start && text.IndexOf('.', at, end - at) > at + 1;
    }

    private static int ScanToAddressEnd(string text, int i)
    {
        var end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != ')' && text[end] != ']' && text[end] != '>'
               && text[end] != '"' && text[end] != '\u00BB' && text[end] != ';' && text[end] != ',' && text[end] != '<') end++;
        while (end > i && (text[end - 1] == '.' || text[end - 1] == ':')) end--;
        return end;
    }

    private static bool StartsWithIgnoreCase(string text, int i, string prefix)
    {
        if (i + prefix.Length > text.Length) return false;
        for (var k = 0; k < prefix.Length; k++)
        {
            if (char.ToLowerInvariant(text[i + k]) != prefix[k]) return false;
        }
        return true;
    }
}
