using System.Collections.Immutable;
using System.Text;

namespace OgpData.OcdsValidation;

/// <summary>Reads the codes of an OCDS codelist CSV (the <c>Code</c> column; quoted fields may hold commas and newlines).</summary>
public static class CodelistCsv
{
    /// <summary>The codes of the codelist, or null when the file has no <c>Code</c> column.</summary>
    public static ImmutableHashSet<string>? ReadCodes(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rows = Rows(text).GetEnumerator();
        if (!rows.MoveNext()) return null;
        var codeColumn = rows.Current.FindIndex(h => string.Equals(h.Trim(), "Code", StringComparison.OrdinalIgnoreCase));
        if (codeColumn < 0) return null;
        var codes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        while (rows.MoveNext())
        {
            if (rows.Current.Count > codeColumn && rows.Current[codeColumn].Length > 0) codes.Add(rows.Current[codeColumn]);
        }
        return codes.ToImmutable();
    }

    private static IEnumerable<List<string>> Rows(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString());
                field.Clear();
                if (row.Count > 1 || row[0].Length > 0) yield return row;
                row = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
