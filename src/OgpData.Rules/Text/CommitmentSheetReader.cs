using System;
using System.Collections.Generic;
using OgpData.Csv;

namespace OgpData.Text;

/// <summary>
/// Reads a commitments CSV sheet (flatten-tool headers relative to one commitment, one row per milestone,
/// rows sharing an <c>id</c> merged; see docs/formats/commitments-csv.md) into the same JSON text tree the
/// commitment rules walk, with every value's span on its cell in the CSV text. The rules therefore run
/// unchanged on a sheet, and each finding points at the cell that caused it.
/// </summary>
/// <remarks>
/// This is a reader for checking (the analyzers and <c>ogpdata validate</c> use it), not the converter: every
/// value is a string, and conflicts between rows keep the first value silently (<c>ogpdata convert</c>
/// reports them). It lives here, without dependencies, because the analyzers cannot load the library.
/// </remarks>
internal static class CommitmentSheetReader
{
    // A spreadsheet's own limits: a sheet beyond them did not come from one, and is refused rather than cut.
    private const int MaxRows = 1_048_576;
    private const int MaxColumns = 16_384;

    /// <summary>A cell: where its text lies in the sheet, and its unquoted value.</summary>
    private readonly struct Cell
    {
        public Cell(int start, int length, string value, int contentStart, bool exact)
        {
            Start = start; Length = length; Value = value; ContentStart = contentStart; IsExact = exact;
        }

        public int Start { get; }
        public int Length { get; }
        public string Value { get; }
        /// <summary>Where the value's first character is (after an opening quote).</summary>
        public int ContentStart { get; }
        /// <summary>True when the value's characters are the text's characters (no doubled quotes).</summary>
        public bool IsExact { get; }
    }

    /// <summary>Reads <paramref name="text"/>; a sheet without a header row gives an error.</summary>
    public static JsonTextDocument Read(string text)
    {
        var rows = Tokenize(text, out var unclosedQuote, out var rowsLeft);
        if (unclosedQuote >= 0)
        {
            var opened = new LineMap(text).GetPosition(unclosedQuote);
            return Unreadable(text, "the text ends inside the quoted cell opened at " + opened, text.Length);
        }
        if (rowsLeft >= 0) return Unreadable(text, "the sheet has more than " + MaxRows + " rows, a spreadsheet's limit", rowsLeft);
        if (rows.Count > 0 && rows[0].Count > MaxColumns)
        {
            return Unreadable(text, "the header row has " + rows[0].Count + " columns; a sheet has at most " + MaxColumns + ", a spreadsheet's limit", rows[0][MaxColumns].Start);
        }
        if (rows.Count == 0 || rows[0].Count == 0 || rows[0].TrueForAll(c => c.Value.Length == 0))
        {
            return new JsonTextDocument(text, null, new JsonTextError { Message = "the sheet has no header row", Offset = 0, Line = 1, Column = 1 });
        }

        var headers = rows[0];
        var paths = new string[headers.Count][];
        for (var i = 0; i < headers.Count; i++) paths[i] = headers[i].Value.Trim().Split('/');
        var layout = new Layout(paths);

        var root = new JsonTextNode(text, JsonTextKind.Object, 0, null, null, 0, 0, 0);
        var plans = Member(text, root, "actionPlans", JsonTextKind.Array, 0, 0);
        var plan = Item(text, plans, JsonTextKind.Object, 0, 0);
        var commitments = Member(text, plan, "commitments", JsonTextKind.Array, 0, 0);
        var byId = new Dictionary<string, JsonTextNode>(StringComparer.Ordinal);

        // A value beyond the last header has no path: refuse the sheet rather than drop the value silently.
        for (var r = 1; r < rows.Count; r++)
        {
            for (var c = headers.Count; c < rows[r].Count; c++)
            {
                if (rows[r][c].Value.Trim().Length == 0) continue;
                return Unreadable(text, "row " + (r + 1) + " has a value in column " + (c + 1) + ", beyond the " + headers.Count
                    + " columns of the header row", rows[r][c].Start);
            }
        }

        var idColumn = Array.FindIndex(paths, p => p.Length == 1 && p[0] == "id");
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.TrueForAll(c => c.Value.Trim().Length == 0)) continue;

            var id = idColumn >= 0 && idColumn < row.Count ? row[idColumn].Value.Trim() : "";
            if (id.Length == 0 || !byId.TryGetValue(id, out var commitment))
            {
                var first = FirstFilled(row);
                commitment = Item(text, commitments, JsonTextKind.Object, first.Start, first.Length);
                if (id.Length > 0) byId[id] = commitment;
            }

            // This row's item of each array (milestones/0, contacts/0, ...), found or created on first use.
            var rowItems = new Dictionary<string, JsonTextNode>(StringComparer.Ordinal);
            for (var c = 0; c < row.Count && c < paths.Length; c++)
            {
                var cell = row[c];
                if (cell.Value.Trim().Length == 0) continue;
                Place(text, commitment, paths[c], cell, rowItems, row, layout);
            }
        }
        return new JsonTextDocument(text, root, null);
    }

    private static JsonTextDocument Unreadable(string text, string message, int offset)
    {
        var position = new LineMap(text).GetPosition(offset);
        return new JsonTextDocument(text, null, new JsonTextError { Message = message, Offset = offset, Line = position.Line, Column = position.Column });
    }

    /// <summary>Puts one cell's value at its path under <paramref name="commitment"/>.</summary>
    private static void Place(string text, JsonTextNode commitment, string[] path, Cell cell, Dictionary<string, JsonTextNode> rowItems, List<Cell> row, Layout layout)
    {
        var node = commitment;
        for (var i = 0; i < path.Length - 1; i++)
        {
            var part = path[i];
            if (i + 1 < path.Length - 1 && IsIndex(path[i + 1]))
            {
                // "milestones/0/...": this row's item of the array; rows naming the same item id merge.
                var key = string.Join("/", path, 0, i + 2);
                if (!rowItems.TryGetValue(key, out var item))
                {
                    var array = node[part] ?? Member(text, node, part, JsonTextKind.Array, cell.Start, cell.Length);
                    if (array.Kind != JsonTextKind.Array) return;
                    var itemId = layout.IdOfItem(row, key);
                    item = layout.FindById(array, itemId);
                    if (item is null)
                    {
                        item = Item(text, array, JsonTextKind.Object, cell.Start, cell.Length);
                        if (itemId is not null) layout.Remember(array, itemId, item);
                    }
                    rowItems[key] = item;
                }
                node = item;
                i++;
                continue;
            }
            var child = node[part] ?? Member(text, node, part, JsonTextKind.Object, cell.Start, cell.Length);
            if (child.Kind != JsonTextKind.Object) return;
            node = child;
        }

        var name = path[path.Length - 1];
        if (node[name] is not null) return; // first value wins
        if (IsStringList(path))
        {
            var array = Member(text, node, name, JsonTextKind.Array, cell.Start, cell.Length);
            var offset = 0;
            foreach (var part in cell.Value.Split(';'))
            {
                var trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    var at = cell.IsExact ? cell.ContentStart + offset + part.IndexOf(trimmed, StringComparison.Ordinal) : cell.Start;
                    var length = cell.IsExact ? trimmed.Length : cell.Length;
                    var item = Item(text, array, JsonTextKind.String, at, length);
                    item.StringValue = trimmed;
                }
                offset += part.Length + 1;
            }
            return;
        }
        var value = Member(text, node, name, JsonTextKind.String, cell.Start, cell.Length);
        value.StringValue = cell.Value.Trim();
    }

    private static bool IsIndex(string part) => part.Length > 0 && char.IsDigit(part[0]);

    /// <summary>Arrays of strings are one cell split on ';' (ogpValues, otherActors/government, ...).</summary>
    private static bool IsStringList(string[] path) =>
        path[path.Length - 1] == "ogpValues" || (path.Length == 2 && path[0] == "otherActors");

    /// <summary>
    /// What the header row says once for the whole sheet: which column holds the id of each array item
    /// ("milestones/0" → the column of "milestones/0/id"), and the items of each array by id. Looking them up
    /// per cell by scanning would make a wide or long sheet quadratic.
    /// </summary>
    private sealed class Layout
    {
        private readonly Dictionary<string, int> _idColumns = new(StringComparer.Ordinal);
        private readonly Dictionary<JsonTextNode, Dictionary<string, JsonTextNode>> _itemsById = new();

        public Layout(string[][] paths)
        {
            for (var c = 0; c < paths.Length; c++)
            {
                var path = paths[c];
                if (path.Length < 2 || path[path.Length - 1] != "id") continue;
                var key = string.Join("/", path, 0, path.Length - 1);
                if (!_idColumns.ContainsKey(key)) _idColumns[key] = c;
            }
        }

        public string? IdOfItem(List<Cell> row, string itemKey)
        {
            if (!_idColumns.TryGetValue(itemKey, out var column) || column >= row.Count) return null;
            var id = row[column].Value.Trim();
            return id.Length > 0 ? id : null;
        }

        public JsonTextNode? FindById(JsonTextNode array, string? id) =>
            id is not null && _itemsById.TryGetValue(array, out var items) && items.TryGetValue(id, out var item) ? item : null;

        public void Remember(JsonTextNode array, string id, JsonTextNode item)
        {
            if (!_itemsById.TryGetValue(array, out var items)) _itemsById[array] = items = new Dictionary<string, JsonTextNode>(StringComparer.Ordinal);
            items[id] = item;
        }
    }

    private static Cell FirstFilled(List<Cell> row)
    {
        foreach (var cell in row) if (cell.Value.Trim().Length > 0) return cell;
        return row[0];
    }

    private static JsonTextNode Member(string text, JsonTextNode parent, string name, JsonTextKind kind, int start, int length)
    {
        // An object or array made of cells is shown at its first cell: its "name" is that cell too, so a
        // finding about it points into the row, never at the header.
        var node = new JsonTextNode(text, kind, start, parent, name, start, length, parent.Count) { Length = length };
        parent.Add(node);
        return node;
    }

    private static JsonTextNode Item(string text, JsonTextNode parent, JsonTextKind kind, int start, int length)
    {
        var node = new JsonTextNode(text, kind, start, parent, null, 0, 0, parent.Count) { Length = length };
        parent.Add(node);
        return node;
    }

    /// <summary>Splits the sheet into rows of cells by the shared <see cref="CsvDialect"/>: RFC 4180 quoting, the delimiter of the header line, the formula guard undone.</summary>
    private static List<List<Cell>> Tokenize(string text, out int unclosedQuote, out int rowsLeft)
    {
        unclosedQuote = -1;
        rowsLeft = -1;
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var delimiter = CsvDialect.DelimiterOf(text, position);
        var rows = new List<List<Cell>>();
        var row = new List<Cell>();
        var builder = new System.Text.StringBuilder();
        while (position <= text.Length)
        {
            var start = position;
            string value;
            int contentStart;
            var exact = true;
            if (position < text.Length && text[position] == '"')
            {
                contentStart = position + 1;
                builder.Clear();
                position++;
                var closed = false;
                while (position < text.Length)
                {
                    if (text[position] == '"')
                    {
                        if (position + 1 < text.Length && text[position + 1] == '"') { builder.Append('"'); position += 2; exact = false; continue; }
                        position++;
                        closed = true;
                        break;
                    }
                    builder.Append(text[position++]);
                }
                if (!closed)
                {
                    unclosedQuote = start;
                    return rows;
                }
                // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
                while (position < text.Length && text[position] != delimiter && text[position] != '\n' && text[position] != '\r')
                {
                    builder.Append(text[position++]);
                }
                value = builder.ToString();
            }
            else
            {
                contentStart = position;
                while (position < text.Length && text[position] != delimiter && text[position] != '\n' && text[position] != '\r') position++;
                value = text.Substring(start, position - start);
            }
            // The shared dialect: a data cell loses the apostrophe the writer's formula guard put in front of it.
            if (rows.Count > 0 && FormulaGuard.IsProtected(value))
            {
                value = value.Substring(1);
                contentStart++;
            }
            row.Add(new Cell(start, position - start, value, contentStart, exact));

            if (position < text.Length && text[position] == delimiter)
            {
                position++;
                continue;
            }
            rows.Add(row);
            row = new List<Cell>();
            if (position >= text.Length) break;
            if (text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n') position++;
            position++;
            if (position >= text.Length) break;
            if (rows.Count == MaxRows)
            {
                rowsLeft = position;
                break;
            }
        }
        return rows;
    }
}
