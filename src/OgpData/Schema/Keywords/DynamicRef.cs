using System.Text.Json;

namespace OgpData.Schema;

/// <summary>
/// <c>$dynamicRef</c> (2020-12): like <c>$ref</c>, but when the statically resolved target is a
/// <c>$dynamicAnchor</c>, the outermost schema resource in the dynamic scope with that anchor wins.
/// </summary>
internal sealed class DynamicRefKeyword(string location, SchemaNode target, string? anchor) : Keyword("$dynamicRef", location)
{
    public static void Compile(KeywordContext c)
    {
        if (!c.Has("$dynamicRef", out var dynamicRef) || dynamicRef.ValueKind != JsonValueKind.String) return;
        var at = c.At("$dynamicRef");
        var absolute = c.Absolute(dynamicRef.GetString()!, at);
        var resolved = c.Index.Resolve(absolute, at);
        var (_, fragment) = SchemaUri.Split(absolute);
        string? anchorName = null;
        // Dynamic only when the initial target is itself a $dynamicAnchor of that name.
        if (!string.IsNullOrEmpty(fragment) && fragment[0] != '/' &&
            resolved.Resource?.DynamicAnchorPointers is { } dyn && dyn.ContainsKey(fragment))
        {
            anchorName = fragment;
        }
        else if (!string.IsNullOrEmpty(fragment) && fragment[0] != '/')
        {
            // The target may not be filled yet; look the anchor up through the index.
            var (abs, _) = SchemaUri.Split(absolute);
            if (c.Index.FindResource(SchemaUri.Normalize(abs)) is { DynamicAnchorPointers: { } pointers } && pointers.ContainsKey(fragment))
            {
                anchorName = fragment;
            }
        }
        c.Add(new DynamicRefKeyword(at, resolved, anchorName));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var node = anchor is null ? target : evaluator.FindDynamicAnchor(anchor) ?? target;
        return node.Evaluate(instance, evaluator, evaluated);
    }
}
