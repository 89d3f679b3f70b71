using System.Collections.Generic;

namespace OgpData.Measurability;

/// <summary>A lexicon entry compiled for matching.</summary>
internal sealed class CompiledEntry
{
    public required MeasurabilityCueKind Kind { get; init; }
    public required double Weight { get; init; }
    public required string Words { get; init; }
}

/// <summary>
/// One language's lexicon, compiled once: a trie over vocabulary ids for the expressions, and flags per
/// vocabulary id for stopwords, skipped articles and the two halves of "ne … pas".
/// </summary>
internal sealed class LanguageModel
{
    private sealed class Node
    {
        public Dictionary<int, int>? Children;
        public CompiledEntry? Entry;
    }

    private readonly List<Node> _nodes = [new Node()];
    private readonly HashSet<int> _stopwords = new();
    private readonly HashSet<int> _skipWords = new();
    private readonly HashSet<int> _openers = new();
    private readonly HashSet<int> _closers = new();
    private readonly HashSet<int> _clauseNegations = new();
    private bool[] _isClauseNegation = [];
    private bool[] _isStopword = [];
    private bool[] _isSkipWord = [];
    private bool[] _isOpener = [];
    private bool[] _isCloser = [];
    private bool[] _startsEntry = [];

    public LanguageModel(string code) => Code = code;

    public string Code { get; }

    /// <summary>Lower-case letters that mark the language's spelling (from <c>@letters</c>).</summary>
    public string Letters { get; private set; } = string.Empty;

    public void AddLetters(string letters)
    {
        foreach (var letter in letters) if (Letters.IndexOf(letter) < 0) Letters += letter;
    }

    public bool IsStopword(int id) => id >= 0 && id < _isStopword.Length && _isStopword[id];
    public bool IsSkipWord(int id) => id >= 0 && id < _isSkipWord.Length && _isSkipWord[id];
    /// <summary>While compiling, before <see cref="Freeze"/>: is the word an article to skip?</summary>
    public bool IsSkipWordPending(int id) => _skipWords.Contains(id);
    public bool IsNegationOpener(int id) => id >= 0 && id < _isOpener.Length && _isOpener[id];
    public bool IsClauseNegation(int id) => id >= 0 && id < _isClauseNegation.Length && _isClauseNegation[id];
    public bool IsNegationCloser(int id) => id >= 0 && id < _isCloser.Length && _isCloser[id];
    public bool StartsEntry(int id) => id >= 0 && id < _startsEntry.Length && _startsEntry[id];

    public void AddStopword(int id) { if (id >= 0) _stopwords.Add(id); }
    public void AddSkipWord(int id) { if (id >= 0) _skipWords.Add(id); }
    public void AddNegationOpener(int id) { if (id >= 0) _openers.Add(id); }
    public void AddNegationCloser(int id) { if (id >= 0) _closers.Add(id); }
    public void AddClauseNegation(int id) { if (id >= 0) _clauseNegations.Add(id); }

    /// <summary>Adds an expression as a path of vocabulary ids; a later entry with the same path replaces the earlier.</summary>
    public void Add(List<int> path, CompiledEntry entry)
    {
        var node = 0;
        foreach (var id in path)
        {
            var children = _nodes[node].Children ??= new Dictionary<int, int>();
            if (!children.TryGetValue(id, out var next))
            {
                next = _nodes.Count;
                _nodes.Add(new Node());
                children.Add(id, next);
            }
            node = next;
        }
        _nodes[node].Entry = entry;
    }

    /// <summary>Turns the sets into flat arrays once every word is in the vocabulary.</summary>
    public void Freeze(int vocabularySize)
    {
        _isStopword = Flags(_stopwords, vocabularySize);
        _isSkipWord = Flags(_skipWords, vocabularySize);
        _isOpener = Flags(_openers, vocabularySize);
        _isCloser = Flags(_closers, vocabularySize);
        _clauseNegations.UnionWith(_openers);
        _isClauseNegation = Flags(_clauseNegations, vocabularySize);
        _startsEntry = Flags(_nodes[0].Children?.Keys ?? (IEnumerable<int>)[], vocabularySize);
    }

    private static bool[] Flags(IEnumerable<int> ids, int size)
    {
        var flags = new bool[size];
        foreach (var id in ids) flags[id] = true;
        return flags;
    }

    /// <summary>
    /// The longest entry starting at token <paramref name="start"/>. Articles listed by <c>@skip</c> may sit
    /// between the words of an expression ("adoption du décret" matches "adoption décret"); punctuation,
    /// addresses and unknown words end it.
    /// </summary>
    public CompiledEntry? Match(List<Token> tokens, int start, out int end)
    {
        end = start;
        CompiledEntry? best = null;
        var node = 0;
        for (var j = start; j < tokens.Count; j++)
        {
            var token = tokens[j];
            if (token.WordId < 0) break;
            var children = _nodes[node].Children;
            if (children is not null && children.TryGetValue(token.WordId, out var next))
            {
                node = next;
                if (_nodes[node].Entry is { } entry)
                {
                    best = entry;
                    end = j + 1;
                }
                continue;
            }
            if (j > start && IsSkipWord(token.WordId)) continue;
            break;
        }
        return best;
    }
}
