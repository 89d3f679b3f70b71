using System.Text.Json.Nodes;
using OgpData.Findings;

namespace OgpData.Csv;

/// <summary>
/// Turns the rows of one sheet into JSON objects, flatten-tool's way. Within a row, the numbers in the
/// headers say which array item a cell belongs to. Across rows, an array item with an <c>id</c> merges into
/// the item with the same <c>id</c> that earlier rows made (first value wins; a different value is a
/// <see cref="RuleIds.CsvMergeConflict"/> naming both cells); an item without <c>id</c> is a new item.
/// </summary>
internal sealed class SheetUnflattener
{
    private readonly Column?[] _columns;
    private readonly string[] _headers;
    private readonly string? _sheet;
    private readonly List<CsvProblem> _problems;
    private readonly int[] _keyColumns;
    private readonly bool _namesCells;

    public SheetUnflattener(string[] headers, string? sheet, CsvTypeMap types, IReadOnlyList<string> rootKeys, List<CsvProblem> problems, bool namesCells = false)
    {
        _headers = headers;
        _namesCells = namesCells;
        _sheet = sheet;
        _problems = problems;
        _columns = new Column?[headers.Length];
        var keys = new int[rootKeys.Count];
        Array.Fill(keys, -1);
        for (var i = 0; i < headers.Length; i++)
        {
            if (headers[i].Length == 0) continue; // an unnamed column: flatten-tool ignores it too
            var path = HeaderPath.TryParse(headers[i], out var reason);
            if (path is null)
            {
                problems.Add(new CsvProblem
                {
                    RuleId = RuleIds.CsvBadHeader, Severity = Severity.Warning, Sheet = sheet, Row = 1, Column = headers[i], ColumnNumber = ColumnNumber(i),
                    Message = $"{CsvProblem.Place(sheet, 1, headers[i], ColumnNumber(i))}: the header is not a path ({reason}); the column is ignored.",
                });
                continue;
            }
            var kind = types.Find(path.GenericPath) ?? FieldKind.String;
            // A numbered column of a list (ogpValues/0) holds one item, read as the list's items are.
            if (path.Steps[^1].IsIndex) kind = ItemKindOf(kind);
            _columns[i] = new Column(path, kind);
            for (var k = 0; k < rootKeys.Count; k++)
            {
                if (path.Steps.Length == 1 && path.Steps[0].Name == rootKeys[k] && keys[k] < 0) keys[k] = i;
            }
        }
        _keyColumns = keys;
    }

    // A workbook names a cell by its column letter (Sheet!C4); a CSV by its header only.
    private int ColumnNumber(int index) => _namesCells ? index + 1 : 0;

    /// <summary>The key that groups the rows of one root object (<c>ocid</c> and <c>id</c> joined), or null when a key cell is empty.</summary>
    public string? RootKey(in CsvRow row)
    {
        if (_keyColumns.Length == 0) return null;
        if (_keyColumns.Length == 1) return _keyColumns[0] < 0 || row.Cells[_keyColumns[0]].Length == 0 ? null : row.Cells[_keyColumns[0]];
        var parts = new string[_keyColumns.Length];
        for (var k = 0; k < _keyColumns.Length; k++)
        {
            if (_keyColumns[k] < 0 || row.Cells[_keyColumns[k]].Length == 0) return null;
            parts[k] = row.Cells[_keyColumns[k]];
        }
        return string.Join('\u001F', parts);
    }

    /// <summary>Merges one row into <paramref name="root"/> (a new root for the first row of an object).</summary>
    public void Merge(in CsvRow row, JsonObject root, CellOrigins origins)
    {
        var tree = new RowObject();
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            var cell = row.Cells[i];
            if (column is null || cell.Length == 0) continue;
            if (!CellValues.TryRead(cell, column.Kind, out var value))
            {
                _problems.Add(new CsvProblem
                {
                    RuleId = RuleIds.CsvCellTypeMismatch, Severity = Severity.Warning, Sheet = _sheet, Row = row.Number, Line = row.Line,
                    Column = _headers[i], ColumnNumber = ColumnNumber(i), Value = cell,
                    Message = $"{CsvProblem.Place(_sheet, row.Number, _headers[i], ColumnNumber(i))}: '{cell}' is not {Article(column.Kind)}; kept as text.",
                });
            }
            Insert(tree, column.Path.Steps, new RowValue(value, new CellOrigin(_sheet, row.Number, row.Line, _headers[i], ColumnNumber(i))));
        }
        MergeObject(tree, root, origins, row.Number);
    }

    private void Insert(RowObject tree, PathStep[] steps, RowValue value)
    {
        RowNode current = tree;
        for (var s = 0; s < steps.Length; s++)
        {
            var last = s == steps.Length - 1;
            var step = steps[s];
            RowNode? next;
            if (current is RowObject obj && !step.IsIndex)
            {
                next = obj.Find(step.Name!);
                if (last)
                {
                    if (next is null) obj.Members.Add(new(step.Name!, value));
                    else Clash(value, "another column already gave this field");
                    return;
                }
                if (next is null)
                {
                    next = steps[s + 1].IsIndex ? new RowArray() : new RowObject();
                    obj.Members.Add(new(step.Name!, next));
                }
            }
            else if (current is RowArray array && step.IsIndex)
            {
                array.Items.TryGetValue(step.Index, out next);
                if (last)
                {
                    if (next is null) array.Items.Add(step.Index, value);
                    else Clash(value, "another column already gave this item");
                    return;
                }
                if (next is null)
                {
                    next = new RowObject();
                    array.Items.Add(step.Index, next);
                }
            }
            else
            {
                Clash(value, "another column uses this path for an object and this one for an array, or the other way round");
                return;
            }
            current = next;
        }
    }

    private void Clash(RowValue value, string reason)
    {
        var header = value.Origin.Header;
        _problems.Add(new CsvProblem
        {
            RuleId = RuleIds.CsvBadHeader, Severity = Severity.Warning, Sheet = _sheet, Row = value.Origin.Row, Line = value.Origin.Line, Column = header, ColumnNumber = value.Origin.ColumnNumber,
            Message = $"{CsvProblem.Place(_sheet, value.Origin.Row, header, value.Origin.ColumnNumber)}: the cell is ignored ({reason}).",
        });
    }

    private void MergeObject(RowObject source, JsonObject target, CellOrigins origins, int row)
    {
        foreach (var (name, node) in source.Members)
        {
            var existing = target[name];
            var present = existing is not null || target.ContainsKey(name);
            switch (node)
            {
                case RowValue value:
                    if (!present)
                    {
                        target[name] = value.Value;
                        origins.Remember(value.Value, value.Origin);
                    }
                    else if (!JsonNode.DeepEquals(existing, value.Value))
                    {
                        Conflict(existing, value, origins);
                    }
                    break;
                case RowObject child:
                    if (!present)
                    {
                        existing = new JsonObject();
                        target[name] = existing;
                    }
                    if (existing is JsonObject childTarget) MergeObject(child, childTarget, origins, row);
                    else ShapeConflict(child, existing, origins);
                    break;
                case RowArray items:
                    if (!present)
                    {
                        existing = new JsonArray();
                        target[name] = existing;
                    }
                    if (existing is JsonArray arrayTarget) MergeArray(items, arrayTarget, origins, row);
                    else ShapeConflict(items, existing, origins);
                    break;
            }
        }
    }

    private void MergeArray(RowArray source, JsonArray target, CellOrigins origins, int row)
    {
        // Items this row adds are not candidates for its other items: within a row, the index decides.
        var before = target.Count;
        foreach (var (index, node) in source.Items)
        {
            if (node is RowObject item)
            {
                JsonObject? match = null;
                if (item.Find("id") is RowValue id)
                {
                    for (var i = 0; i < before; i++)
                    {
                        if (target[i] is JsonObject candidate && JsonNode.DeepEquals(candidate["id"], id.Value))
                        {
                            match = candidate;
                            break;
                        }
                    }
                }
                if (match is null)
                {
                    match = new JsonObject();
                    target.Add((JsonNode)match);
                }
                MergeObject(item, match, origins, row);
            }
            else if (node is RowValue value)
            {
                if (index < before && target[index] is { } existing)
                {
                    if (!JsonNode.DeepEquals(existing, value.Value)) Conflict(existing, value, origins);
                }
                else
                {
                    target.Add(value.Value);
                    origins.Remember(value.Value, value.Origin);
                }
            }
        }
    }

    private void Conflict(JsonNode? existing, RowValue value, CellOrigins origins)
    {
        var header = value.Origin.Header;
        var first = existing is not null && origins.Find(existing) is { } origin
            ? CsvProblem.Place(origin.Sheet, origin.Row, origin.Header, origin.ColumnNumber)
            : "an earlier row";
        _problems.Add(new CsvProblem
        {
            RuleId = RuleIds.CsvMergeConflict, Severity = Severity.Warning, Sheet = _sheet, Row = value.Origin.Row, Line = value.Origin.Line, Column = header, ColumnNumber = value.Origin.ColumnNumber,
            Value = JsonText.Of(value.Value),
            Message = $"{CsvProblem.Place(_sheet, value.Origin.Row, header, value.Origin.ColumnNumber)}: {JsonText.Of(value.Value)} differs from {JsonText.Of(existing)} in {first} for the same object; the first value is kept.",
        });
    }

    private void ShapeConflict(RowNode node, JsonNode? existing, CellOrigins origins)
    {
        var value = FirstValue(node);
        if (value is null) return;
        Conflict(existing, value, origins);
    }

    private static RowValue? FirstValue(RowNode node) => node switch
    {
        RowValue value => value,
        RowObject obj => obj.Members.Select(m => FirstValue(m.Value)).FirstOrDefault(v => v is not null),
        RowArray array => array.Items.Values.Select(FirstValue).FirstOrDefault(v => v is not null),
        _ => null,
    };

    private static FieldKind ItemKindOf(FieldKind kind) => kind switch
    {
        FieldKind.StringArray => FieldKind.String,
        FieldKind.NumberArray => FieldKind.Number,
        FieldKind.BooleanArray => FieldKind.Boolean,
        _ => kind,
    };

    private static string Article(FieldKind kind) => kind switch
    {
        FieldKind.Number => "a number",
        FieldKind.Integer => "a whole number",
        FieldKind.Boolean => "true or false",
        FieldKind.NumberArray => "a list of numbers separated by ';'",
        FieldKind.BooleanArray => "a list of true/false separated by ';'",
        _ => "text",
    };

    private sealed record Column(HeaderPath Path, FieldKind Kind);

    private abstract class RowNode;

    private sealed class RowObject : RowNode
    {
        public List<KeyValuePair<string, RowNode>> Members { get; } = [];

        public RowNode? Find(string name)
        {
            foreach (var member in Members)
            {
                if (member.Key == name) return member.Value;
            }
            return null;
        }
    }

    private sealed class RowArray : RowNode
    {
        public SortedList<int, RowNode> Items { get; } = [];
    }

    private sealed class RowValue(JsonNode value, CellOrigin origin) : RowNode
    {
        public JsonNode Value { get; } = value;
        public CellOrigin Origin { get; } = origin;
    }
}

/// <summary>Where a value came from: sheet, spreadsheet row, file line, column header, and the 1-based column in a workbook (0 for a CSV).</summary>
internal readonly record struct CellOrigin(string? Sheet, int Row, int Line, string Header, int ColumnNumber = 0);

/// <summary>The cell each value of one root object came from, so that a conflict can name both cells.</summary>
internal sealed class CellOrigins
{
    private readonly Dictionary<JsonNode, CellOrigin> _origins = new(ReferenceEqualityComparer.Instance);

    public void Remember(JsonNode value, CellOrigin origin) => _origins[value] = origin;

    public CellOrigin? Find(JsonNode value) => _origins.TryGetValue(value, out var origin) ? origin : null;

    public void Clear() => _origins.Clear();
}
