using System.Text.Json;

namespace OgpData.Schema;

/// <summary>
/// Items by position: <c>prefixItems</c> + <c>items</c> (2020-12), or array-form <c>items</c> +
/// <c>additionalItems</c> / single <c>items</c> (earlier drafts). One pass over the array.
/// </summary>
internal sealed class ItemsKeyword(string name, string location, SchemaNode[]? prefix, SchemaNode? rest, string? restName, string? restLocation)
    : Keyword(name, location)
{
    public static void Compile(KeywordContext c)
    {
        if (DraftVocabulary.Has(c.Draft, "prefixItems"))
        {
            // 2020-12: prefixItems holds the positional schemas and items the rest.
            SchemaNode[]? prefixNodes = c.Has("prefixItems", out var prefixItems) && prefixItems.ValueKind == JsonValueKind.Array
                ? c.Subs("prefixItems", prefixItems)
                : null;
            var restNode = c.Has("items") ? c.Sub("items") : null;
            if (prefixNodes is not null || restNode is not null)
            {
                c.Add(new ItemsKeyword(prefixNodes is not null ? "prefixItems" : "items", c.At(prefixNodes is not null ? "prefixItems" : "items"),
                    prefixNodes, restNode, "items", c.At("items")));
            }
        }
        else if (c.Has("items", out var items))
        {
            // Earlier drafts: an array of items is positional and additionalItems holds the restNode.
            if (items.ValueKind == JsonValueKind.Array)
            {
                var restNode = c.Has("additionalItems") ? c.Sub("additionalItems") : null;
                c.Add(new ItemsKeyword("items", c.At("items"), c.Subs("items", items), restNode, "additionalItems", c.At("additionalItems")));
            }
            else
            {
                c.Add(new ItemsKeyword("items", c.At("items"), null, c.Sub("items"), "items", c.At("items")));
            }
        }
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array) return true;
        var prefixLength = prefix?.Length ?? 0;
        var length = instance.GetArrayLength();
        if (rest is { Constant: false } && length > prefixLength)
        {
            if (evaluator.Reporting)
            {
                evaluator.Add(restName!, restLocation!,
                    $"expected at most {prefixLength} item{(prefixLength == 1 ? "" : "s")}, found {length}", null);
            }
            if (evaluator.ShortCircuit) return false;
            length = prefixLength;
            EvaluatePrefix(instance, evaluator, length);
            return false;
        }
        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            var schema = index < prefixLength ? prefix![index] : rest;
            if (schema is null) break;
            if (!evaluator.PushIndex(index)) return false;
            var ok = schema.Evaluate(item, evaluator, null);
            evaluator.Pop();
            if (!ok)
            {
                valid = false;
                if (evaluator.ShortCircuit) return false;
            }
            index++;
        }
        if (evaluated is not null)
        {
            if (rest is not null && length > prefixLength) evaluated.AllItems = true;
            evaluated.ItemPrefix = Math.Max(evaluated.ItemPrefix, Math.Min(length, prefixLength));
            if (rest is not null) evaluated.AllItems = true;
        }
        return valid;
    }

    private void EvaluatePrefix(in JsonElement instance, Evaluator evaluator, int count)
    {
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (index >= count) break;
            if (!evaluator.PushIndex(index)) return;
            prefix![index].Evaluate(item, evaluator, null);
            evaluator.Pop();
            index++;
        }
    }
}
