using System.Text.Json;
using System.Text.Json.Nodes;

namespace OgpData.Csv;

/// <summary>
/// What the records of a list look like, field by field (paths without indices), learnt in a first pass over
/// the data: which kinds each field takes and how often, the largest array, whether array items carry a
/// usable and unique <c>id</c>. The second pass decides from it where each value goes.
/// </summary>
internal sealed class ShapeNode
{
    private readonly Dictionary<string, ShapeNode> _byName = new(StringComparer.Ordinal);
    private readonly int[] _counts = new int[Enum.GetValues<FieldKind>().Length];

    public ShapeNode(string name, ShapeNode? parent)
    {
        Name = name;
        Parent = parent;
        GenericPath = parent is null || parent.GenericPath.Length == 0 ? name : parent.GenericPath + "/" + name;
    }

    public string Name { get; }
    public ShapeNode? Parent { get; }
    public string GenericPath { get; }
    public List<ShapeNode> Children { get; } = [];

    /// <summary>The largest number of items seen in one array here.</summary>
    public int MaxItems { get; private set; }

    /// <summary>Some array here has an item without a usable <c>id</c> (missing, empty, not a string or number).</summary>
    public bool ItemsLackId { get; set; }

    /// <summary>The largest number of items seen in one list of strings here.</summary>
    public int MaxListItems { get; private set; }

    /// <summary>
    /// The field is a list of strings and some item cannot share one cell with the others (it holds <c>;</c>, the
    /// separator, or outer spaces, which reading trims): every list of the field is written as numbered columns,
    /// one item per cell (<c>ogpValues/0</c>, <c>ogpValues/1</c>), in every row of the sheet.
    /// </summary>
    public bool ListInOwnColumns => Chosen == FieldKind.StringArray && _listItemsNeedOwnCells;

    private bool _listItemsNeedOwnCells;

    /// <summary>Some array here has two items with the same <c>id</c>.</summary>
    public bool DuplicateIds { get; private set; }

    /// <summary>The kind decided for the field: the most frequent; values of other kinds go aside.</summary>
    public FieldKind? Chosen { get; private set; }

    /// <summary>For arrays of objects: whether the items get a sheet of their own (else numbered columns in the parent's row).</summary>
    public bool OwnSheet { get; set; }

    /// <summary>For arrays of objects: the items are the rows of the main sheet (one row per milestone).</summary>
    public bool RowArray { get; set; }

    /// <summary>The sheet holding the items, when <see cref="OwnSheet"/>.</summary>
    public string? SheetName { get; set; }

    public ShapeNode? Find(string name) => _byName.TryGetValue(name, out var node) ? node : null;

    public ShapeNode GetOrAdd(string name)
    {
        if (_byName.TryGetValue(name, out var node)) return node;
        node = new ShapeNode(name, this);
        _byName.Add(name, node);
        Children.Add(node);
        return node;
    }

    /// <summary>Learns one object's fields.</summary>
    public void Survey(JsonObject obj)
    {
        foreach (var (name, value) in obj)
        {
            if (!IsCellName(name)) continue;
            var kind = Classify(value, out var itemsNeedOwnCells);
            if (kind is null) continue;
            var child = GetOrAdd(name);
            child._counts[(int)kind.Value]++;
            if (kind == FieldKind.Object) child.Survey((JsonObject)value!);
            else if (kind == FieldKind.StringArray)
            {
                child.MaxListItems = Math.Max(child.MaxListItems, ((JsonArray)value!).Count);
                child._listItemsNeedOwnCells |= itemsNeedOwnCells;
            }
            else if (kind == FieldKind.ObjectArray) child.SurveyItems((JsonArray)value!);
        }
    }

    private void SurveyItems(JsonArray items)
    {
        MaxItems = Math.Max(MaxItems, items.Count);
        HashSet<string>? ids = items.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var item in items)
        {
            var obj = (JsonObject)item!;
            var id = UsableId(obj);
            if (id is null) ItemsLackId = true;
            else if (ids is not null && !ids.Add(id)) DuplicateIds = true;
            Survey(obj);
        }
    }

    /// <summary>Decides every field's kind, from the counts (ties go to the kind listed first in <see cref="FieldKind"/>).</summary>
    public void Decide()
    {
        var best = -1;
        for (var k = 0; k < _counts.Length; k++)
        {
            if (_counts[k] > 0 && (best < 0 || _counts[k] > _counts[best])) best = k;
        }
        Chosen = best < 0 ? null : (FieldKind)best;
        foreach (var child in Children) child.Decide();
        // An id whose kind is not the chosen one is set aside, so the item has no id in the sheet.
        if (Chosen == FieldKind.ObjectArray && Find("id") is { } id && id.HasOtherKindsThanChosen) ItemsLackId = true;
    }

    public bool HasOtherKindsThanChosen
    {
        get
        {
            for (var k = 0; k < _counts.Length; k++)
            {
                if (_counts[k] > 0 && k != (int)Chosen!.Value) return true;
            }
            return false;
        }
    }

    /// <summary>The item's <c>id</c> as text, when it can key rows: a non-empty string or a number.</summary>
    public static string? UsableId(JsonObject obj) => obj["id"] is JsonValue id ? id.GetValueKind() switch
    {
        JsonValueKind.String when id.GetValue<string>() is { Length: > 0 } text && text.Trim() == text => text,
        JsonValueKind.Number => id.ToJsonString(),
        _ => null,
    } : null;

    /// <summary>A property name a header can carry: not empty, no <c>/</c>, not all digits, no outer spaces.</summary>
    public static bool IsCellName(string name) =>
        name.Length > 0 && !name.Contains('/') && !HeaderPath.IsIndex(name) && name.Trim() == name;

    /// <summary>The kind a value has in a sheet, or null when it has no cell form (null, "", [], {}, arrays of arrays, mixed arrays, ...).</summary>
    public static FieldKind? Classify(JsonNode? value) => Classify(value, out _);

    /// <summary>
    /// <see cref="Classify(JsonNode?)"/>, and for a list of strings whether some item needs a cell of its own
    /// (it holds <c>;</c> or outer spaces, so the one-cell form would split or trim it).
    /// </summary>
    public static FieldKind? Classify(JsonNode? value, out bool itemsNeedOwnCells)
    {
        itemsNeedOwnCells = false;
        switch (value)
        {
            case null:
                return null;
            case JsonObject obj:
                return obj.Count == 0 ? null : FieldKind.Object;
            case JsonArray array:
                return ClassifyArray(array, out itemsNeedOwnCells);
            default:
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>().Length == 0 ? null : FieldKind.String,
                    JsonValueKind.Number => FieldKind.Number,
                    JsonValueKind.True or JsonValueKind.False => FieldKind.Boolean,
                    _ => null,
                };
        }
    }

    private static FieldKind? ClassifyArray(JsonArray array, out bool itemsNeedOwnCells)
    {
        itemsNeedOwnCells = false;
        if (array.Count == 0) return null;
        FieldKind? kind = null;
        foreach (var item in array)
        {
            FieldKind? itemKind = item switch
            {
                JsonObject => FieldKind.ObjectArray,
                JsonArray or null => null,
                _ => item.GetValueKind() switch
                {
                    // An empty item would be an empty cell, which reads as no item at all.
                    JsonValueKind.String when item.GetValue<string>() is { Length: > 0 } text => FieldKind.StringArray,
                    JsonValueKind.Number => FieldKind.NumberArray,
                    JsonValueKind.True or JsonValueKind.False => FieldKind.BooleanArray,
                    _ => null,
                },
            };
            if (itemKind is null || (kind is not null && kind != itemKind)) return null;
            kind = itemKind;
            if (kind == FieldKind.StringArray && !itemsNeedOwnCells)
            {
                var text = item!.GetValue<string>();
                itemsNeedOwnCells = text.Contains(';') || text.Trim().Length != text.Length;
            }
        }
        return kind;
    }
}
