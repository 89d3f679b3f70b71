using System.Text.Json;

namespace OgpData.Schema;

internal sealed class OneOfKeyword(string location, SchemaNode[] schemas) : Keyword("oneOf", location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("oneOf", out var array) && array.ValueKind == JsonValueKind.Array) c.Add(new OneOfKeyword(c.At("oneOf"), c.Subs("oneOf", array)));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var first = -1;
        var second = -1;
        Evaluated? winner = null;
        evaluator.BeginSilent();
        for (var i = 0; i < schemas.Length; i++)
        {
            var branch = evaluated is null ? null : new Evaluated();
            if (!schemas[i].Evaluate(instance, evaluator, branch)) continue;
            if (first < 0)
            {
                first = i;
                winner = branch;
            }
            else
            {
                second = i;
                break;
            }
        }
        evaluator.EndSilent();
        if (first >= 0 && second < 0)
        {
            if (evaluated is not null) evaluated.Merge(winner!);
            return true;
        }
        if (evaluator.Reporting)
        {
            evaluator.Report(this, instance, first < 0
                ? $"{ValueText.Short(instance)} matches none of the {schemas.Length} schemas of oneOf"
                : $"{ValueText.Short(instance)} matches more than one schema of oneOf (at least #{first} and #{second}); exactly one is required");
        }
        return false;
    }
}
