using System.Text.Json;

namespace OgpData.Schema;

/// <summary><c>$recursiveRef</c> (2019-09): <c>"#"</c>, re-targeted to the outermost <c>$recursiveAnchor</c> resource.</summary>
internal sealed class RecursiveRefKeyword(string location, SchemaNode target) : Keyword("$recursiveRef", location)
{
    public static void Compile(KeywordContext c)
    {
        if (!c.Has("$recursiveRef", out var recursiveRef) || recursiveRef.ValueKind != JsonValueKind.String) return;
        var at = c.At("$recursiveRef");
        c.Add(new RecursiveRefKeyword(at, c.Index.Resolve(c.Absolute(recursiveRef.GetString()!, at), at)));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var node = target.Resource.RecursiveAnchor && ReferenceEquals(target.Resource.RootNode, target)
            ? evaluator.FindRecursiveAnchor() ?? target
            : target;
        return node.Evaluate(instance, evaluator, evaluated);
    }
}
