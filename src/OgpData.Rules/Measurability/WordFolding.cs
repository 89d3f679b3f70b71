namespace OgpData.Measurability;

/// <summary>
/// Folds a word to the form the lexicon is indexed by: lower case, no accents, ligatures spelt out, and a
/// light plural and feminine folding (a final s or x, then a final e, are dropped from words longer than
/// three letters; a final e twice). "Publiées", "publié" and "publiés" fold alike; so do "publications" and "publication",
/// "données" and "donnée", "publicaciones" and "publicación". Lexicon entries are folded the same way, so a
/// collision only ever merges forms that the lexicon treats alike.
/// </summary>
internal static class WordFolding
{
    /// <summary>Folds <paramref name="length"/> characters of <paramref name="text"/> into <paramref name="buffer"/>; returns the folded length.</summary>
    public static int Fold(string text, int start, int length, ref char[] buffer)
    {
        if (buffer.Length < length * 2 + 2) buffer = new char[length * 2 + 16];
        var count = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            switch (c)
            {
                case 'à': case 'â': case 'ä': case 'á': case 'ã': case 'å': buffer[count++] = 'a'; break;
                case 'ç': case 'ć': case 'č': buffer[count++] = 'c'; break;
                case 'è': case 'é': case 'ê': case 'ë': case 'ě': buffer[count++] = 'e'; break;
                case 'ì': case 'í': case 'î': case 'ï': buffer[count++] = 'i'; break;
                case 'ñ': case 'ń': buffer[count++] = 'n'; break;
                case 'ò': case 'ó': case 'ô': case 'ö': case 'õ': case 'ø': buffer[count++] = 'o'; break;
                case 'ù': case 'ú': case 'û': case 'ü': buffer[count++] = 'u'; break;
                case 'ý': case 'ÿ': buffer[count++] = 'y'; break;
                case 'œ': buffer[count++] = 'o'; buffer[count++] = 'e'; break;
                case 'æ': buffer[count++] = 'a'; buffer[count++] = 'e'; break;
                case 'ß': buffer[count++] = 's'; buffer[count++] = 's'; break;
                case 'º': buffer[count++] = 'o'; break;
                case '·': case '\u00AD': break; // inclusive writing "défenseur·e·s", soft hyphens
                default:
                    if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) buffer[count++] = c;
                    break;
            }
        }
        if (count > 3 && (buffer[count - 1] == 's' || buffer[count - 1] == 'x')) count--;
        // Twice, so that "publiée" (publiee) and "publié" (publie) both fold to "publi".
        if (count > 3 && buffer[count - 1] == 'e') count--;
        if (count > 3 && buffer[count - 1] == 'e') count--;
        return count;
    }

    /// <summary>A 64-bit FNV-1a hash of the folded characters.</summary>
    public static ulong Hash(char[] buffer, int length)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < length; i++)
        {
            hash ^= buffer[i];
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
