namespace OgpData.Csv;

/// <summary>
/// Protection against formula injection. A text cell that starts with <c>= + - @</c>, a tab or a carriage
/// return is run as a formula by spreadsheet programs; the writer puts an apostrophe in front of it. So that
/// reading gives back exactly what was written, the rule covers apostrophes too: the writer adds one
/// apostrophe when the text is any number of apostrophes followed by a dangerous character, and the reader
/// removes one apostrophe from exactly those cells. A cell like <c>'abc</c> is never touched.
/// </summary>
/// <remarks>Part of the shared <see cref="CsvDialect"/>: every reader of sheets undoes it.</remarks>
public static class FormulaGuard
{
    /// <summary>True when a spreadsheet could take the text (after its leading apostrophes) for a formula.</summary>
    public static bool NeedsProtection(string text)
    {
        if (text is null) throw new System.ArgumentNullException(nameof(text));
        var i = 0;
        while (i < text.Length && text[i] == '\'') i++;
        return i < text.Length && IsDangerous(text[i]);
    }

    /// <summary>The text as the writer puts it in a cell.</summary>
    public static string Protect(string text) => NeedsProtection(text) ? "'" + text : text;

    /// <summary>The text as it was before <see cref="Protect"/>: one apostrophe removed where the writer added one.</summary>
    public static string Unprotect(string cell) =>
        IsProtected(cell) ? cell.Substring(1) : cell;

    /// <summary>True when <paramref name="cell"/> starts with an apostrophe the writer added (which <see cref="Unprotect"/> removes).</summary>
    public static bool IsProtected(string cell) =>
        cell is not null && cell.Length > 1 && cell[0] == '\'' && NeedsProtection(cell);

    private static bool IsDangerous(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
