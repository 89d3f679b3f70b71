using System.Text.Json;

namespace OgpData.Schema;

internal sealed class PropertyCountKeyword(string name, string location, bool isMinimum, int limit) : Keyword(name, location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("minProperties", out var minProperties)) c.Add(new PropertyCountKeyword("minProperties", c.At("minProperties"), true, c.Count(minProperties, "minProperties")));
        if (c.Has("maxProperties", out var maxProperties)) c.Add(new PropertyCountKeyword("maxProperties", c.At("maxProperties"), false, c.Count(maxProperties, "maxProperties")));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var count = 0;
        foreach (var _ in instance.EnumerateObject()) count++;
        var ok = isMinimum ? count >= limit : count <= limit;
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"expected {(isMinimum ? "at least" : "at most")} {limit} propert{(limit == 1 ? "y" : "ies")}, found {count}");
        }
        return ok;
    }
}
