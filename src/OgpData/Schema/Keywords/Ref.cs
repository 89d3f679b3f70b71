using System.Text.Json;

namespace OgpData.Schema;

/// <summary><c>$ref</c>: evaluates the referenced schema in place.</summary>
internal sealed class RefKeyword(string location, SchemaNode target) : Keyword("$ref", location)
{
    public static void Compile(KeywordContext c)
    {
        if (!c.Has("$ref", out var reference) || reference.ValueKind != JsonValueKind.String) return;
        var at = c.At("$ref");
        c.Add(new RefKeyword(at, c.Index.Resolve(c.Absolute(reference.GetString()!, at), at)));
        if (DraftVocabulary.RefHidesSiblings(c.Draft)) c.Stop();
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated) =>
        target.Evaluate(instance, evaluator, evaluated);
}
