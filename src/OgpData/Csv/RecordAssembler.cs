using System.Text.Json.Nodes;
using OgpData.Findings;

namespace OgpData.Csv;

/// <summary>
/// Reads a main sheet and its child sheets in step and hands over each record as soon as its rows are read,
/// so memory holds one record (plus the keys already seen), not the file. The rows of one record are expected
/// together, and child sheets in the main sheet's order — as every writer, flatten-tool included, puts them.
/// When they are not, nothing is dropped: rows that come back to a record already handed over become a
/// separate record with the same key, with a <see cref="RuleIds.CsvRowsOutOfOrder"/> warning naming the row.
/// </summary>
internal sealed class RecordAssembler
{
    private readonly Cursor _main;
    private readonly List<Cursor> _children;
    private readonly List<CsvProblem> _problems;
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    public RecordAssembler(IReadOnlyList<ISheetSource> sheets, CsvTypeMap types, IReadOnlyList<string> rootKeys, List<CsvProblem> problems)
    {
        _problems = problems;
        var cursors = sheets.Select(s => new Cursor(s, new SheetUnflattener(s.Headers, s.Sheet, types, rootKeys, problems, s.NamesCells))).ToList();
        _main = cursors[0];
        _children = cursors.Skip(1).ToList();
    }

    /// <summary>Reads every sheet to its end; <paramref name="onRecord"/> gets each record, its key (null when keyless), how many records with that key came before, and the cell each value came from.</summary>
    public int Run(Action<JsonObject, string?, int, CellOrigins> onRecord)
    {
        var count = 0;
        foreach (var cursor in _children) cursor.Advance();
        _main.Advance();
        while (_main.HasRow || _children.Any(c => c.HasRow))
        {
            // The main sheet leads; once it is done, what is left in child sheets becomes records of its own.
            var lead = _main.HasRow ? _main : _children.First(c => c.HasRow);
            var key = lead.Key;
            var record = new JsonObject();
            var origins = new CellOrigins();
            var firstRow = lead.Row;
            var occurrence = NextOccurrence(key);
            if (occurrence > 0 && key is not null)
            {
                _problems.Add(new CsvProblem
                {
                    RuleId = RuleIds.CsvRowsOutOfOrder, Severity = Severity.Warning, Sheet = lead.Reader.Sheet, Row = firstRow.Number, Line = firstRow.Line,
                    Message = $"{CsvProblem.Place(lead.Reader.Sheet, firstRow.Number, null)} belongs to {Describe(key)}, whose rows were already read further up; its rows from here on make a separate record.",
                });
            }
            TakeRows(lead, key, record, origins);
            foreach (var child in _children)
            {
                if (child != lead && key is not null) TakeRows(child, key, record, origins);
            }
            onRecord(record, key, occurrence, origins);
            count++;
        }
        return count;
    }

    private void TakeRows(Cursor cursor, string? key, JsonObject record, CellOrigins origins)
    {
        if (key is null)
        {
            // A row without key is a record of its own: nothing can name it.
            if (cursor.HasRow && cursor.Key is null)
            {
                cursor.Unflattener.Merge(cursor.Row, record, origins);
                cursor.Advance();
            }
            return;
        }
        while (cursor.HasRow && cursor.Key == key)
        {
            cursor.Unflattener.Merge(cursor.Row, record, origins);
            cursor.Advance();
        }
    }

    private int NextOccurrence(string? key)
    {
        key ??= "";
        _occurrences.TryGetValue(key, out var seen);
        _occurrences[key] = seen + 1;
        return seen;
    }

    private static string Describe(string key) => "the record keyed '" + key.Replace('\u001F', '/') + "'";

    private sealed class Cursor(ISheetSource reader, SheetUnflattener unflattener)
    {
        public ISheetSource Reader { get; } = reader;
        public SheetUnflattener Unflattener { get; } = unflattener;
        public bool HasRow { get; private set; }
        public CsvRow Row { get; private set; }
        public string? Key { get; private set; }

        public void Advance()
        {
            HasRow = Reader.Read(out var row);
            Row = row;
            Key = HasRow ? Unflattener.RootKey(row) : null;
        }
    }
}
