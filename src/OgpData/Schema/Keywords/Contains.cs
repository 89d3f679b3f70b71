using System.Text.Json;

namespace OgpData.Schema;

/// <summary><c>contains</c> with <c>minContains</c>/<c>maxContains</c>.</summary>
internal sealed class ContainsKeyword(string location, SchemaNode schema, int minimum, int? maximum, bool annotates)
    : Keyword("contains", location)
{
    public static void Compile(KeywordContext c)
    {
        if (!c.Has("contains")) return;
        var minimumCount = c.Has("minContains", out var minContains) ? c.Count(minContains, "minContains") : 1;
        int? maximumCount = c.Has("maxContains", out var maxContains) ? c.Count(maxContains, "maxContains") : null;
        // 2020-12 annotates the matching indexes, for unevaluatedItems.
        c.Add(new ContainsKeyword(c.At("contains"), c.Sub("contains"), minimumCount, maximumCount, c.Draft == SchemaDraft.Draft202012));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array) return true;
        var matches = 0;
        var index = 0;
        var needAll = maximum is not null || (annotates && evaluated is not null);
        evaluator.BeginSilent();
        foreach (var item in instance.EnumerateArray())
        {
            if (!evaluator.PushIndex(index)) break;
            if (schema.Evaluate(item, evaluator, null))
            {
                matches++;
                if (annotates && evaluated is not null) evaluated.AddItem(index);
            }
            evaluator.Pop();
            index++;
            if (!needAll && matches >= minimum) break;
        }
        evaluator.EndSilent();
        var ok = matches >= minimum && (maximum is null || matches <= maximum);
        if (!ok && evaluator.Reporting)
        {
            var message = matches < minimum
                ? minimum == 1
                    ? "expected at least one item matching the schema under \"contains\", found none"
                    : $"expected at least {minimum} items matching \"contains\", found {matches}"
                : $"expected at most {maximum} items matching \"contains\", found {matches}";
            evaluator.Add(matches < minimum && minimum != 1 ? "minContains" : matches < minimum ? "contains" : "maxContains",
                Location, message, null);
        }
        return ok;
    }
}
