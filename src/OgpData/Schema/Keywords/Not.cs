using System.Text.Json;

namespace OgpData.Schema;

internal sealed class NotKeyword(string location, SchemaNode schema) : Keyword("not", location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("not")) c.Add(new NotKeyword(c.At("not"), c.Sub("not")));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        evaluator.BeginSilent();
        var matched = schema.Evaluate(instance, evaluator, null);
        evaluator.EndSilent();
        if (matched && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"{ValueText.Short(instance)} matches the schema under \"not\", which it must not");
        }
        return !matched;
    }
}
