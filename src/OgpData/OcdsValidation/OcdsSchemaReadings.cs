using System.Text.Json;
using OgpData.Findings;
using OgpData.Schema;

namespace OgpData.OcdsValidation;

/// <summary>
/// How the OCDS schemas are read, beyond plain JSON Schema, by lib-cove-ocds (the library behind the Data Review
/// Tool), applied to the engine's findings for one release or record:
/// <list type="bullet">
/// <item>a record's <c>releases</c> is either linked releases or embedded releases (a <c>oneOf</c>): instead of
/// "matches none", the errors of the branch the data meant are reported — embedded when its releases have an
/// <c>id</c>, linked when none has;</item>
/// <item><c>uniqueItems</c> on an array of objects with ids means unique ids (OCDS merges these arrays by id):
/// two parties with one id and different names are a duplicate; whole-object equality decides only where an
/// item has no id;</item>
/// <item>a value of the wrong type (a null in a coded field) is one failure: its <c>enum</c> error is dropped
/// beside its <c>type</c> error.</item>
/// </list>
/// </summary>
internal sealed class OcdsSchemaReadings(CompiledSchema? linkedReleases, CompiledSchema? embeddedReleases)
{
    private const string ReleasesOneOf = "/definitions/record/properties/releases/oneOf";

    /// <summary>
    /// The branches of the record's <c>releases</c> <c>oneOf</c> in the record package schema, compiled: the one
    /// whose items list no <c>id</c> is linked releases, the one whose items are the release schema is embedded.
    /// </summary>
    public static OcdsSchemaReadings For(OcdsSchemaSet schemas, SchemaRegistry registry, SchemaOptions options)
    {
        if (schemas.RecordPackageSchema is not { } recordPackage || !TryGetPath(recordPackage, out var oneOf, "definitions", "record", "properties", "releases", "oneOf")
            || oneOf.ValueKind != JsonValueKind.Array)
        {
            return new OcdsSchemaReadings(null, null);
        }
        CompiledSchema? linked = null, embedded = null;
        var index = 0;
        foreach (var branch in oneOf.EnumerateArray())
        {
            var uri = new Uri(schemas.RecordPackageSchemaUri + "#" + ReleasesOneOf + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            index++;
            if (!branch.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Object) continue;
            if (items.TryGetProperty("$ref", out _) || (items.TryGetProperty("properties", out var listed) && listed.TryGetProperty("id", out _)))
                embedded ??= registry.Compile(uri, options);
            else if (items.TryGetProperty("properties", out _))
                linked ??= registry.Compile(uri, options);
        }
        return new OcdsSchemaReadings(linked, embedded);
    }

    private static bool TryGetPath(JsonElement element, out JsonElement found, params ReadOnlySpan<string> path)
    {
        found = element;
        foreach (var name in path)
        {
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(name, out found)) return false;
        }
        return true;
    }

    /// <summary>The engine's findings for one item, read as lib-cove-ocds reads the schema.</summary>
    public List<Finding> Refine(JsonElement item, bool isRecord, SchemaNode facts, IReadOnlyList<Finding> engine)
    {
        var findings = new List<Finding>(engine.Count);
        var hasEnum = false;
        var hasUnique = false;
        foreach (var finding in engine)
        {
            if (isRecord && finding.Keyword == "oneOf" && finding.Pointer == "/releases" && finding.SchemaLocation?.EndsWith(ReleasesOneOf, StringComparison.Ordinal) == true)
            {
                ReleasesBranch(item, finding, findings);
                continue;
            }
            hasEnum |= finding.Keyword == "enum";
            hasUnique |= finding.Keyword == "uniqueItems";
            findings.Add(finding);
        }
        if (hasEnum) DropEnumBesideType(findings);
        new IdUniqueness(findings, hasUnique).Walk(item, facts, 0);
        return findings;
    }

    private void ReleasesBranch(JsonElement record, Finding oneOf, List<Finding> findings)
    {
        record.TryGetProperty("releases"u8, out var releases);
        var withId = 0;
        var count = 0;
        if (releases.ValueKind == JsonValueKind.Array)
        {
            foreach (var release in releases.EnumerateArray())
            {
                count++;
                if (release.ValueKind == JsonValueKind.Object && release.TryGetProperty("id"u8, out _)) withId++;
            }
        }
        var branch = withId == 0 ? linkedReleases : withId == count ? embeddedReleases : null;
        if (branch is null)
        {
            findings.Add(withId == 0 || withId == count ? oneOf : oneOf with
            {
                Message = "The releases are a mixture of embedded releases (with an 'id') and linked releases (without): a record holds either only embedded releases or only linked releases.",
            });
            return;
        }
        var result = branch.Validate(releases);
        // The chosen branch may pass where the oneOf failed only because both branches passed: keep the oneOf then.
        if (result.IsValid) findings.Add(oneOf);
        else findings.AddRange(result.ToFindings(pointerPrefix: "/releases"));
    }

    /// <summary>Drops an <c>enum</c> error where the same value already has a <c>type</c> error.</summary>
    private static void DropEnumBesideType(List<Finding> findings)
    {
        HashSet<string>? mistyped = null;
        foreach (var finding in findings)
        {
            if (finding.Keyword == "type") (mistyped ??= new HashSet<string>(StringComparer.Ordinal)).Add(finding.Pointer);
        }
        if (mistyped is null) return;
        findings.RemoveAll(finding => finding.Keyword == "enum" && mistyped.Contains(finding.Pointer));
    }

    /// <summary>
    /// How many findings <see cref="Refine"/> adds to or removes from the engine's for a release whose engine
    /// errors were only counted (the result is full): the duplicate ids, less the engine's whole-object
    /// <c>uniqueItems</c> errors they replace. Exact but for a null in a coded field, counted twice there
    /// (its <c>type</c> and <c>enum</c> errors) where the report keeps one.
    /// </summary>
    public static int CountDelta(JsonElement item, SchemaNode facts)
    {
        var ids = new IdUniqueness(null, false);
        ids.Walk(item, facts, 0);
        return ids.Delta;
    }

    /// <summary>
    /// The uniqueness of ids in the arrays the schema marks <c>uniqueItems</c>: one finding per duplicated id at
    /// the array, in place of the engine's whole-object comparison when every item has an id. The path is kept
    /// as segments and written out only for a duplicate: most releases have none.
    /// </summary>
    private sealed class IdUniqueness(List<Finding>? findings, bool engineReportedUniqueItems)
    {
        private readonly List<(string? Name, int Index)> _path = [];

        /// <summary>In counting mode (no findings list): findings added less findings removed.</summary>
        public int Delta { get; private set; }

        public void Walk(JsonElement value, SchemaNode? schema, int depth)
        {
            if (schema is null || depth > Streaming.OcdsStreamReader.MaxDepth) return;
            if (value.ValueKind == JsonValueKind.Object)
            {
                if (schema is { Items: { } itemSchema, Properties.Count: 0 }) schema = itemSchema;
                if (schema.Properties.Count == 0) return;
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) continue;
                    if (!schema.TryFind(property, out var name, out var child, out _) || child is null) continue;
                    _path.Add((name, 0));
                    Walk(property.Value, child, depth + 1);
                    _path.RemoveAt(_path.Count - 1);
                }
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                if (schema.UniqueItems) Check(value);
                if (schema.Items is not { } items) return;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        _path.Add((null, index));
                        Walk(item, items, depth + 1);
                        _path.RemoveAt(_path.Count - 1);
                    }
                    index++;
                }
            }
        }

        private string Pointer()
        {
            var pointer = "";
            foreach (var (name, index) in _path) pointer = name is null ? Json.JsonPointerText.Append(pointer, index) : Json.JsonPointerText.Append(pointer, name);
            return pointer;
        }

        private void Check(JsonElement array)
        {
            var length = array.GetArrayLength();
            if (length < 2) return;
            var withIds = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (IdOf(item) is not null) withIds++;
            }
            if (withIds < 2) return;
            var duplicated = DuplicatedIds(array, withIds);
            // No id repeats: when every item has an id, no two items can be equal either, so the engine said nothing.
            if (duplicated.Count == 0) return;
            var pointer = findings is null ? null : Pointer();
            var engineSaidEqual = findings is null
                ? AnyTwoEqual(array)
                : engineReportedUniqueItems && findings.Exists(f => f.Keyword == "uniqueItems" && f.Pointer == pointer);
            if (withIds < length && engineSaidEqual)
            {
                // Some item has no id and two items are equal: that one failure is the whole report (as lib-cove's).
                return;
            }
            if (engineSaidEqual)
            {
                // Ids decide; the engine's "items are equal" is the same failure seen less precisely.
                if (findings is null) Delta--;
                else findings.RemoveAll(f => f.Keyword == "uniqueItems" && f.Pointer == pointer);
            }
            foreach (var id in duplicated)
            {
                if (findings is null)
                {
                    Delta++;
                    continue;
                }
                findings.Add(new Finding
                {
                    RuleId = RuleIds.Schema, Severity = Severity.Error, Pointer = pointer!, Keyword = "uniqueItems",
                    Message = $"Non-unique id values: more than one item has the id {Shown(id)}; the items of this array are told apart by id.",
                    Value = id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText(),
                });
            }
        }

        /// <summary>Each id that more than one item has, once, in order of first appearance.</summary>
        private static List<JsonElement> DuplicatedIds(JsonElement array, int withIds)
        {
            var duplicated = new List<JsonElement>();
            if (withIds > 64)
            {
                var seen = new HashSet<(JsonValueKind, string)>();
                var reported = new HashSet<(JsonValueKind, string)>();
                foreach (var item in array.EnumerateArray())
                {
                    if (IdOf(item) is not { } id) continue;
                    var key = (id.ValueKind, id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText());
                    if (!seen.Add(key) && reported.Add(key)) duplicated.Add(id);
                }
                return duplicated;
            }
            // Arrays are short (a release's parties, awards, documents): compare ids pairwise, no set per array.
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (IdOf(item) is { } id && FirstWithId(array, id, index) == index && HasLaterId(array, id, index)) duplicated.Add(id);
                index++;
            }
            return duplicated;
        }

        /// <summary>Whether two items are equal as JSON values (the engine's uniqueItems).</summary>
        private static bool AnyTwoEqual(JsonElement array)
        {
            var i = 0;
            foreach (var a in array.EnumerateArray())
            {
                var j = 0;
                foreach (var b in array.EnumerateArray())
                {
                    if (j > i && SameValue(a, b)) return true;
                    j++;
                }
                i++;
            }
            return false;
        }

        /// <summary>The index of the first item whose id equals <paramref name="id"/>, at most <paramref name="upTo"/>.</summary>
        private static int FirstWithId(JsonElement array, JsonElement id, int upTo)
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (index == upTo || (IdOf(item) is { } other && SameValue(other, id))) return index;
                index++;
            }
            return upTo;
        }

        private static bool HasLaterId(JsonElement array, JsonElement id, int after)
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (index++ > after && IdOf(item) is { } other && SameValue(other, id)) return true;
            }
            return false;
        }

        /// <summary>Values compare as JSON values: strings by text, numbers by value (lib-cove compares Python values).</summary>
        private static bool SameValue(JsonElement a, JsonElement b)
        {
            if (a.ValueKind != b.ValueKind) return false;
#if NET9_0_OR_GREATER
            return JsonElement.DeepEquals(a, b);
#else
            return a.ValueKind switch
            {
                JsonValueKind.String => a.ValueEquals(b.GetString()),
                JsonValueKind.Number => a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetRawText() == b.GetRawText(),
                JsonValueKind.Object or JsonValueKind.Array => a.GetRawText() == b.GetRawText(),
                _ => true, // true, false, null: same kind, same value
            };
#endif
        }

        /// <summary>An item's id when it is a plain value (lib-cove: present, not null, not an object or array).</summary>
        private static JsonElement? IdOf(JsonElement item) =>
            item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id"u8, out var id) && id.ValueKind is not (JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array)
                ? id : null;

        private static string Shown(JsonElement id) => id.ValueKind == JsonValueKind.String ? "'" + id.GetString() + "'" : id.GetRawText();
    }
}
