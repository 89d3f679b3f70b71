using System.Text.Json;

namespace OgpData.Schema;

internal sealed class UniqueItemsKeyword(string location) : Keyword("uniqueItems", location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True) c.Add(new UniqueItemsKeyword(c.At("uniqueItems")));
    }

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
