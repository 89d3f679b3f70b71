using System.Text.Json;
using OgpData.Streaming;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// Walks an item once, beside its schema facts, and lets every check look at every value: one pass per item
/// whatever the number of rules.
/// </summary>
internal static class ItemWalker
{
    public static void WalkItem(JsonElement item, OcdsItemKind kind, CheckList checks, CheckContext context)
    {
        var schema = kind switch
        {
            OcdsItemKind.Record => context.Schemas.RecordFacts,
            OcdsItemKind.ReleasePackageMetadata => context.Schemas.ReleasePackageFacts,
            OcdsItemKind.RecordPackageMetadata => context.Schemas.RecordPackageFacts,
            _ => context.Schemas.ReleaseFacts,
        };
        Walk(new VisitedValue(item, null, schema, false), checks.ValueChecks, context, 0);
        if (kind == OcdsItemKind.Release)
        {
            VisitRelease(item, checks, context);
        }
        else if (kind == OcdsItemKind.Record)
        {
            if (OcdsJson.TryGet(item, "compiledRelease", out var compiled) && compiled.ValueKind == JsonValueKind.Object)
            {
                context.Path.Push("compiledRelease");
                VisitRelease(compiled, checks, context);
                context.Path.Pop();
            }
            foreach (var (index, release) in OcdsJson.Items(item, "releases"))
            {
                // Linked releases (url, date, tag) carry nothing to check; embedded ones have an id.
                if (!OcdsJson.TryGet(release, "id", out _)) continue;
                context.Path.Push("releases");
                context.Path.Push(index);
                VisitRelease(release, checks, context);
                context.Path.Pop();
                context.Path.Pop();
            }
        }
    }

    private static void VisitRelease(JsonElement release, CheckList checks, CheckContext context)
    {
        if (release.ValueKind != JsonValueKind.Object) return;
        foreach (var check in checks.ReleaseChecks) check.VisitRelease(release, context);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Walk(in VisitedValue visited, OcdsCheck[] checks, CheckContext context, int depth)
    {
        foreach (var check in checks) check.Visit(visited, context);
        if (depth >= OcdsStreamReader.MaxDepth) return;
        var value = visited.Value;
        var schema = visited.Schema;
        if (value.ValueKind == JsonValueKind.Object)
        {
            // An object where the schema wants an array of objects ("awards": {...}) is read as one of its items,
            // so its unknown fields are still named (the type error is the schema's).
            if (schema is { Items: { } itemSchema, Properties.Count: 0 }) schema = itemSchema;
            foreach (var property in value.EnumerateObject())
            {
                // A record's versionedRelease is walked with the versioned release schema's facts (the record
                // package schema refers to it), as lib-cove-ocds reads it.
                // Known names come back as the schema's own key strings: no string per member of every item.
                SchemaNode? child = null;
                string name;
                var knownByPattern = false;
                if (schema is null) name = context.NameOf(property);
                else schema.TryFind(property, out name, out child, out knownByPattern);
                var additional = child is null && schema is { DeclaresProperties: true } && !knownByPattern;
                context.Path.Push(name);
                Walk(new VisitedValue(property.Value, name, child, additional), checks, context, depth + 1);
                context.Path.Pop();
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            // An array where the schema wants one object: its items are read as that object.
            var items = schema is { Items: null, Properties.Count: > 0 } ? schema : schema?.Items;
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                context.Path.Push(index++);
                Walk(new VisitedValue(item, null, items, false), checks, context, depth + 1);
                context.Path.Pop();
            }
        }
    }
}

/// <summary>
/// The checks of one validation, split by what they look at: the walker calls each value's checks for every
/// value of every item, so a check that only reads whole releases is not called there for nothing.
/// </summary>
internal sealed class CheckList
{
    public CheckList(IEnumerable<OcdsCheck> checks)
    {
        var all = checks.ToArray();
        ValueChecks = Array.FindAll(all, check => check.ReadsValues);
        ReleaseChecks = Array.FindAll(all, check => check.ReadsReleases);
        All = all;
    }

    /// <summary>Every check, in rule id order.</summary>
    public OcdsCheck[] All { get; }

    /// <summary>The checks that look at values, in rule id order.</summary>
    public OcdsCheck[] ValueChecks { get; }

    /// <summary>The checks that look at whole releases, in rule id order.</summary>
    public OcdsCheck[] ReleaseChecks { get; }
}
