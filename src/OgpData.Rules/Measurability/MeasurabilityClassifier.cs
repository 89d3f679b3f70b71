using System;
using System.Collections.Generic;
using System.Text;

namespace OgpData.Measurability;

/// <summary>
/// Decides whether a milestone is measurable in the IRM's sense — could an independent reviewer check from
/// public evidence that it was done, without interpreting vague words? — by finding cues in its text with
/// word lists (French, English, Spanish) and a little grammar (elisions, negation, numbers, dates), and
/// weighing them. Transparent: every verdict lists its cues and names the decisive words.
/// </summary>
/// <remarks>
/// <para>Scoring. Each cue has a signed weight from the lexicon (deliverable, event, quantity and date
/// positive; vague activity, hedge and bare phase negative), times 1.5 when the cue heads the milestone
/// (its first or second content word says what the milestone is), and 0 when a negation in the same clause
/// cancels it. Within one kind, cues count with diminishing returns: the strongest fully, the next half, the
/// next a quarter, so a long text does not win by repetition. The sum plus a negative bias (no evidence means
/// not checkable) goes through the logistic function: the score is on 0..1 and 0.5 means evidence for and
/// against balance.</para>
/// <para>Build one instance per configuration and reuse it: construction compiles the lexicons, and
/// <see cref="Classify"/> is thread-safe and allocates only its result.</para>
/// </remarks>
public sealed class MeasurabilityClassifier
{
    /// <summary>The score when no cue at all is found, before the logistic: a bare text is not checkable.</summary>
    internal const double Bias = -0.5;

    /// <summary>How much a cue weighs when it heads the milestone.</summary>
    internal const double HeadFactor = 1.5;

    private const double QuantityWeight = 1.0;
    private const double PercentWeight = 1.2;
    private const double YearWeight = 0.3;
    private const double AddressWeight = 0.5;
    private const int NegationReach = 5;
    private const int NegationCloserReach = 4;

    private static readonly string[] IdentifierMarkers =
    [
        "n", "no", "nº", "nr", "numéro", "number", "número", "article", "art", "artículo", "section", "chapter", "chapitre",
        "capítulo", "engagement", "commitment", "compromiso", "annexe", "annex", "anexo", "objectif", "objective",
        "objetivo", "goal", "odd", "sdg", "ods", "version", "iso", "décret", "loi", "ley", "law", "act", "phase", "step", "étape",
    ];

    private static readonly Lazy<MeasurabilityClassifier> DefaultInstance = new(() => new MeasurabilityClassifier());

    [ThreadStatic] private static List<Token>? threadTokens;
    [ThreadStatic] private static char[]? threadBuffer;

    private readonly Vocabulary vocabulary = new();
    private readonly Dictionary<string, LanguageModel> models = new(StringComparer.Ordinal);
    private readonly bool[] isIdentifierMarker;

    /// <summary>The classifier with the built-in lexicons and default options, compiled once.</summary>
    public static MeasurabilityClassifier Default => DefaultInstance.Value;

    /// <summary>Compiles the built-in lexicons plus the extra ones of <paramref name="options"/>.</summary>
    public MeasurabilityClassifier(MeasurabilityOptions? options = null)
    {
        Options = options ?? MeasurabilityOptions.Default;
        var lexicons = new List<MeasurabilityLexicon>(MeasurabilityLexicon.BuiltIn);
        for (var i = 0; i < Options.ExtraLexicons.Count; i++)
        {
            lexicons.Add(MeasurabilityLexicon.Parse(Options.ExtraLexicons[i] ?? string.Empty, "extra lexicon " + (i + 1)));
        }

        var errors = new List<string>();
        var languages = new List<string>();
        foreach (var lexicon in lexicons)
        {
            errors.AddRange(lexicon.Errors);
            if (lexicon.Language is { } code && !models.ContainsKey(code))
            {
                models.Add(code, new LanguageModel(code));
                languages.Add(code);
            }
        }

        var buffer = new char[64];
        var tokens = new List<Token>();
        foreach (var lexicon in lexicons)
        {
            foreach (var code in languages)
            {
                if (lexicon.Language is null || lexicon.Language == code) Compile(lexicon, models[code], tokens, ref buffer, errors);
            }
        }

        var markers = new List<int>();
        foreach (var marker in IdentifierMarkers) markers.Add(AddWord(marker, ref buffer));
        foreach (var model in models.Values) model.Freeze(vocabulary.Count);
        isIdentifierMarker = new bool[vocabulary.Count];
        foreach (var id in markers) if (id >= 0) isIdentifierMarker[id] = true;

        Languages = languages;
        LexiconErrors = errors;
    }

    /// <summary>The options this classifier was built with.</summary>
    public MeasurabilityOptions Options { get; }

    /// <summary>The language codes the lexicons cover ("fr", "en", "es").</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>Lexicon lines that could not be read (from extra lexicons, normally), as "source:line: reason".</summary>
    public IReadOnlyList<string> LexiconErrors { get; }

    /// <summary>
    /// Classifies one milestone text. <paramref name="language"/> is "fr", "en" or "es" (a region suffix such as
    /// "fr-LU" is ignored); when it is null or not covered, the language is detected from the words and the
    /// verdict says so. Never throws for any text.
    /// </summary>
    public MeasurabilityVerdict Classify(string text, string? language = null)
    {
        text ??= string.Empty;
        var tokens = threadTokens ??= new List<Token>(64);
        var buffer = threadBuffer ??= new char[64];
        tokens.Clear();
        MilestoneTokenizer.Tokenize(text, tokens, vocabulary, ref buffer);
        threadBuffer = buffer;

        var model = FindModel(language);
        var detected = model is null;
        model ??= Detect(tokens);

        var cues = new List<MeasurabilityCue>();
        FindCues(text, tokens, model, cues);
        MergeAdjacentDates(text, cues);
        var raw = Sum(cues);
        var score = 1.0 / (1.0 + Math.Exp(-raw));
        var measurable = score >= Options.Threshold;
        if (tokens.Count > 4096) tokens.Clear(); // do not keep a huge text's tokens alive on the thread

        return new MeasurabilityVerdict
        {
            IsMeasurable = measurable,
            Score = score,
            Language = model.Code,
            LanguageWasDetected = detected,
            Cues = cues,
            Explanation = Explain(cues, measurable),
        };
    }

    private LanguageModel? FindModel(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var code = language!.Trim().ToLowerInvariant();
        var dash = code.IndexOfAny(['-', '_']);
        if (dash > 0) code = code.Substring(0, dash);
        return models.TryGetValue(code, out var model) ? model : null;
    }

    /// <summary>Picks the language whose function words occur most; ties go to the one whose lexicon starts most words.</summary>
    private LanguageModel Detect(List<Token> tokens)
    {
        LanguageModel? best = null;
        var bestStopwords = 0;
        var bestStarts = 0;
        foreach (var model in models.Values)
        {
            int stopwordCount = 0, startCount = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                var id = tokens[i].WordId;
                if (id < 2) continue;
                if (model.IsStopword(id)) stopwordCount++;
                if (model.StartsEntry(id)) startCount++;
            }
            if (best is null || stopwordCount > bestStopwords || (stopwordCount == bestStopwords && startCount > bestStarts))
            {
                best = model;
                bestStopwords = stopwordCount;
                bestStarts = startCount;
            }
        }
        if (bestStopwords == 0 && bestStarts == 0 || best is null)
        {
            best = FindModel(Options.FallbackLanguage) ?? best ?? throw new InvalidOperationException("No lexicon declares a language.");
        }
        return best;
    }

    private void FindCues(string text, List<Token> tokens, LanguageModel model, List<MeasurabilityCue> cues)
    {
        var negationScopeEnd = -1;   // last token index a negation still reaches
        var negationCue = -1;        // index in cues of the negation in force
        var contentWords = 0;        // content words before the current token: the head is the first two
        var clauseFirstCue = 0;      // index in cues of the first cue of the current clause

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
            if (entry is null) end = i + 1;

            if (entry is not null && entry.Kind == MeasurabilityCueKind.Negation)
            {
                var scopeStart = end;
                var cueEnd = tokens[end - 1].End;
                if (end - i == 1 && model.IsNegationOpener(token.WordId))
                {
                    // "ne … pas": counts only with its closing word, and reaches past it.
                    var closer = FindCloser(tokens, model, end);
                    if (closer < 0)
                    {
                        i = end;
                        continue;
                    }
                    cueEnd = tokens[closer].End;
                    negationScopeEnd = closer + NegationReach;
                }
                else
                {
                    negationScopeEnd = scopeStart + NegationReach - 1;
                }
                negationCue = cues.Count;
                cues.Add(Cue(text, token.Start, cueEnd, MeasurabilityCueKind.Negation, 0, negated: false));
                if (model.IsClauseNegation(token.WordId))
                {
                    // A negated verb negates its whole clause: "le rapport ne sera pas publié" promises no report.
                    for (var k = clauseFirstCue; k < negationCue; k++)
                    {
                        if (!MeasurabilityCueKinds.IsPositive(cues[k].Kind) || cues[k].IsNegated) continue;
                        cues[k] = cues[k] with { Weight = 0, IsNegated = true };
                        if (cues[negationCue].Weight == 0) cues[negationCue] = cues[negationCue] with { Weight = NegationPenalty };
                    }
                }
                i = end;
                continue;
            }

            if (entry is not null)
            {
                AddCue(text, tokens, i, end, entry.Kind, entry.Weight, head, ref negationScopeEnd, negationCue, cues);
                contentWords += end - i;
                i = end;
                continue;
            }

            switch (token.Kind)
            {
                case TokenKind.Year:
                    AddCue(text, tokens, i, i + 1, MeasurabilityCueKind.Date, YearWeight, head: false, ref negationScopeEnd, negationCue, cues);
                    break;
                case TokenKind.Url:
                    AddCue(text, tokens, i, i + 1, MeasurabilityCueKind.Deliverable, AddressWeight, head, ref negationScopeEnd, negationCue, cues);
                    contentWords++;
                    break;
                case TokenKind.Number:
                    i = ReadNumber(text, tokens, i, model, head, ref negationScopeEnd, negationCue, cues);
                    continue;
                case TokenKind.Word:
                    if (!model.IsSkipWord(token.WordId) && !IsEnumeratorLetter(tokens, i)) contentWords++;
                    break;
            }
            i++;
        }
    }

    /// <summary>A number: a quantity when it counts something ("500 agents", "100 %"), a day when a month follows, nothing when it is an identifier.</summary>
    private int ReadNumber(string text, List<Token> tokens, int i, LanguageModel model, bool head, ref int negationScopeEnd, int negationCue, List<MeasurabilityCue> cues)
    {
        if (i + 1 >= tokens.Count || IsIdentifier(text, tokens, i)) return i + 1;
        var next = tokens[i + 1];
        if (next.Kind == TokenKind.Percent)
        {
            AddCue(text, tokens, i, i + 2, MeasurabilityCueKind.Quantity, PercentWeight, head, ref negationScopeEnd, negationCue, cues);
            return i + 2;
        }
        if (next.Kind != TokenKind.Word || IsEnumerator(text, tokens, i)) return i + 1;
        var end = i + 2;
        var following = next.WordId >= 0 ? model.Match(tokens, i + 1, out end) : null;
        if (following is { Kind: MeasurabilityCueKind.Date })
        {
            AddCue(text, tokens, i, end, MeasurabilityCueKind.Date, following.Weight, head: false, ref negationScopeEnd, negationCue, cues);
            return end;
        }
        if (following is { Kind: MeasurabilityCueKind.Quantity })
        {
            AddCue(text, tokens, i, end, MeasurabilityCueKind.Quantity, Math.Max(QuantityWeight, following.Weight), head, ref negationScopeEnd, negationCue, cues);
            return end;
        }
        // The counted noun stays available for its own cue: "3 ateliers" is a quantity and an event.
        AddCue(text, tokens, i, i + 2, MeasurabilityCueKind.Quantity, QuantityWeight, head, ref negationScopeEnd, negationCue, cues);
        return i + 1;
    }

    private bool IsIdentifier(string text, List<Token> tokens, int i)
    {
        if (i == 0) return false;
        var previous = tokens[i - 1];
        if (previous.Kind == TokenKind.Punctuation)
        {
            var c = text[previous.Start];
            if (c == '#' || c == '°' || c == '§' || c == '+') return true;
            return i >= 2 && c == '.' && tokens[i - 2].WordId >= 0 && tokens[i - 2].WordId < isIdentifierMarker.Length && isIdentifierMarker[tokens[i - 2].WordId];
        }
        return previous.WordId >= 2 && previous.WordId < isIdentifierMarker.Length && isIdentifierMarker[previous.WordId];
    }

    /// <summary>
    /// "6.4 Publish …", "2 Elaboration …": a number that opens the text or a line, or that has a dot in it,
    /// followed by a capitalised word, numbers a list item; it counts nothing.
    /// </summary>
    private static bool IsEnumerator(string text, List<Token> tokens, int i)
    {
        if (!char.IsUpper(text[tokens[i + 1].Start])) return false;
        if (i == 0 || tokens[i - 1].Kind == TokenKind.Punctuation) return true;
        return text.IndexOf('.', tokens[i].Start, tokens[i].Length) >= 0;
    }

    private static bool IsEnumeratorLetter(List<Token> tokens, int i) =>
        tokens[i].Length == 1 && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Punctuation;

    private static int FindCloser(List<Token> tokens, LanguageModel model, int from)
    {
        for (var j = from; j < tokens.Count && j < from + NegationCloserReach; j++)
        {
            if (tokens[j].Kind == TokenKind.Punctuation) return -1;
            if (model.IsNegationCloser(tokens[j].WordId)) return j;
        }
        return -1;
    }

    private static void AddCue(string text, List<Token> tokens, int first, int end, MeasurabilityCueKind kind, double weight, bool head,
        ref int negationScopeEnd, int negationCue, List<MeasurabilityCue> cues)
    {
        var negated = MeasurabilityCueKinds.IsPositive(kind) && first <= negationScopeEnd && negationCue >= 0;
        var effective = negated ? 0 : head ? weight * HeadFactor : weight;
        if (negated && cues[negationCue].Weight == 0)
        {
            // The negation takes the penalty of the strongest lexicon negation weight only once.
            cues[negationCue] = cues[negationCue] with { Weight = NegationPenalty };
        }
        cues.Add(Cue(text, tokens[first].Start, tokens[end - 1].End, kind, effective, negated));
    }

    /// <summary>What a negation that cancelled something costs: the promise is explicitly not made.</summary>
    internal const double NegationPenalty = -0.3;

    private static MeasurabilityCue Cue(string text, int start, int end, MeasurabilityCueKind kind, double weight, bool negated) => new()
    {
        Text = text.Substring(start, end - start),
        Start = start,
        Length = end - start,
        Kind = kind,
        Weight = weight,
        IsNegated = negated,
    };

    /// <summary>"30 août 2019", "March 2016", "2019-2021": one date cue, not three.</summary>
    private static void MergeAdjacentDates(string text, List<MeasurabilityCue> cues)
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
            cues[k - 1] = Cue(text, previous.Start, current.End, MeasurabilityCueKind.Date, Math.Max(previous.Weight, current.Weight), previous.IsNegated && current.IsNegated);
            cues.RemoveAt(k);
        }
    }

    /// <summary>The bias plus, per kind, the cue weights strongest first with halving returns.</summary>
    private static double Sum(List<MeasurabilityCue> cues)
    {
        var sum = Bias;
        if (cues.Count == 0) return sum;
        var seen = new int[8];
        var order = new int[cues.Count];
        var magnitudes = new double[cues.Count];
        for (var k = 0; k < cues.Count; k++)
        {
            order[k] = k;
            magnitudes[k] = -Math.Abs(cues[k].Weight);
        }
        Array.Sort(magnitudes, order);
        foreach (var k in order)
        {
            var kind = (int)cues[k].Kind;
            sum += cues[k].Weight / (seen[kind] + 1.0);
            seen[kind]++;
        }
        return sum;
    }

    private static string Explain(List<MeasurabilityCue> cues, bool measurable)
    {
        var positives = Strongest(cues, positive: true, 3);
        var negatives = Strongest(cues, positive: false, 3);
        var builder = new StringBuilder();
        if (measurable)
        {
            builder.Append("measurable: ");
            AppendCues(builder, positives);
            if (negatives.Count > 0)
            {
                builder.Append("; despite ");
                AppendCues(builder, negatives);
            }
            return builder.ToString();
        }

        var negatedCues = new List<MeasurabilityCue>();
        MeasurabilityCue? negation = null;
        foreach (var cue in cues)
        {
            if (cue.IsNegated) negatedCues.Add(cue);
            if (cue.Kind == MeasurabilityCueKind.Negation && cue.Weight != 0) negation ??= cue;
        }

        if (positives.Count == 0)
        {
            builder.Append("no verifiable deliverable or quantified target");
            if (negatives.Count == 0 && negatedCues.Count == 0) return builder.Append(" named").ToString();
            builder.Append(": ");
            AppendCues(builder, negatives);
            AppendNegated(builder, negatedCues, negation, negatives.Count > 0);
            return builder.ToString();
        }

        if (negatives.Count == 0)
        {
            builder.Append("no verifiable deliverable: only ");
            AppendCues(builder, positives);
            AppendNegated(builder, negatedCues, negation, separator: true);
            return builder.ToString();
        }

        builder.Append("not measurable: ");
        AppendCues(builder, negatives);
        builder.Append(negatives.Count == 1 ? " outweighs " : " outweigh ");
        AppendCues(builder, positives);
        AppendNegated(builder, negatedCues, negation, separator: true);
        return builder.ToString();
    }

    private static List<MeasurabilityCue> Strongest(List<MeasurabilityCue> cues, bool positive, int count)
    {
        var chosen = new List<MeasurabilityCue>(count);
        foreach (var cue in cues)
        {
            if (positive ? cue.Weight <= 0 : cue.Weight >= 0 || cue.Kind == MeasurabilityCueKind.Negation) continue;
            chosen.Add(cue);
        }
        // Stable: strongest first, text order among equals.
        var ranked = new List<MeasurabilityCue>(chosen);
        ranked.Sort((a, b) =>
        {
            var byWeight = Math.Abs(b.Weight).CompareTo(Math.Abs(a.Weight));
            return byWeight != 0 ? byWeight : a.Start.CompareTo(b.Start);
        });
        if (ranked.Count > count) ranked.RemoveRange(count, ranked.Count - count);
        return ranked;
    }

    private static void AppendCues(StringBuilder builder, List<MeasurabilityCue> cues)
    {
        for (var k = 0; k < cues.Count; k++)
        {
            if (k > 0) builder.Append(", ");
            AppendCue(builder, cues[k]);
        }
    }

    private static void AppendNegated(StringBuilder builder, List<MeasurabilityCue> negated, MeasurabilityCue? negation, bool separator)
    {
        for (var k = 0; k < negated.Count && k < 2; k++)
        {
            if (separator || k > 0) builder.Append(", ");
            AppendCue(builder, negated[k]);
            builder.Append(" negated");
            if (negation is not null) builder.Append(" by \"").Append(OneLine(negation.Text)).Append('"');
        }
    }

    private static void AppendCue(StringBuilder builder, MeasurabilityCue cue) =>
        builder.Append(cue.KindName).Append(" \"").Append(OneLine(cue.Text)).Append('"');

    private static string OneLine(string text)
    {
        if (text.IndexOfAny(['\n', '\r', '\t']) < 0) return text;
        return text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
    }

    private void Compile(MeasurabilityLexicon lexicon, LanguageModel model, List<Token> tokens, ref char[] buffer, List<string> errors)
    {
        foreach (var word in lexicon.Stopwords) model.AddStopword(AddWord(word, ref buffer));
        foreach (var word in lexicon.SkipWords) model.AddSkipWord(AddWord(word, ref buffer));
        foreach (var word in lexicon.NegationOpeners) model.AddNegationOpener(AddWord(word, ref buffer));
        foreach (var word in lexicon.NegationClosers) model.AddNegationCloser(AddWord(word, ref buffer));
        foreach (var word in lexicon.ClauseNegations) model.AddClauseNegation(AddWord(word, ref buffer));

        foreach (var entry in lexicon.Entries)
        {
            var path = new List<int>();
            foreach (var part in entry.Words.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "#year") { path.Add(Vocabulary.YearId); continue; }
                if (part == "#number") { path.Add(Vocabulary.NumberId); continue; }
                tokens.Clear();
                MilestoneTokenizer.Tokenize(part, tokens, vocabulary, ref buffer, addWords: true);
                foreach (var token in tokens)
                {
                    if (token.Kind == TokenKind.Punctuation || token.Kind == TokenKind.Percent || token.WordId < 0) continue;
                    // Articles inside an expression are skipped at match time, so they are not part of its path.
                    if (path.Count > 0 && model.IsSkipWordPending(token.WordId)) continue;
                    path.Add(token.WordId);
                }
            }
            if (path.Count == 0)
            {
                errors.Add($"{lexicon.Source}:{entry.Line}: '{entry.Words}' has no word to match");
                continue;
            }
            model.Add(path, new CompiledEntry { Kind = entry.Kind, Weight = entry.Weight, Words = entry.Words });
        }
    }

    private int AddWord(string word, ref char[] buffer)
    {
        // Directive words are single tokens; an elided form ("don't") is known by its first part, as the tokenizer splits it.
        var apostrophe = word.IndexOfAny(['\'', '\u2019']);
        if (apostrophe > 0) word = word.Substring(0, apostrophe);
        var length = WordFolding.Fold(word, 0, word.Length, ref buffer);
        return length == 0 ? -1 : vocabulary.Add(buffer, length);
    }
}
