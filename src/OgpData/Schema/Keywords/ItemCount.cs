using System.Text.Json;

namespace OgpData.Schema;

internal sealed class ItemCountKeyword(string name, string location, bool isMinimum, int limit) : Keyword(name, location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("minItems", out var minItems)) c.Add(new ItemCountKeyword("minItems", c.At("minItems"), true, c.Count(minItems, "minItems")));
        if (c.Has("maxItems", out var maxItems)) c.Add(new ItemCountKeyword("maxItems", c.At("maxItems"), false, c.Count(maxItems, "maxItems")));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array) return true;
        var count = instance.GetArrayLength();
        var ok = isMinimum ? count >= limit : count <= limit;
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"expected {(isMinimum ? "at least" : "at most")} {limit} item{(limit == 1 ? "" : "s")}, found {count}");
        }
        return ok;
    }
}
