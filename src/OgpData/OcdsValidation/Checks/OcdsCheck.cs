using OgpData.Json;
using System.Globalization;
using System.Text.Json;
using OgpData.Findings;
using OgpData.Streaming;

namespace OgpData.OcdsValidation.Checks;

/// <summary>A finding about one item, before it is placed in the file (its pointer is relative to the item).</summary>
internal readonly record struct ItemFinding(string RuleId, Severity Severity, string Pointer, string Message, string? Value);

/// <summary>One value met while walking an item, with what the schema says about it.</summary>
internal readonly ref struct VisitedValue(JsonElement value, string? propertyName, SchemaNode? schema, bool additional)
{
    /// <summary>The value itself.</summary>
    public JsonElement Value { get; } = value;

    /// <summary>The property name that holds the value, or null for an array item or the root.</summary>
    public string? PropertyName { get; } = propertyName;

    /// <summary>The schema facts for the value, or null where the schema says nothing (inside an additional field).</summary>
    public SchemaNode? Schema { get; } = schema;

    /// <summary>True when the property is not in the schema although its parent's schema lists properties.</summary>
    public bool Additional { get; } = additional;
}

/// <summary>
/// One OCDS rule. The walker calls <see cref="Visit"/> for every value of an item and
/// <see cref="VisitRelease"/> for every release in it (a release, or a record's compiled and embedded releases).
/// </summary>
internal abstract class OcdsCheck
{
    /// <summary>The rule this check reports under.</summary>
    public abstract string RuleId { get; }

    /// <summary>Whether the check also runs on package metadata (not only on releases and records).</summary>
    public virtual bool AppliesToMetadata => true;

    /// <summary>Whether the check reads values (<see cref="Visit"/>); the walker calls only those for every value.</summary>
    public virtual bool ReadsValues => true;

    /// <summary>Whether the check reads whole releases (<see cref="VisitRelease"/>).</summary>
    public virtual bool ReadsReleases => false;

    /// <summary>Called for each value; <see cref="CheckContext.Path"/> is the value's pointer.</summary>
    public virtual void Visit(in VisitedValue value, CheckContext context) { }

    /// <summary>Called for each release; <see cref="CheckContext.Path"/> is the release's pointer.</summary>
    public virtual void VisitRelease(JsonElement release, CheckContext context) { }
}

/// <summary>
/// The pointer of the value being visited, kept as raw segments (no string is built per value) and turned
/// into JSON Pointer text only when a finding is reported.
/// </summary>
internal sealed class PathStack
{
    private readonly List<(string? Name, int Index)> _segments = [];

    public int Depth => _segments.Count;

    public void Push(string property) => _segments.Add((property, 0));

    public void Push(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public void Clear() => _segments.Clear();

    public override string ToString()
    {
        var pointer = "";
        foreach (var (name, index) in _segments)
            pointer = name is null ? JsonPointerText.Append(pointer, index) : JsonPointerText.Append(pointer, name);
        return pointer;
    }
}

/// <summary>
/// Set once the result holds as many findings as it keeps: later findings are only counted, so their pointers
/// need not be built. Findings are kept in file order, so every finding produced after this is set would be
/// dropped anyway.
/// </summary>
internal sealed class FindingBudget
{
    private volatile bool _exhausted;

    public bool Exhausted => _exhausted;

    public void Exhaust() => _exhausted = true;
}

/// <summary>Everything a check needs while one worker validates one item; not shared between threads.</summary>
internal sealed class CheckContext(OcdsSchemaSet schemas, Func<string, Severity> severityOf, FindingBudget? budget = null)
{
    public OcdsSchemaSet Schemas { get; private set; } = schemas;

    public PathStack Path { get; } = new();

    public List<ItemFinding> Findings { get; } = [];

    /// <summary>Findings only counted, not built, because the result already holds all it keeps.</summary>
    public int CountedErrors, CountedWarnings, CountedInfos;

    // Member names met where the schema says nothing (inside additional fields), kept per worker so that the
    // names recurring from item to item are not allocated again for each.
    private readonly NameMemory<bool> _names = new();

    /// <summary>The name of a member, as a string shared with earlier items where the name was met before.</summary>
    public string NameOf(in JsonProperty property)
    {
        if (_names.TryFind(property, out var name, out _)) return name;
        name = property.Name;
        _names.Remember(name, true);
        return name;
    }

    /// <summary>Readies the context for the next item: a worker keeps one context (path, list) for all its items.</summary>
    public void Reset(OcdsSchemaSet schemas)
    {
        Schemas = schemas;
        Path.Clear();
        Findings.Clear();
        CountedErrors = CountedWarnings = CountedInfos = 0;
    }

    /// <summary>
    /// True when a finding of this rule need not be built: the rule is off, or the result is full and the
    /// finding is only counted (it is counted here). Checks that report often ask before formatting a message.
    /// </summary>
    public bool Skip(string ruleId)
    {
        var severity = severityOf(ruleId);
        if (severity == Severity.None) return true;
        if (budget is not { Exhausted: true }) return false;
        Count(severity);
        return true;
    }

    /// <summary>As <see cref="Skip(string)"/>, for a finding already built elsewhere (the schema's) at this severity.</summary>
    public bool Skip(Severity severity)
    {
        if (budget is not { Exhausted: true }) return false;
        Count(severity);
        return true;
    }

    /// <summary>Counts findings that were never built (the schema's, past the cap).</summary>
    public void Skip(Severity severity, int count)
    {
        for (var i = 0; i < count; i++) Count(severity);
    }

    /// <summary>Reports at the current path, or at a place under it (<paramref name="below"/> is a relative pointer such as <c>/awards/0/date</c>).</summary>
    public void Report(string ruleId, string message, string? value = null, string below = "")
    {
        var severity = severityOf(ruleId);
        if (severity == Severity.None) return;
        if (budget is { Exhausted: true })
        {
            Count(severity);
            return;
        }
        Findings.Add(new ItemFinding(ruleId, severity, Path + below, message, value));
    }

    private void Count(Severity severity)
    {
        switch (severity)
        {
            case Severity.Error: CountedErrors++; break;
            case Severity.Warning: CountedWarnings++; break;
            case Severity.Info: CountedInfos++; break;
        }
    }
}

/// <summary>Small readers shared by the checks.</summary>
internal static class OcdsJson
{
    /// <summary>An id as text: a string as is, a number as written; null for anything else.</summary>
    public static string? IdText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }

    /// <summary>The items of an array member with their indexes; nothing when the member is absent or not an array.</summary>
    public static IndexedItems Items(JsonElement element, string name) =>
        TryGet(element, name, out var array) && array.ValueKind == JsonValueKind.Array ? new IndexedItems(array) : default;

    /// <summary>Reads an OCDS date-time (ISO 8601); false for anything else (the schema reports bad formats).</summary>
    public static bool TryDate(JsonElement element, string name, out DateTimeOffset date)
    {
        date = default;
        return TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String && TryDate(value, out date);
    }

    private static bool TryDate(JsonElement value, out DateTimeOffset date)
    {
#if NET9_0_OR_GREATER
        // Dates are short: parse them from the UTF-8 text, without a string per date.
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length <= 66 && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> buffer = stackalloc char[64];
            var text = buffer[..System.Text.Encoding.UTF8.GetChars(raw[1..^1], buffer)];
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
        }
#endif
        return DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }

    public static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>A short rendering of a value for a finding (long text is cut).</summary>
    public static string Shown(JsonElement value)
    {
        var text = Text(value);
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}

/// <summary>The items of a JSON array with their indexes, enumerated without an allocation (the checks walk every release's awards and contracts).</summary>
internal readonly struct IndexedItems(JsonElement array)
{
    private readonly bool _present = array.ValueKind == JsonValueKind.Array;

    public Enumerator GetEnumerator() => new(_present ? array.EnumerateArray() : default, _present);

    public struct Enumerator(JsonElement.ArrayEnumerator items, bool present)
    {
        private JsonElement.ArrayEnumerator _items = items;
        private int _index = -1;

        public readonly (int Index, JsonElement Item) Current => (_index, _items.Current);

        public bool MoveNext()
        {
            if (!present || !_items.MoveNext()) return false;
            _index++;
            return true;
        }
    }
}
