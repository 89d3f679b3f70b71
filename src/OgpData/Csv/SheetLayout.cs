using System.Text;
using System.Text.Json.Nodes;

namespace OgpData.Csv;

/// <summary>One sheet of a layout: its name, the array whose items are its rows (null for the main sheet), its headers.</summary>
internal sealed class SheetSpec
{
    public required string Name { get; init; }
    public ShapeNode? Array { get; init; }
    public List<string> Headers { get; } = [];
    public Dictionary<string, int> IndexOf { get; } = new(StringComparer.Ordinal);

    public void Add(string header)
    {
        if (IndexOf.TryAdd(header, Headers.Count)) Headers.Add(header);
    }
}

/// <summary>Where a value goes in the sheets.</summary>
internal enum Placement
{
    /// <summary>In a cell of the current row.</summary>
    Cell,
    /// <summary>An object: its members are placed in turn.</summary>
    Object,
    /// <summary>An array of objects with numbered columns in the current row.</summary>
    Inline,
    /// <summary>An array of objects whose items are rows of their own sheet.</summary>
    OwnSheet,
    /// <summary>The array of objects whose items are the main sheet's rows.</summary>
    RowArray,
    /// <summary>No cell form: kept aside (in OCDS folders) or reported and dropped.</summary>
    Aside,
}

/// <summary>
/// Decides the sheets from the surveyed shape, flatten-tool's way, and flattens each record into rows. An array
/// of objects gets its own sheet when every array above it has items with unique ids (so a row can name its
/// parent: <c>ocid</c>, <c>id</c>, <c>awards/0/id</c>), and its own items have no duplicate id; otherwise its
/// items become numbered columns in the parent's row (<c>awards/0/suppliers/1/name</c>).
/// </summary>
internal sealed class SheetLayout
{
    private readonly ShapeNode _root;
    private readonly string[] _rootKeys;

    private SheetLayout(ShapeNode root, string[] rootKeys, List<SheetSpec> sheets)
    {
        _root = root;
        _rootKeys = rootKeys;
        Sheets = sheets;
    }

    public List<SheetSpec> Sheets { get; }

    public SheetSpec Main => Sheets[0];

    /// <summary>Every field's kind, for the sheet metadata, so the reader gives back numbers as numbers.</summary>
    public Dictionary<string, FieldKind> Kinds { get; } = new(StringComparer.Ordinal);

    /// <summary>Builds the layout. <paramref name="rowArray"/> (e.g. <c>milestones</c>) makes one main-sheet row per item;
    /// <paramref name="childSheets"/> allows sheets for arrays of objects.</summary>
    public static SheetLayout Build(ShapeNode root, string mainSheet, string[] rootKeys, bool rootsKeyed, bool childSheets, string? rowArray)
    {
        root.Decide();
        var sheets = new List<SheetSpec> { new() { Name = mainSheet } };
        var layout = new SheetLayout(root, rootKeys, sheets);
        if (rowArray is not null && root.Find(rowArray) is { Chosen: FieldKind.ObjectArray } rows) rows.RowArray = true;
        if (childSheets && rootsKeyed) layout.AssignSheets(root, ancestorsKeyed: true);
        foreach (var key in rootKeys) sheets[0].Add(key);
        layout.AddColumns(sheets[0], root, "");
        if (root.Find(rowArray ?? "") is { RowArray: true } rowNode) layout.AddColumns(sheets[0], rowNode, rowNode.Name + "/0/", idFirst: true);
        return layout;
    }

    private void AssignSheets(ShapeNode node, bool ancestorsKeyed)
    {
        foreach (var child in node.Children)
        {
            if (child.Chosen == FieldKind.Object) AssignSheets(child, ancestorsKeyed);
            else if (child.Chosen == FieldKind.ObjectArray && !child.RowArray)
            {
                child.OwnSheet = ancestorsKeyed && !child.DuplicateIds;
                if (child.OwnSheet)
                {
                    child.SheetName = UniqueName(SheetNameOf(child.GenericPath));
                    var sheet = new SheetSpec { Name = child.SheetName, Array = child };
                    Sheets.Add(sheet);
                    foreach (var key in _rootKeys) sheet.Add(key);
                    foreach (var ancestor in AncestorArrays(child)) sheet.Add(IndexedPrefix(ancestor) + "id");
                    AddColumns(sheet, child, IndexedPrefix(child), idFirst: true);
                }
                AssignSheets(child, ancestorsKeyed && child.OwnSheet && !child.ItemsLackId);
            }
        }
    }

    private void AddColumns(SheetSpec sheet, ShapeNode node, string prefix, bool idFirst = false)
    {
        if (idFirst && node.Find("id") is { } id && IsCellKind(id.Chosen))
        {
            sheet.Add(prefix + "id");
            Kinds[id.GenericPath] = id.Chosen!.Value;
        }
        foreach (var child in node.Children)
        {
            switch (child.Chosen)
            {
                case null:
                    continue;
                case FieldKind.Object:
                    Kinds[child.GenericPath] = FieldKind.Object;
                    AddColumns(sheet, child, prefix + child.Name + "/");
                    break;
                case FieldKind.ObjectArray:
                    Kinds[child.GenericPath] = FieldKind.ObjectArray;
                    if (child.OwnSheet || child.RowArray) continue;
                    for (var i = 0; i < child.MaxItems; i++) AddColumns(sheet, child, prefix + child.Name + "/" + i + "/", idFirst: true);
                    break;
                default:
                    Kinds[child.GenericPath] = child.Chosen.Value;
                    if (child.ListInOwnColumns)
                    {
                        for (var i = 0; i < child.MaxListItems; i++) sheet.Add(prefix + child.Name + "/" + i);
                    }
                    else sheet.Add(prefix + child.Name);
                    break;
            }
        }
    }

    private static bool IsCellKind(FieldKind? kind) => kind is not null and not FieldKind.Object and not FieldKind.ObjectArray;

    /// <summary>Where a member goes, by the layout's decisions and the value itself.</summary>
    public static Placement Place(JsonNode? value, ShapeNode? node)
    {
        if (node?.Chosen is not { } chosen) return Placement.Aside;
        var kind = ShapeNode.Classify(value, out var itemsNeedOwnCells);
        if (kind != chosen) return Placement.Aside;
        // Only a field surveyed as needing numbered columns has them; the layout is decided before writing.
        if (itemsNeedOwnCells && !node.ListInOwnColumns) return Placement.Aside;
        switch (kind)
        {
            case FieldKind.Object:
                return Placement.Object;
            case FieldKind.ObjectArray:
                // Every item must give its row at least one cell, or it would vanish and shift the others.
                foreach (var item in (JsonArray)value!)
                {
                    if (!GivesCell((JsonObject)item!, node)) return Placement.Aside;
                }
                return node.RowArray ? Placement.RowArray : node.OwnSheet ? Placement.OwnSheet : Placement.Inline;
            default:
                return Placement.Cell;
        }
    }

    private static bool GivesCell(JsonObject obj, ShapeNode node)
    {
        foreach (var (name, value) in obj)
        {
            var child = node.Find(name);
            switch (Place(value, child))
            {
                case Placement.Cell:
                    return true;
                case Placement.Object when GivesCell((JsonObject)value!, child!):
                    return true;
                case Placement.Inline:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Flattens one record: its rows per sheet (in sheet order), and the values that have no cell form, with their pointers.</summary>
    public void Flatten(JsonObject record, Action<SheetSpec, string?[]> onRow, List<(string Pointer, JsonNode? Value)> aside)
    {
        CollectAside(record, _root, "", aside);
        var keyCells = new string?[_rootKeys.Length];
        for (var k = 0; k < _rootKeys.Length; k++)
        {
            var value = record[_rootKeys[k]];
            keyCells[k] = Place(value, _root.Find(_rootKeys[k])) == Placement.Cell ? CellValues.Write(value!, _root.Find(_rootKeys[k])!.Chosen!.Value) : null;
        }

        var rowArray = _root.Children.FirstOrDefault(c => c.RowArray);
        var rowItems = rowArray is not null && Place(record[rowArray.Name], rowArray) == Placement.RowArray ? (JsonArray)record[rowArray.Name]! : null;
        var count = Math.Max(1, rowItems?.Count ?? 0);
        for (var r = 0; r < count; r++)
        {
            var cells = NewRow(Main, keyCells);
            // Scalars repeat on every row (merging equal values is harmless); items without id would be
            // duplicated by a merge, so numbered columns go in the first row only.
            WriteMembers(record, _root, "", cells, Main, inline: r == 0);
            if (rowItems is not null) WriteMembers((JsonObject)rowItems[r]!, rowArray!, rowArray!.Name + "/0/", cells, Main, inline: true);
            onRow(Main, cells);
        }
        foreach (var sheet in Sheets)
        {
            if (sheet.Array is null) continue;
            EmitSheet(record, sheet, keyCells, onRow);
        }
    }

    private void EmitSheet(JsonObject record, SheetSpec sheet, string?[] keyCells, Action<SheetSpec, string?[]> onRow)
    {
        var chain = AncestorArrays(sheet.Array!).Append(sheet.Array!).ToList();
        var ancestorIds = new string?[chain.Count - 1];
        Walk(record, _root, 0);

        void Walk(JsonObject obj, ShapeNode objNode, int depth)
        {
            // Reach the next array of the chain through plain objects.
            var target = chain[depth];
            var steps = new List<ShapeNode>();
            for (var n = target; n != objNode; n = n.Parent!) steps.Add(n);
            steps.Reverse();
            JsonNode? current = obj;
            for (var s = 0; s < steps.Count - 1; s++)
            {
                current = current is JsonObject o ? o[steps[s].Name] : null;
                if (Place(current, steps[s]) != Placement.Object) return;
            }
            var array = (current as JsonObject)?[target.Name];
            var placement = Place(array, target);
            if (placement is not (Placement.OwnSheet)) return;
            foreach (var item in (JsonArray)array!)
            {
                var itemObj = (JsonObject)item!;
                if (depth == chain.Count - 1)
                {
                    var cells = NewRow(sheet, keyCells);
                    for (var a = 0; a < ancestorIds.Length; a++) cells[sheet.IndexOf[IndexedPrefix(chain[a]) + "id"]] = ancestorIds[a];
                    WriteMembers(itemObj, target, IndexedPrefix(target), cells, sheet, inline: true);
                    onRow(sheet, cells);
                }
                else
                {
                    var idNode = target.Find("id");
                    ancestorIds[depth] = CellValues.Write(itemObj["id"]!, idNode!.Chosen!.Value);
                    Walk(itemObj, target, depth + 1);
                }
            }
        }
    }

    private string?[] NewRow(SheetSpec sheet, string?[] keyCells)
    {
        var cells = new string?[sheet.Headers.Count];
        for (var k = 0; k < keyCells.Length; k++) cells[k] = keyCells[k];
        return cells;
    }

    private static void WriteMembers(JsonObject obj, ShapeNode node, string prefix, string?[] cells, SheetSpec sheet, bool inline)
    {
        foreach (var (name, value) in obj)
        {
            var child = node.Find(name);
            switch (Place(value, child))
            {
                case Placement.Cell when child!.ListInOwnColumns:
                    var list = (JsonArray)value!;
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (sheet.IndexOf.TryGetValue(prefix + name + "/" + i, out var itemIndex)) cells[itemIndex] = CellValues.Write(list[i]!, FieldKind.String);
                    }
                    break;
                case Placement.Cell:
                    if (sheet.IndexOf.TryGetValue(prefix + name, out var index)) cells[index] = CellValues.Write(value!, child!.Chosen!.Value);
                    break;
                case Placement.Object:
                    WriteMembers((JsonObject)value!, child!, prefix + name + "/", cells, sheet, inline);
                    break;
                case Placement.Inline when inline:
                    var items = (JsonArray)value!;
                    for (var i = 0; i < items.Count; i++) WriteMembers((JsonObject)items[i]!, child!, prefix + name + "/" + i + "/", cells, sheet, inline);
                    break;
            }
        }
    }

    private static void CollectAside(JsonObject obj, ShapeNode node, string pointer, List<(string, JsonNode?)> aside)
    {
        foreach (var (name, value) in obj)
        {
            var child = ShapeNode.IsCellName(name) ? node.Find(name) : null;
            var here = pointer + "/" + Escape(name);
            switch (Place(value, child))
            {
                case Placement.Aside:
                    aside.Add((here, value));
                    break;
                case Placement.Object:
                    CollectAside((JsonObject)value!, child!, here, aside);
                    break;
                case Placement.Inline or Placement.OwnSheet or Placement.RowArray:
                    var items = (JsonArray)value!;
                    for (var i = 0; i < items.Count; i++) CollectAside((JsonObject)items[i]!, child!, here + "/" + i, aside);
                    break;
            }
        }
    }

    private static IEnumerable<ShapeNode> AncestorArrays(ShapeNode node)
    {
        var list = new List<ShapeNode>();
        for (var a = Ancestor(node); a is not null; a = Ancestor(a)) list.Add(a);
        list.Reverse();
        return list;
    }

    private static ShapeNode? Ancestor(ShapeNode node)
    {
        for (var p = node.Parent; p is not null; p = p.Parent)
        {
            if (p.Chosen == FieldKind.ObjectArray) return p;
        }
        return null;
    }

    /// <summary><c>awards/0/suppliers/0/</c> for the generic path <c>awards/suppliers</c>.</summary>
    private static string IndexedPrefix(ShapeNode node)
    {
        var parts = new List<string>();
        for (var n = node; n is not null && n.Parent is not null; n = n.Parent)
        {
            if (n.Chosen == FieldKind.ObjectArray) parts.Add("0");
            parts.Add(n.Name);
        }
        parts.Reverse();
        return string.Join('/', parts) + "/";
    }

    private string UniqueName(string name)
    {
        var candidate = name;
        for (var n = 2; Sheets.Any(s => s.Name == candidate); n++)
        {
            var suffix = "_" + n;
            candidate = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }
        return candidate;
    }

    /// <summary>flatten-tool's sheet names: every step but the last cut to 5 characters, joined by <c>_</c>, cut to 31 (Excel's limit).</summary>
    public static string SheetNameOf(string genericPath)
    {
        var steps = genericPath.Split('/');
        var builder = new StringBuilder();
        for (var i = 0; i < steps.Length; i++)
        {
            if (i > 0) builder.Append('_');
            builder.Append(i < steps.Length - 1 && steps[i].Length > 5 ? steps[i][..5] : steps[i]);
        }
        return builder.Length > 31 ? builder.ToString(0, 31) : builder.ToString();
    }

    /// <summary>Escapes a JSON Pointer token.</summary>
    public static string Escape(string name) => OgpData.Json.JsonPointerText.Escape(name);
}
