using System.Text.Json;

namespace OgpData.Schema;

/// <summary>
/// Items by position: <c>prefixItems</c> + <c>items</c> (2020-12), or array-form <c>items</c> +
/// <c>additionalItems</c> / single <c>items</c> (earlier drafts). One pass over the array.
/// </summary>
internal sealed class ItemsKeyword(string name, string location, SchemaNode[]? prefix, SchemaNode? rest, string? restName, string? restLocation)
    : Keyword(name, location)
{
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

internal sealed class ItemCountKeyword(string name, string location, bool isMinimum, int limit) : Keyword(name, location)
{
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

internal sealed class UniqueItemsKeyword(string location) : Keyword("uniqueItems", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array) return true;
        var count = instance.GetArrayLength();
        if (count < 2) return true;
        int first = -1, second = -1;
        if (count <= 8)
        {
            for (var i = 0; i < count && first < 0; i++)
            {
                for (var j = i + 1; j < count; j++)
                {
                    if (JsonValueComparer.Instance.Equals(instance[i], instance[j]))
                    {
                        first = i;
                        second = j;
                        break;
                    }
                }
            }
        }
        else
        {
            var seen = new Dictionary<JsonElement, int>(count, JsonValueComparer.Instance);
            var index = 0;
            foreach (var item in instance.EnumerateArray())
            {
                if (!seen.TryAdd(item, index))
                {
                    first = seen[item];
                    second = index;
                    break;
                }
                index++;
            }
        }
        if (first < 0) return true;
        if (evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"expected unique items, but items {first} and {second} are equal");
        }
        return false;
    }
}

/// <summary><c>contains</c> with <c>minContains</c>/<c>maxContains</c>.</summary>
internal sealed class ContainsKeyword(string location, SchemaNode schema, int minimum, int? maximum, bool annotates)
    : Keyword("contains", location)
{
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

internal sealed class UnevaluatedItemsKeyword(string location, SchemaNode schema) : Keyword("unevaluatedItems", location)
{
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
