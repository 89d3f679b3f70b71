namespace OgpData.Csv;

/// <summary>
/// The CSV dialect every reader of sheets shares — the converter's reader in the library and the checking
/// reader the analyzers and <c>ogpdata validate</c> use — so that a sheet reads the same cell for cell
/// whichever reads it: the delimiter is told from the header line, and the writer's formula guard is undone
/// (<see cref="FormulaGuard.Unprotect"/>). Quoting is RFC 4180's: <c>"</c> opens and closes a quoted cell,
/// <c>""</c> inside one is a quote, and a quoted cell may hold delimiters and line breaks.
/// </summary>
public static class CsvDialect
{
    /// <summary>
    /// The delimiter of the header line that starts at <paramref name="start"/> in <paramref name="text"/>:
    /// the most frequent of <c>;</c>, <c>,</c> and tab outside quotes, <c>,</c> on a tie with it (and <c>;</c>
    /// on a tie between <c>;</c> and tab). The line ends at the first line break outside quotes.
    /// </summary>
    public static char DelimiterOf(string text, int start = 0)
    {
        if (text is null) throw new System.ArgumentNullException(nameof(text));
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c is '\n' or '\r') break;
            else if (c == ',') commas++;
            else if (c == ';') semicolons++;
            else if (c == '\t') tabs++;
        }
        if (semicolons > commas && semicolons >= tabs) return ';';
        if (tabs > commas && tabs > semicolons) return '\t';
        return ',';
    }
}
