using System.Collections.Immutable;
using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsPublishing;

/// <summary>
/// Compiles the releases of one contracting process into a compiled release (the current state) and a
/// versioned release (each value with the releases that set it), following the OCDS merging specification
/// with the rules of the release schema in use, and matching the reference implementation (ocdsmerge)
/// value for value. Where the reference implementation stops with an exception (a release without a date
/// among several, a field that changes between object, array and value), the merge goes on and says so in
/// <see cref="MergedProcess.Problems"/>. Stateless between calls; one instance serves any number of processes.
/// </summary>
public sealed class OcdsMerger(MergeRules rules)
{
    private readonly MergeRules _rules = rules ?? throw new ArgumentNullException(nameof(rules));

    /// <summary>
    /// Merges the releases of one process, given in input order (ties on <c>date</c> go to the later one).
    /// The result refers to the releases' elements: keep their documents alive until it is written.
    /// </summary>
    public MergedProcess Merge(IReadOnlyList<JsonElement> releases, MergeOutputs outputs = MergeOutputs.Compiled)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var problems = ImmutableArray.CreateBuilder<MergeProblem>();
        var order = SortByDate(releases, problems);
        var flattener = new Flattener(_rules, problems);
        var compiled = (outputs & MergeOutputs.Compiled) != 0 ? new FlatStore() : null;
        var versioned = (outputs & MergeOutputs.Versioned) != 0 ? new FlatStore() : null;
        JsonElement? ocid = null;
        compiled?.SetPlain("tag", CompiledTag.Instance);
        foreach (var index in order)
        {
            var release = releases[index];
            if (release.ValueKind != JsonValueKind.Object) continue; // SortByDate reported it
            var releaseOcid = Member(release, "ocid");
            ocid ??= releaseOcid;
            var date = Member(release, "date");
            var flat = flattener.Flatten(release, index, PythonValues.Text(releaseOcid ?? default));
            if (compiled is not null)
            {
                compiled.SetPlain("id", $"{PythonValues.Text(releaseOcid ?? default)}-{PythonValues.Text(date ?? default)}");
                compiled.SetPlain("date", date is { } d ? d : null);
                compiled.SetPlain("ocid", releaseOcid is { } o ? o : null);
                foreach (var entry in flat.Entries) compiled.Replace(entry);
            }
            if (versioned is not null)
            {
                versioned.SetPlain("ocid", releaseOcid is { } o ? o : null);
                var version = new ReleaseStamp(Member(release, "id"), date, Member(release, "tag"));
                foreach (var entry in flat.Entries)
                {
                    if (entry.Key == "ocid") continue; // the ocid is not versioned
                    versioned.AddVersion(entry, version);
                }
            }
        }
        var compiledTree = compiled is null ? null : Unflatten(compiled, problems);
        // The same conflicts would be found again in the versioned release: report them once.
        var versionedTree = versioned is null ? null : Unflatten(versioned, compiled is null ? problems : ImmutableArray.CreateBuilder<MergeProblem>());
        return new MergedProcess(ocid, compiledTree, versionedTree, problems.ToImmutable());
    }

    private static JsonElement? Member(JsonElement release, string name) =>
        release.ValueKind == JsonValueKind.Object && release.TryGetProperty(name, out var value) ? value : null;

    /// <summary>
    /// The merge order: by <c>date</c> compared as text (as the reference does: no instant parsing), stable so
    /// the later of two releases with the same date wins. A lone release is not sorted. A release whose date is
    /// missing or not a string cannot be placed: it is reported and merged first, as the oldest.
    /// </summary>
    private static int[] SortByDate(IReadOnlyList<JsonElement> releases, ImmutableArray<MergeProblem>.Builder problems)
    {
        var order = new int[releases.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        for (var i = 0; i < releases.Count; i++)
        {
            if (releases[i].ValueKind != JsonValueKind.Object)
            {
                problems.Add(new MergeProblem(RuleIds.MergeNotAnObject, i, "", $"release {i} is {releases[i].ValueKind.ToString().ToLowerInvariant()}, not an object: it is left out of the merge."));
            }
        }
        if (releases.Count <= 1) return order;
        var undated = false;
        for (var i = 0; i < releases.Count; i++)
        {
            if (releases[i].ValueKind != JsonValueKind.Object) continue;
            var date = Member(releases[i], "date");
            if (date is { ValueKind: JsonValueKind.String }) continue;
            undated = true;
            var what = date is null ? "has no date" : $"has a {(date.Value.ValueKind == JsonValueKind.Null ? "null" : "non-string")} date";
            problems.Add(new MergeProblem(RuleIds.MergeUndatedRelease, i, date is null ? "" : "/date",
                $"this release {what}, so it cannot be placed among the {releases.Count} releases of its process: it is merged first, as the oldest."));
        }
        var keys = new string[releases.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var date = Member(releases[i], "date");
            keys[i] = date is { ValueKind: JsonValueKind.String } d ? d.GetString()! : "";
        }
        // Array.Sort is not stable: break ties by input position. Undated releases sort before every dated one.
        Array.Sort(order, (a, b) =>
        {
            if (undated)
            {
                var aDated = Member(releases[a], "date") is { ValueKind: JsonValueKind.String };
                var bDated = Member(releases[b], "date") is { ValueKind: JsonValueKind.String };
                if (aDated != bDated) return aDated ? 1 : -1;
            }
            var byDate = string.CompareOrdinal(keys[a], keys[b]);
            return byDate != 0 ? byDate : a.CompareTo(b);
        });
        return order;
    }

    /// <summary>Builds the nested release from the flat entries, in the order their keys were first set.</summary>
    private static OutputObject Unflatten(FlatStore store, ImmutableArray<MergeProblem>.Builder problems)
    {
        var root = new OutputObject();
        var identified = new Dictionary<string, OutputObject>(StringComparer.Ordinal);
        foreach (var entry in store.Entries)
        {
            object node = root;
            var path = entry.Path;
            var prefixLength = 0; // length of entry.Key covering path[..i]
            for (var i = 0; i < path.Length; i++)
            {
                var segment = path[i];
                var last = i == path.Length - 1;
                if (segment.IsId)
                {
                    var idKey = entry.Key[..prefixLength] + "\u0000\u0002" + segment.Identity;
                    if (!identified.TryGetValue(idKey, out var item))
                    {
                        if (node is not OutputArray array)
                        {
                            Conflict(entry, i, node, "an array", problems);
                            break;
                        }
                        item = new OutputObject();
                        if (segment.OriginalId is { ValueKind: not JsonValueKind.Null } id) item.Set("id", Traversable(id));
                        identified[idKey] = item;
                        array.Items.Add(item);
                    }
                    node = item;
                }
                else if (node is not OutputObject obj)
                {
                    Conflict(entry, i, node, "an object", problems);
                    break;
                }
                else if (obj.TryGet(segment.Text, out var child))
                {
                    // Already made by an earlier key; a value for a path that is now a container is dropped, as in the reference.
                    node = child!;
                }
                else if (!last)
                {
                    object created = path[i + 1].IsId ? new OutputArray() : new OutputObject();
                    obj.Set(segment.Text, created);
                    node = created;
                }
                else if (entry.Value is not null && !(entry.Value is JsonElement { ValueKind: JsonValueKind.Null }))
                {
                    obj.Set(segment.Text, entry.Value);
                }
                prefixLength += (i == 0 ? 0 : 1) + segment.Text.Length;
            }
        }
        return root;
    }

    /// <summary>
    /// An id that is an object stays an object the later keys can pass through (as the reference's dict does),
    /// so its own members, flattened under it, land on it instead of clashing with it.
    /// </summary>
    private static object Traversable(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return value;
        var result = new OutputObject();
        foreach (var property in value.EnumerateObject()) result.Set(property.Name, Traversable(property.Value));
        return result;
    }

    private static void Conflict(FlatEntry entry, int at, object found, string wanted, ImmutableArray<MergeProblem>.Builder problems)
    {
        var earlier = found switch
        {
            OutputObject => "an object",
            OutputArray => "an array",
            _ => "a value",
        };
        var pointer = entry.PointerInRelease(at - 1);
        var leaf = entry.PointerInRelease(entry.Path.Length - 1);
        problems.Add(new MergeProblem(RuleIds.MergeInconsistentType, entry.FirstRelease, leaf,
            $"an earlier release has {earlier} at {(pointer.Length == 0 ? "/" : pointer)}, but this release has {wanted} there: its value at {leaf} is left out of the merged release."));
    }

    /// <summary>The compiled release's tag, <c>["compiled"]</c>.</summary>
    internal sealed class CompiledTag
    {
        public static readonly CompiledTag Instance = new();
    }

    /// <summary>Which release set a versioned value.</summary>
    internal sealed record ReleaseStamp(JsonElement? Id, JsonElement? Date, JsonElement? Tag);

    /// <summary>One value in a versioned release's history.</summary>
    internal sealed record Version(ReleaseStamp Release, JsonElement Value);

    /// <summary>A field's history in a versioned release.</summary>
    internal sealed class VersionList : List<Version>;

    /// <summary>A step of a flat key: an object member, or the object of an identifier-merge array found by its id.</summary>
    internal readonly record struct Segment(string Text, bool IsId, string? Identity, JsonElement? OriginalId, int Index);

    /// <summary>A leaf of a flattened release: its key (the segments' text, as the reference compares keys), path and value.</summary>
    internal sealed class FlatEntry(string key, Segment[] path, object? value, int firstRelease)
    {
        public string Key { get; } = key;
        public Segment[] Path { get; } = path;
        public object? Value { get; set; } = value;
        public int FirstRelease { get; } = firstRelease;

        /// <summary>The JSON Pointer of the path's first <paramref name="through"/>+1 steps in the release that first set this key.</summary>
        public string PointerInRelease(int through)
        {
            var pointer = "";
            for (var i = 0; i <= through && i < Path.Length; i++)
            {
                pointer = Path[i].IsId ? Json.JsonPointerText.Append(pointer, Path[i].Index) : Json.JsonPointerText.Append(pointer, Path[i].Text);
            }
            return pointer;
        }
    }

    /// <summary>Flat entries in first-insertion order (a Python dict), looked up by key.</summary>
    internal sealed class FlatStore
    {
        private readonly Dictionary<string, FlatEntry> _byKey = new(StringComparer.Ordinal);

        public List<FlatEntry> Entries { get; } = [];

        public bool TryGet(string key, out FlatEntry entry) => _byKey.TryGetValue(key, out entry!);

        /// <summary>Sets a top-level field the merge itself writes (tag, id, date, ocid).</summary>
        public void SetPlain(string name, object? value)
        {
            if (_byKey.TryGetValue(name, out var entry))
            {
                entry.Value = value;
                return;
            }
            entry = new FlatEntry(name, [new Segment(name, false, null, null, 0)], value, -1);
            _byKey[name] = entry;
            Entries.Add(entry);
        }

        /// <summary>A later value replaces an earlier one in place; a new key goes to the end.</summary>
        public void Replace(FlatEntry entry)
        {
            if (_byKey.TryGetValue(entry.Key, out var existing))
            {
                existing.Value = entry.Value;
                return;
            }
            var copy = new FlatEntry(entry.Key, entry.Path, entry.Value, entry.FirstRelease);
            _byKey[entry.Key] = copy;
            Entries.Add(copy);
        }

        /// <summary>Adds a version unless the field is plain (the ocid) or its last value equals this one.</summary>
        public void AddVersion(FlatEntry entry, ReleaseStamp release)
        {
            var value = (JsonElement)entry.Value!;
            if (_byKey.TryGetValue(entry.Key, out var existing))
            {
                if (existing.Value is not VersionList history || PythonValues.AreEqual(history[^1].Value, value)) return;
                history.Add(new Version(release, value));
                return;
            }
            var created = new FlatEntry(entry.Key, entry.Path, new VersionList { new Version(release, value) }, entry.FirstRelease);
            _byKey[entry.Key] = created;
            Entries.Add(created);
        }
    }

    /// <summary>One release flattened: its entries in first-appearance order, a repeated key keeping its first place and last value.</summary>
    internal sealed class FlatRelease
    {
        public FlatStore Store { get; } = new();
        public List<FlatEntry> Entries => Store.Entries;
    }

    /// <summary>Turns a release into flat entries under the merge rules (the reference's <c>flatten</c>).</summary>
    private sealed class Flattener(MergeRules rules, ImmutableArray<MergeProblem>.Builder problems)
    {
        private readonly List<Segment> _path = [];
        private readonly List<string> _rulePath = [];
        private int _anonymous;
        private FlatRelease _flat = new();
        private int _release;
        private string _ocid = "";

        public FlatRelease Flatten(JsonElement release, int releaseIndex, string ocid)
        {
            _flat = new FlatRelease();
            _release = releaseIndex;
            _ocid = ocid;
            _path.Clear();
            _rulePath.Clear();
            foreach (var property in release.EnumerateObject())
            {
                // The tag says what this release was; it is never merged (omitWhenMerged only from OCDS 1.1.4 on).
                if (property.NameEquals("tag"u8)) continue;
                Member(property.Name, property.Value, rules.Root.Child(property.Name), "");
            }
            return _flat;
        }

        private void Member(string name, JsonElement value, MergeRules.Node? rule, string keyPrefix)
        {
            if (rule?.Rule == MergeRule.OmitWhenMerged) return;
            var key = keyPrefix.Length == 0 ? name : keyPrefix + "\u0000" + name;
            _path.Add(new Segment(name, false, null, null, 0));
            _rulePath.Add(name);
            if (rule?.Rule == MergeRule.WholeListMerge || value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array) || HoldsNonObject(value))
            {
                Leaf(key, value);
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in value.EnumerateObject()) Member(property.Name, property.Value, rule?.Child(property.Name), key);
            }
            else
            {
                Items(value, rule, key);
            }
            _path.RemoveAt(_path.Count - 1);
            _rulePath.RemoveAt(_rulePath.Count - 1);
        }

        /// <summary>An array of objects: each object is found by its <c>id</c>; one without is always a new object.</summary>
        private void Items(JsonElement array, MergeRules.Node? rule, string arrayKey)
        {
            HashSet<string>? seen = null;
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                string text;
                string identity;
                JsonElement? original = null;
                if (item.TryGetProperty("id", out var id))
                {
                    text = PythonValues.Text(id);
                    identity = PythonValues.Identity(id);
                    original = id;
                    seen ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!seen.Add(text))
                    {
                        problems.Add(new MergeProblem(RuleIds.MergeDuplicateId, _release, PointerHere(index),
                            $"{_ocid}: Multiple objects have the `id` value '{text}' in the `{string.Join('.', _rulePath)}` array; they are merged field by field, the later one winning."));
                    }
                }
                else
                {
                    // Never equal to a real id's text: objects without an id are never merged.
                    text = "\u0001" + _anonymous++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    identity = text;
                }
                var key = arrayKey + "\u0000" + text;
                _path.Add(new Segment(text, true, identity, original, index));
                foreach (var property in item.EnumerateObject()) Member(property.Name, property.Value, rule?.Child(property.Name), key);
                _path.RemoveAt(_path.Count - 1);
                index++;
            }
        }

        private string PointerHere(int index)
        {
            var pointer = "";
            foreach (var segment in _path)
            {
                pointer = segment.IsId ? Json.JsonPointerText.Append(pointer, segment.Index) : Json.JsonPointerText.Append(pointer, segment.Text);
            }
            return Json.JsonPointerText.Append(pointer, index);
        }

        private void Leaf(string key, JsonElement value)
        {
            if (_flat.Store.TryGet(key, out var existing))
            {
                existing.Value = value;
                return;
            }
            var entry = new FlatEntry(key, [.. _path], value, _release);
            _flat.Store.Replace(entry);
        }

        // An array holding anything but objects is replaced whole, whatever the schema says.
        private static bool HoldsNonObject(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Array) return false;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) return true;
            }
            return false;
        }
    }
}

/// <summary>Which merged releases <see cref="OcdsMerger.Merge"/> builds.</summary>
[Flags]
public enum MergeOutputs
{
    /// <summary>The compiled release.</summary>
    Compiled = 1,
    /// <summary>The versioned release.</summary>
    Versioned = 2,
    /// <summary>Both.</summary>
    Both = Compiled | Versioned,
}

/// <summary>
/// Something the merge could not do as asked, tied to one release of the process: a rule id, the release's
/// index in the list given to <see cref="OcdsMerger.Merge"/>, and a JSON Pointer within that release.
/// </summary>
public sealed record MergeProblem(string RuleId, int ReleaseIndex, string PointerInRelease, string Message)
{
    /// <summary>The rule's default severity.</summary>
    public Severity Severity => RuleCatalog.Get(RuleId).DefaultSeverity;
}
