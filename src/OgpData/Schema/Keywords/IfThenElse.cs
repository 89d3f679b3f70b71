using System.Text.Json;

namespace OgpData.Schema;

internal sealed class IfThenElseKeyword(string location, SchemaNode condition, SchemaNode? then, SchemaNode? otherwise)
    : Keyword("if", location)
{
    public static void Compile(KeywordContext c)
    {
        if (!c.Has("if")) return;
        c.Add(new IfThenElseKeyword(c.At("if"), c.Sub("if"), c.Has("then") ? c.Sub("then") : null, c.Has("else") ? c.Sub("else") : null));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var branch = evaluated is null ? null : new Evaluated();
        evaluator.BeginSilent();
        var holds = condition.Evaluate(instance, evaluator, branch);
        evaluator.EndSilent();
        if (holds && evaluated is not null) evaluated.Merge(branch!);
        var next = holds ? then : otherwise;
        return next is null || next.Evaluate(instance, evaluator, evaluated);
    }
}
