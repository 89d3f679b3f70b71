using System.Collections.Generic;

namespace OgpData.Measurability;

/// <summary>
/// Every folded word that some lexicon knows, each with a small integer id, so that the hot path compares
/// integers and never builds a string per token. Lookup hashes the folded characters and checks the stored
/// word, so a hash collision can never match the wrong word.
/// </summary>
internal sealed class Vocabulary
{
    /// <summary>The id every year token carries; lexicon entries spell it <c>#year</c>.</summary>
    public const int YearId = 0;
    /// <summary>The id every other number carries; lexicon entries spell it <c>#number</c>.</summary>
    public const int NumberId = 1;

    private readonly Dictionary<ulong, int> _idsByHash = new();
    private readonly List<string> _words = ["#year", "#number"];

    public int Count => _words.Count;

    public string this[int id] => _words[id];

    /// <summary>The id of a folded word, or -1.</summary>
    public int Find(char[] buffer, int length)
    {
        if (!_idsByHash.TryGetValue(WordFolding.Hash(buffer, length), out var id)) return -1;
        var word = _words[id];
        if (word.Length != length) return -1;
        for (var i = 0; i < length; i++)
        {
            if (word[i] != buffer[i]) return -1;
        }
        return id;
    }

    /// <summary>The id of a folded word, added when new (only while the classifier is being built).</summary>
    public int Add(char[] buffer, int length)
    {
        var hash = WordFolding.Hash(buffer, length);
        if (_idsByHash.TryGetValue(hash, out var existing))
        {
            // A 64-bit collision between two different lexicon words is not expected; keep the first and
            // make the second unmatchable rather than mismatched.
            return _words[existing] == new string(buffer, 0, length) ? existing : -1;
        }
        var id = _words.Count;
        _words.Add(new string(buffer, 0, length));
        _idsByHash.Add(hash, id);
        return id;
    }
}
