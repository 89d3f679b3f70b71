using System.Text.Json;

namespace OgpData.Schema;

internal sealed class PropertyNamesKeyword(string location, SchemaNode schema) : Keyword("propertyNames", location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("propertyNames")) c.Add(new PropertyNamesKeyword(c.At("propertyNames"), c.Sub("propertyNames")));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            // The name becomes a JSON string instance of its own (rare keyword: the allocation is fine).
            using var name = JsonDocument.Parse(ValueText.JsonString(property.Name));
            if (!evaluator.PushProperty(property)) return false;
            evaluator.BeginSilent();
            var ok = schema.Evaluate(name.RootElement, evaluator, null);
            evaluator.EndSilent();
            if (!ok)
            {
                valid = false;
                if (evaluator.Reporting)
                {
                    evaluator.Add(Name, Location, $"the property name {ValueText.Quote(property.Name)} does not match the schema under propertyNames", ValueText.Quote(property.Name));
                }
            }
            evaluator.Pop();
            if (!ok && evaluator.ShortCircuit) return false;
        }
        return valid;
    }
}
