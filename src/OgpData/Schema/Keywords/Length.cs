using System.Text.Json;

namespace OgpData.Schema;

internal sealed class LengthKeyword(string name, string location, bool isMinimum, int limit) : Keyword(name, location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("minLength", out var minLength)) c.Add(new LengthKeyword("minLength", c.At("minLength"), true, c.Count(minLength, "minLength")));
        if (c.Has("maxLength", out var maxLength)) c.Add(new LengthKeyword("maxLength", c.At("maxLength"), false, c.Count(maxLength, "maxLength")));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String) return true;
        var length = JsonText.CodePointLength(instance);
        var ok = isMinimum ? length >= limit : length <= limit;
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, isMinimum
                ? $"expected a string of at least {limit} character{(limit == 1 ? "" : "s")}, found {length}: {ValueText.Short(instance)}"
                : $"expected a string of at most {limit} character{(limit == 1 ? "" : "s")}, found {length}: {ValueText.Short(instance)}");
        }
        return ok;
    }
}
