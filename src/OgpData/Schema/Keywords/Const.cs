using System.Text.Json;

namespace OgpData.Schema;

internal sealed class ConstKeyword(string location, JsonElement expected) : Keyword("const", location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("const", out var constant)) c.Add(new ConstKeyword(c.At("const"), constant));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var ok = JsonValueComparer.Instance.Equals(instance, expected);
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"expected the constant {ValueText.Short(expected)}, found {ValueText.Short(instance)}");
        }
        return ok;
    }
}
