using System;
using System.Collections.Generic;

namespace OgpData.Quality;

/// <summary>
/// The milestone status codes (also used for an assessment's <c>completion</c>) with their English and French
/// titles and the words plans write for them, and the matching that suggests the closest code for a word
/// that is not a code ("Susbtantiel voire complet" → substantial). The codes and titles must stay equal to
/// <c>schemas/ogp/codelists</c>; this copy exists because the rules cannot read files.
/// </summary>
public static class MilestoneStatusCodelist
{
    /// <summary>The codes, in order of progress.</summary>
    public static IReadOnlyList<string> Codes { get; } = new[] { "notStarted", "limited", "substantial", "complete", "withdrawn" };

    // Code, language, words as printed. The first English and French entries are the codelist titles; the
    // others are what the plans and self-assessments write ("Partiel" and "Non démarré" are the French
    // self-assessment's scale).
    private static readonly (string Code, string Language, string Title)[] Titles =
    {
        ("notStarted", "en", "Not started"), ("notStarted", "fr", "Non commencé"), ("notStarted", "fr", "Non démarré"),
        ("notStarted", "fr", "Pas commencé"), ("notStarted", "en", "Not yet started"),
        ("limited", "en", "Limited"), ("limited", "fr", "Limité"), ("limited", "fr", "Partiel"), ("limited", "fr", "Partielle"),
        ("substantial", "en", "Substantial"), ("substantial", "fr", "Substantiel"), ("substantial", "fr", "Substantielle"),
        ("complete", "en", "Complete"), ("complete", "en", "Completed"), ("complete", "fr", "Complet"), ("complete", "fr", "Complète"),
        ("complete", "fr", "Terminé"), ("complete", "fr", "Achevé"),
        ("withdrawn", "en", "Withdrawn"), ("withdrawn", "fr", "Retiré"), ("withdrawn", "fr", "Abandonné"),
    };

    /// <summary>How far (edits divided by the longer length) a word may be from a title and still be suggested.</summary>
    public const double MaxDistance = 0.25;

    private static readonly (string Code, string Language, string Title, string[] Words)[] Normalised = Prepare();

    private static readonly HashSet<string> CodeSet = new(Codes, StringComparer.Ordinal);

    /// <summary>True when <paramref name="value"/> is a code exactly (codes are case-sensitive).</summary>
    public static bool IsCode(string? value) => value is not null && CodeSet.Contains(value);

    /// <summary>
    /// The code closest to a status written in words, or null when none is close. The text is split into words
    /// (case and accents ignored); every run of words as long as a title is compared with it by edit distance
    /// (a swap of two letters counts as one edit), and with the codes themselves ("not_started"). When several
    /// codes are named ("Susbtantiel voire complet") the first named wins and the others are listed.
    /// </summary>
    /// <param name="text">The status as written.</param>
    /// <param name="language">The plan's language (<c>fr</c>, <c>en</c>): between an English and a French title as
    /// close, the plan's language wins; without it, French when the text has accents.</param>
    public static StatusSuggestion? Suggest(string? text, string? language = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = FoldedWords.Of(text!);
        if (words.Count == 0) return null;

        // The whole text written as a code with other case or separators: "Not Started", "not_started".
        var joined = string.Concat(words);
        foreach (var code in HasAccent(text!) ? Array.Empty<string>() : Codes)
        {
            if (string.Equals(joined, code, StringComparison.OrdinalIgnoreCase))
                return new StatusSuggestion(code, code, "en", 0, text!.Trim(), Array.Empty<string>());
        }

        var best = new List<(string Code, string Language, string Title, string Matched, double Distance, int Position)>();
        foreach (var (code, titleLanguage, title, titleWords) in Normalised)
        {
            var target = string.Concat(titleWords);
            for (var at = 0; at + titleWords.Length <= words.Count; at++)
            {
                var window = titleWords.Length == 1 ? words[at] : string.Concat(words.GetRange(at, titleWords.Length));
                if (window.Length < 4) continue;
                // Too different in length to be within the distance: skip the edit distance.
                if (Math.Abs(window.Length - target.Length) > MaxDistance * Math.Max(window.Length, target.Length)) continue;
                var distance = (double)EditDistance(window, target) / Math.Max(window.Length, target.Length);
                if (distance > MaxDistance) continue;
                best.Add((code, titleLanguage, title, string.Join(" ", words.GetRange(at, titleWords.Length)), distance, at));
            }
        }
        if (best.Count == 0) return null;

        // The code named first in the text, the closest title on a tie; then, between an English and a French
        // title as close ("Complète" folds to "complete"), the plan's language, else French when the text has accents.
        var preferred = language is "fr" or "en" ? language : HasAccent(text!) ? "fr" : "en";
        best.Sort((a, b) =>
        {
            if (a.Position != b.Position) return a.Position.CompareTo(b.Position);
            if (a.Distance != b.Distance) return a.Distance.CompareTo(b.Distance);
            return (a.Language == preferred ? 0 : 1).CompareTo(b.Language == preferred ? 0 : 1);
        });
        var chosen = best[0];
        var others = new List<string>();
        foreach (var candidate in best)
        {
            if (candidate.Code != chosen.Code && !others.Contains(candidate.Code)) others.Add(candidate.Code);
        }
        return new StatusSuggestion(chosen.Code, chosen.Title, chosen.Language, chosen.Distance, chosen.Matched, others);
    }

    private static bool HasAccent(string text)
    {
        foreach (var c in text)
        {
            if (c > 127 && char.IsLetter(c)) return true;
        }
        return false;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int EditDistance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }

    private static (string, string, string, string[])[] Prepare()
    {
        var prepared = new (string, string, string, string[])[Titles.Length];
        for (var i = 0; i < Titles.Length; i++) prepared[i] = (Titles[i].Code, Titles[i].Language, Titles[i].Title, FoldedWords.Of(Titles[i].Title).ToArray());
        return prepared;
    }
}

/// <summary>The code suggested for a status written in words.</summary>
/// <param name="Code">The suggested code.</param>
/// <param name="Title">The title or word it matched ("Substantiel").</param>
/// <param name="Language">The language of that title (<c>fr</c>, <c>en</c>).</param>
/// <param name="Distance">Edits divided by the longer length, 0 for an exact match.</param>
/// <param name="Matched">The words of the text that matched ("susbtantiel").</param>
/// <param name="OtherCodes">Other codes the text also names ("complete" in "Susbtantiel voire complet").</param>
public sealed record StatusSuggestion(string Code, string Title, string Language, double Distance, string Matched, IReadOnlyList<string> OtherCodes);
