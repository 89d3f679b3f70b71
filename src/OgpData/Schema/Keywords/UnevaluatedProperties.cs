using System.Text.Json;

namespace OgpData.Schema;

internal sealed class UnevaluatedPropertiesKeyword(string location, SchemaNode schema) : Keyword("unevaluatedProperties", location)
{
    public static void Compile(KeywordContext c)
    {
        if (!c.Has("unevaluatedProperties")) return;
        c.Add(new UnevaluatedPropertiesKeyword(c.At("unevaluatedProperties"), c.Sub("unevaluatedProperties")));
        c.CollectsAnnotations = true;
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object || evaluated is null || evaluated.AllProperties) return true;
        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            if (evaluated.IsPropertyEvaluated(property.Name)) continue;
            if (!evaluator.PushProperty(property)) return false;
            var ok = schema.Constant != false && schema.Evaluate(property.Value, evaluator, null);
            if (!ok && schema.Constant == false && evaluator.Reporting)
            {
                evaluator.Add(Name, Location, $"property {ValueText.Quote(property.Name)} is not allowed here (unevaluated properties are forbidden)", null);
            }
            evaluator.Pop();
            if (!ok)
            {
                valid = false;
                if (evaluator.ShortCircuit) return false;
            }
        }
        if (valid) evaluated.AllProperties = true;
        return valid;
    }
}
