using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;

namespace OgpData.Measurability;

/// <summary>One line of a lexicon: words, what they mean and how much they weigh.</summary>
public sealed record LexiconEntry
{
    /// <summary>The words as written in the lexicon ("mise en ligne", "d'ici #year").</summary>
    public required string Words { get; init; }

    /// <summary>What the words say about measurability.</summary>
    public required MeasurabilityCueKind Kind { get; init; }

    /// <summary>The signed contribution to the score (positive: checkable).</summary>
    public required double Weight { get; init; }

    /// <summary>The 1-based line in the lexicon text.</summary>
    public int Line { get; init; }
}

/// <summary>
/// A word list for one language (or for every language when <see cref="Language"/> is null), read from the
/// line format of <c>Measurability/Lexicons/*.txt</c>:
/// <code>
/// @language fr
/// @stopwords le les des         (function words that identify the language)
/// @letters àâçèêëîïôùûœ         (letters that identify it)
/// @skip le la les l un une d de (articles ignored inside expressions)
/// @negation-open ne n           (negations that need a closing word: "ne … pas")
/// @negation-close pas plus jamais
/// @negation-clause not never    (negations that cover their whole clause)
/// deliverable 1.2 mise en ligne
/// </code>
/// A line that cannot be read is reported in <see cref="Errors"/> and skipped; reading never throws.
/// </summary>
public sealed class MeasurabilityLexicon
{
    private static readonly Lazy<IReadOnlyList<MeasurabilityLexicon>> BuiltInLexicons = new(LoadBuiltIn);

    private MeasurabilityLexicon(string? language, string source, IReadOnlyList<LexiconEntry> entries,
        IReadOnlyList<string> stopwords, IReadOnlyList<string> skipWords, IReadOnlyList<string> negationOpeners,
        IReadOnlyList<string> negationClosers, IReadOnlyList<string> clauseNegations, string letters, IReadOnlyList<string> errors)
    {
        Language = language;
        Source = source;
        Entries = entries;
        Stopwords = stopwords;
        SkipWords = skipWords;
        NegationOpeners = negationOpeners;
        NegationClosers = negationClosers;
        ClauseNegations = clauseNegations;
        Letters = letters;
        Errors = errors;
    }

    /// <summary>The language code of <c>@language</c>, or null when the entries apply to every language.</summary>
    public string? Language { get; }

    /// <summary>Where the text came from, for messages ("fr.txt", "extra lexicon 1").</summary>
    public string Source { get; }

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<LexiconEntry> Entries { get; }

    /// <summary>Function words that identify the language (<c>@stopwords</c>).</summary>
    public IReadOnlyList<string> Stopwords { get; }

    /// <summary>Articles ignored inside expressions (<c>@skip</c>).</summary>
    public IReadOnlyList<string> SkipWords { get; }

    /// <summary>Negation words that only count with a closing word after them (<c>@negation-open</c>, "ne").</summary>
    public IReadOnlyList<string> NegationOpeners { get; }

    /// <summary>The closing words of a two-part negation (<c>@negation-close</c>, "pas", "plus", "jamais").</summary>
    public IReadOnlyList<string> NegationClosers { get; }

    /// <summary>
    /// Negation words that negate their whole clause, cues before them included (<c>@negation-clause</c>:
    /// "not", "never"; the openers of <c>@negation-open</c> always do). Others reach forward only ("sans", "without").
    /// </summary>
    public IReadOnlyList<string> ClauseNegations { get; }

    /// <summary>Letters that mark the language's spelling (<c>@letters</c>: "ç", "è" for French; "ñ", "ó" for Spanish).</summary>
    public string Letters { get; }

    /// <summary>Lines that could not be read, as "source:line: reason".</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The lexicons embedded in the assembly: French, English and Spanish.</summary>
    public static IReadOnlyList<MeasurabilityLexicon> BuiltIn => BuiltInLexicons.Value;

    /// <summary>Reads a lexicon text. Never throws for bad content: bad lines go to <see cref="Errors"/>.</summary>
    public static MeasurabilityLexicon Parse(string text, string source = "lexicon")
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        string? language = null;
        var entries = new List<LexiconEntry>();
        var stopwords = new List<string>();
        var skip = new List<string>();
        var openers = new List<string>();
        var closers = new List<string>();
        var clause = new List<string>();
        var letters = new System.Text.StringBuilder();
        var errors = new List<string>();

        var lineNumber = 0;
        using var reader = new StringReader(text);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            var content = line.Trim();
            if (content.Length == 0 || content[0] == '#') continue;
            if (content[0] == '@')
            {
                ReadDirective(content, ref language, stopwords, skip, openers, closers, clause, letters, errors, source, lineNumber);
                continue;
            }

            // kind weight words...
            var firstSpace = content.IndexOfAny(Blanks);
            var secondSpace = firstSpace < 0 ? -1 : IndexOfBlankAfter(content, firstSpace);
            if (firstSpace < 0 || secondSpace < 0)
            {
                errors.Add($"{source}:{lineNumber}: expected 'kind weight words'");
                continue;
            }
            var kindText = content.Substring(0, firstSpace);
            var weightText = content.Substring(firstSpace, secondSpace - firstSpace).Trim();
            var words = content.Substring(secondSpace).Trim();
            if (!MeasurabilityCueKinds.TryParse(kindText, out var kind))
            {
                errors.Add($"{source}:{lineNumber}: unknown kind '{kindText}'");
                continue;
            }
            if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || double.IsNaN(weight) || double.IsInfinity(weight))
            {
                errors.Add($"{source}:{lineNumber}: weight '{weightText}' is not a number");
                continue;
            }
            if (words.Length == 0)
            {
                errors.Add($"{source}:{lineNumber}: no words");
                continue;
            }
            entries.Add(new LexiconEntry { Words = words, Kind = kind, Weight = weight, Line = lineNumber });
        }

        return new MeasurabilityLexicon(language, source, entries, stopwords, skip, openers, closers, clause, letters.ToString(), errors);
    }

    private static readonly char[] Blanks = [' ', '\t'];

    private static int IndexOfBlankAfter(string content, int position)
    {
        var i = position;
        while (i < content.Length && (content[i] == ' ' || content[i] == '\t')) i++;
        return content.IndexOfAny(Blanks, i);
    }

    private static void ReadDirective(string content, ref string? language, List<string> stopwords, List<string> skip,
        List<string> openers, List<string> closers, List<string> clause, System.Text.StringBuilder letters, List<string> errors, string source, int lineNumber)
    {
        var parts = content.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
        var arguments = new List<string>(parts.Length);
        for (var i = 1; i < parts.Length; i++) arguments.Add(parts[i]);
        switch (parts[0].ToLowerInvariant())
        {
            case "@language":
                if (arguments.Count != 1) errors.Add($"{source}:{lineNumber}: @language takes one code");
                else language = arguments[0].ToLowerInvariant();
                break;
            case "@stopwords": stopwords.AddRange(arguments); break;
            case "@skip": skip.AddRange(arguments); break;
            case "@negation-open": openers.AddRange(arguments); break;
            case "@negation-close": closers.AddRange(arguments); break;
            case "@negation-clause": clause.AddRange(arguments); break;
            case "@letters": foreach (var argument in arguments) letters.Append(argument.ToLowerInvariant()); break;
            default: errors.Add($"{source}:{lineNumber}: unknown directive '{parts[0]}'"); break;
        }
    }

    private static IReadOnlyList<MeasurabilityLexicon> LoadBuiltIn()
    {
        var assembly = typeof(MeasurabilityLexicon).Assembly;
        var lexicons = new List<MeasurabilityLexicon>();
        foreach (var code in new[] { "fr", "en", "es" })
        {
            var name = "OgpData.Measurability.Lexicons." + code + ".txt";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded lexicon '{name}' is missing from {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            lexicons.Add(Parse(reader.ReadToEnd(), code + ".txt"));
        }
        return lexicons;
    }
}
