using System;
using System.Collections.Generic;

namespace OgpData.Measurability;

/// <summary>
/// Decides whether a milestone is measurable in the IRM's sense — could an independent reviewer check from
/// public evidence that it was done, without interpreting vague words? — with a logistic regression learned
/// from a labelled corpus (<see cref="MeasurabilityModel"/>) over features a reader would look at: the word
/// classes of the lexicons (deliverables, events, quantities, dates, vague activities, hedges, negations, bare
/// phases; French, English, Spanish) and whether they head the milestone, word stems, the head word and pairs of
/// words (<see cref="MeasurabilityFeatures"/>). Transparent: every verdict lists its cues with their learned
/// weights, and the weights plus the bias are the logit of the score.
/// </summary>
/// <remarks>
/// <para>Three outcomes: a score below <see cref="MeasurabilityOptions.Threshold"/> is not measurable (OGP0001),
/// below <see cref="MeasurabilityOptions.UncertainBelow"/> uncertain, above it measurable.</para>
/// <para>Build one instance per configuration and reuse it: construction compiles the lexicons, and
/// <see cref="Classify"/> is thread-safe, reuses per-thread buffers and allocates little beyond its result.</para>
/// </remarks>
public sealed class MeasurabilityClassifier
{
    private static readonly string[] IdentifierMarkers =
    [
        "n", "no", "nº", "nr", "numéro", "number", "número", "article", "art", "artículo", "section", "chapter", "chapitre",
        "capítulo", "engagement", "commitment", "compromiso", "annexe", "annex", "anexo", "objectif", "objective",
        "objetivo", "goal", "odd", "sdg", "ods", "version", "iso", "décret", "loi", "ley", "law", "act", "phase", "step", "étape",
    ];

    private static readonly Lazy<MeasurabilityClassifier> DefaultInstance = new(() => new MeasurabilityClassifier());

    [ThreadStatic] private static List<Token>? threadTokens;
    [ThreadStatic] private static char[]? threadBuffer;
    [ThreadStatic] private static MeasurabilityFeatures? threadFeatures;
    [ThreadStatic] private static double[]? threadTokenWeights;

    private readonly Vocabulary _vocabulary = new();
    private readonly Dictionary<string, LanguageModel> _models = new(StringComparer.Ordinal);
    private readonly bool[] _isIdentifierMarker;
    private readonly MeasurabilityModel _weights;

    /// <summary>The classifier with the built-in lexicons, the built-in weights and default options, compiled once.</summary>
    public static MeasurabilityClassifier Default => DefaultInstance.Value;

    /// <summary>Compiles the built-in lexicons plus the extra ones of <paramref name="options"/>.</summary>
    public MeasurabilityClassifier(MeasurabilityOptions? options = null) : this(options, MeasurabilityModel.BuiltIn) { }

    /// <summary>A classifier with other weights: the training command's folds, and the hand-weighted baseline.</summary>
    internal MeasurabilityClassifier(MeasurabilityOptions? options, MeasurabilityModel learned)
    {
        _weights = learned;
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
            if (lexicon.Language is { } code && !_models.ContainsKey(code))
            {
                _models.Add(code, new LanguageModel(code));
                languages.Add(code);
            }
        }

        var buffer = new char[64];
        var tokens = new List<Token>();
        foreach (var lexicon in lexicons)
        {
            foreach (var code in languages)
            {
                if (lexicon.Language is null || lexicon.Language == code) Compile(lexicon, _models[code], tokens, ref buffer, errors);
            }
        }

        var markers = new List<int>();
        foreach (var marker in IdentifierMarkers) markers.Add(AddWord(marker, ref buffer));
        foreach (var model in _models.Values) model.Freeze(_vocabulary.Count);
        _isIdentifierMarker = new bool[_vocabulary.Count];
        foreach (var id in markers) if (id >= 0) _isIdentifierMarker[id] = true;

        Languages = languages;
        LexiconErrors = errors;
    }

    /// <summary>The options this classifier was built with.</summary>
    public MeasurabilityOptions Options { get; }

    /// <summary>The language codes the lexicons cover ("fr", "en", "es").</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>Lexicon lines that could not be read (from extra lexicons, normally), as "source:line: reason".</summary>
    public IReadOnlyList<string> LexiconErrors { get; }

    /// <summary>The learned weights this classifier applies.</summary>
    internal MeasurabilityModel Model => _weights;

    /// <summary>
    /// Classifies one milestone text. <paramref name="language"/> is "fr", "en" or "es" (a region suffix such as
    /// "fr-LU" is ignored); when it is null or not covered, the language is detected from the words and the
    /// verdict says so. Never throws for any text.
    /// </summary>
    public MeasurabilityVerdict Classify(string text, string? language = null)
    {
        text ??= string.Empty;
        var model = Read(text, language, out var tokens, out var cues, out var features, out var detected);

        // Every weight goes to the words it stands on: a class weight to its cue, a word's to its token.
        var logit = _weights.Bias;
        for (var k = 0; k < cues.Count; k++)
        {
            var slot = features.CueSlots[k];
            var contribution = slot < 0 ? 0 : _weights.ClassWeight(slot) * features.CueValues[k];
            if (k == features.PatternCue) contribution += _weights.ClassWeight(features.Pattern);
            cues[k] = cues[k] with { Weight = contribution };
            logit += contribution;
        }
        // A pattern of absence (nothing concrete named) has no word to stand on: it is part of the base.
        if (features.Pattern >= 0 && features.PatternCue < 0) logit += _weights.ClassWeight(features.Pattern);
        var tokenWeights = threadTokenWeights is { } reused && reused.Length >= tokens.Count ? reused : new double[Math.Max(64, tokens.Count)];
        Array.Clear(tokenWeights, 0, tokens.Count);
        foreach (var term in features.Terms)
        {
            var w = term.Kind switch
            {
                TermKind.Word => _weights.WordWeight(term.Stem),
                TermKind.Head => _weights.HeadWeight(term.Stem),
                _ => _weights.PairWeight(term.Stem, term.SecondStem),
            };
            if (w == 0) continue;
            logit += w;
            if (term.LastToken == term.Token) tokenWeights[term.Token] += w;
            else
            {
                tokenWeights[term.Token] += w / 2;
                tokenWeights[term.LastToken] += w / 2;
            }
        }
        AttachWords(text, tokens, tokenWeights, cues, model);
        if (tokens.Count <= 4096) threadTokenWeights = tokenWeights;
        else threadTokens = null; // do not keep a huge text's token buffer alive on the thread

        var score = 1.0 / (1.0 + Math.Exp(-logit));
        var outcome = score < Options.Threshold ? MeasurabilityOutcome.NotMeasurable
            : score < Options.UncertainBelow ? MeasurabilityOutcome.Uncertain
            : MeasurabilityOutcome.Measurable;
        return new MeasurabilityVerdict
        {
            IsMeasurable = outcome != MeasurabilityOutcome.NotMeasurable,
            Outcome = outcome,
            Score = score,
            Language = model.Code,
            LanguageWasDetected = detected,
            Cues = cues.AsReadOnly(),
            Explanation = MeasurabilityExplanation.Write(cues, outcome),
        };
    }

    /// <summary>
    /// The features of a text, as training sees them (the same reading as <see cref="Classify"/>). The
    /// returned object is reused by the next call on the thread.
    /// </summary>
    internal MeasurabilityFeatures ReadFeatures(string text, string? language, out List<Token> tokens)
    {
        Read(text ?? string.Empty, language, out tokens, out _, out var features, out _);
        return features;
    }

    private LanguageModel Read(string text, string? language, out List<Token> tokens, out List<MeasurabilityCue> cues,
        out MeasurabilityFeatures features, out bool detected)
    {
        tokens = threadTokens ??= new List<Token>(64);
        var buffer = threadBuffer ??= new char[64];
        tokens.Clear();
        MilestoneTokenizer.Tokenize(text, tokens, _vocabulary, ref buffer, stems: _weights.Stems, addStems: _weights.IsOpen);
        threadBuffer = buffer;

        var model = FindModel(language);
        detected = model is null;
        model ??= Detect(text, tokens);

        cues = new CueScanner(text, tokens, model, _isIdentifierMarker).Scan();
        features = threadFeatures ??= new MeasurabilityFeatures();
        features.Read(tokens, cues, model, _weights.Stems.Count);
        return model;
    }

    /// <summary>
    /// Adds each word's learned weight to the cue it belongs to, and makes a word cue of every weighted word
    /// outside the lexicon cues, so that the cues name every word that moved the score.
    /// </summary>
    private static void AttachWords(string text, List<Token> tokens, double[] tokenWeights, List<MeasurabilityCue> cues, LanguageModel model)
    {
        var lexiconCues = cues.Count;
        var cursor = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var w = tokenWeights[i];
            if (w == 0) continue;
            var token = tokens[i];
            var owner = MeasurabilityFeatures.Covering(cues, lexiconCues, token.Start, ref cursor);
            if (owner >= 0)
            {
                cues[owner] = cues[owner] with { Weight = cues[owner].Weight + w };
                continue;
            }
            cues.Add(new MeasurabilityCue
            {
                Text = text.Substring(token.Start, token.Length),
                Start = token.Start,
                Length = token.Length,
                Kind = MeasurabilityCueKind.Word,
                Weight = w,
                IsFunctionWord = model.IsStopword(token.WordId) || model.IsSkipWord(token.WordId),
            });
        }
        if (cues.Count > lexiconCues) cues.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
    }

    private LanguageModel? FindModel(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var code = language!.Trim().ToLowerInvariant();
        var dash = code.IndexOfAny(['-', '_']);
        if (dash > 0) code = code.Substring(0, dash);
        return _models.TryGetValue(code, out var model) ? model : null;
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
        foreach (var model in _models.Values)
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
                MilestoneTokenizer.Tokenize(part, tokens, _vocabulary, ref buffer, addWords: true);
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
        return length == 0 ? -1 : _vocabulary.Add(buffer, length);
    }
}
