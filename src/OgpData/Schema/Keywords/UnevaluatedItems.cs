using System.Text.Json;

namespace OgpData.Schema;

internal sealed class UnevaluatedItemsKeyword(string location, SchemaNode schema) : Keyword("unevaluatedItems", location)
{
    public static void Compile(KeywordContext c)
    {
        if (!c.Has("unevaluatedItems")) return;
        c.Add(new UnevaluatedItemsKeyword(c.At("unevaluatedItems"), c.Sub("unevaluatedItems")));
        c.CollectsAnnotations = true;
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array || evaluated is null) return true;
        if (evaluated.AllItems) return true;
        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (!evaluated.IsItemEvaluated(index))
            {
                if (!evaluator.PushIndex(index)) return false;
                var ok = schema.Constant != false && schema.Evaluate(item, evaluator, null);
                if (!ok && schema.Constant == false && evaluator.Reporting)
                {
                    evaluator.Add(Name, Location, $"item {index} is not allowed here (unevaluated items are forbidden)", ValueText.Short(item));
                }
                evaluator.Pop();
                if (!ok)
                {
                    valid = false;
                    if (evaluator.ShortCircuit) return false;
                }
            }
            index++;
        }
        if (valid) evaluated.AllItems = true;
        return valid;
    }
}
