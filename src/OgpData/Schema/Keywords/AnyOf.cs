using System.Text.Json;

namespace OgpData.Schema;

internal sealed class AnyOfKeyword(string location, SchemaNode[] schemas) : Keyword("anyOf", location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("anyOf", out var array) && array.ValueKind == JsonValueKind.Array) c.Add(new AnyOfKeyword(c.At("anyOf"), c.Subs("anyOf", array)));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var valid = false;
        evaluator.BeginSilent();
        foreach (var schema in schemas)
        {
            var branch = evaluated is null ? null : new Evaluated();
            if (schema.Evaluate(instance, evaluator, branch))
            {
                valid = true;
                if (evaluated is null) break;
                evaluated.Merge(branch!);
            }
        }
        evaluator.EndSilent();
        if (!valid && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"{ValueText.Short(instance)} matches none of the {schemas.Length} schemas of anyOf");
        }
        return valid;
    }
}
