using System;
using System.Collections.Generic;

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
/// cancels it. Within one kind, cues count with diminishing returns: the strongest fully, the second half,
/// the third a third, and so on, so that repeating a word does not win by itself. The sum plus a negative bias (no evidence means
/// not checkable) goes through the logistic function: the score is on 0..1 and 0.5 means evidence for and
/// against balance.</para>
/// <para>Build one instance per configuration and reuse it: construction compiles the lexicons, and
/// <see cref="Classify"/> is thread-safe, reuses per-thread token buffers and allocates little beyond its
/// result.</para>
/// </remarks>
public sealed class MeasurabilityClassifier
{
    /// <summary>The score when no cue at all is found, before the logistic: a bare text is not checkable.</summary>
    internal const double Bias = -0.5;

    private const int KindCount = (int)MeasurabilityCueKind.BarePhase + 1;

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
        model ??= Detect(text, tokens);

        var cues = new CueScanner(text, tokens, model, isIdentifierMarker).Scan();
        var raw = Sum(cues);
        var score = 1.0 / (1.0 + Math.Exp(-raw));
        var measurable = score >= Options.Threshold;
        if (tokens.Count > 4096) threadTokens = null; // do not keep a huge text's token buffer alive on the thread

        return new MeasurabilityVerdict
        {
            IsMeasurable = measurable,
            Score = score,
            Language = model.Code,
            LanguageWasDetected = detected,
            Cues = cues.AsReadOnly(),
            Explanation = MeasurabilityExplanation.Write(cues, measurable),
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

    /// <summary>
    /// Picks the language with the most evidence: its function words (<c>@stopwords</c>) and the words spelt
    /// with its letters (<c>@letters</c>); ties go to the one whose lexicon starts most words, then to
    /// <see cref="MeasurabilityOptions.FallbackLanguage"/>.
    /// </summary>
    private LanguageModel Detect(string text, List<Token> tokens)
    {
        LanguageModel? best = null;
        var bestVotes = 0;
        var bestStarts = 0;
        foreach (var model in models.Values)
        {
            int votes = 0, starts = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Kind != TokenKind.Word) continue;
                if (model.IsStopword(token.WordId) || HasLetter(text, token, model.Letters)) votes++;
                if (model.StartsEntry(token.WordId)) starts++;
            }
            if (best is null || votes > bestVotes || (votes == bestVotes && starts > bestStarts))
            {
                best = model;
                bestVotes = votes;
                bestStarts = starts;
            }
        }
        if (bestVotes == 0 && bestStarts == 0 || best is null)
        {
            best = FindModel(Options.FallbackLanguage) ?? best ?? throw new InvalidOperationException("No lexicon declares a language.");
        }
        return best;
    }

    private static bool HasLetter(string text, Token token, string letters)
    {
        if (letters.Length == 0) return false;
        for (var i = token.Start; i < token.End; i++)
        {
            var c = text[i];
            if (c < 128) continue;
            if (letters.IndexOf(char.ToLowerInvariant(c)) >= 0) return true;
        }
        return false;
    }

    /// <summary>The bias plus, per kind, the cue weights strongest first: the first fully, the second half, the third a third...</summary>
    private static double Sum(List<MeasurabilityCue> cues)
    {
        var sum = Bias;
        if (cues.Count == 0) return sum;
        var seen = new int[KindCount];
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

    private void Compile(MeasurabilityLexicon lexicon, LanguageModel model, List<Token> tokens, ref char[] buffer, List<string> errors)
    {
        foreach (var word in lexicon.Stopwords) model.AddStopword(AddWord(word, ref buffer));
        foreach (var word in lexicon.SkipWords) model.AddSkipWord(AddWord(word, ref buffer));
        foreach (var word in lexicon.NegationOpeners) model.AddNegationOpener(AddWord(word, ref buffer));
        foreach (var word in lexicon.NegationClosers) model.AddNegationCloser(AddWord(word, ref buffer));
        foreach (var word in lexicon.ClauseNegations) model.AddClauseNegation(AddWord(word, ref buffer));
        model.AddLetters(lexicon.Letters);

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
