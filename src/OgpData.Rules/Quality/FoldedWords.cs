using System.Collections.Generic;
using System.Text;

namespace OgpData.Quality;

/// <summary>Splits prose into lower-case words without accents, so "Non commencé" and "non commence" compare equal.</summary>
internal static class FoldedWords
{
    /// <summary>Lower-case words without accents: "Non commencé" → ["non", "commence"].</summary>
    public static List<string> Of(string text)
    {
        var words = new List<string>();
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded != '\0')
            {
                builder.Append(folded);
                continue;
            }
            if (builder.Length > 0) { words.Add(builder.ToString()); builder.Clear(); }
        }
        if (builder.Length > 0) words.Add(builder.ToString());
        return words;
    }

    private static char Fold(char c)
    {
        if (c >= 'a' && c <= 'z') return c;
        if (c >= 'A' && c <= 'Z') return (char)(c + 32);
        if (!char.IsLetter(c)) return '\0';
        return char.ToLowerInvariant(c) switch
        {
            'à' or 'á' or 'â' or 'ä' or 'ã' => 'a',
            'ç' => 'c',
            'è' or 'é' or 'ê' or 'ë' => 'e',
            'ì' or 'í' or 'î' or 'ï' => 'i',
            'ò' or 'ó' or 'ô' or 'ö' or 'õ' => 'o',
            'ù' or 'ú' or 'û' or 'ü' => 'u',
            var other => other,
        };
    }

}
