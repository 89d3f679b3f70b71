using System.Text.Json;

namespace OgpData.Schema;

internal sealed class AllOfKeyword(string location, SchemaNode[] schemas) : Keyword("allOf", location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("allOf", out var array) && array.ValueKind == JsonValueKind.Array) c.Add(new AllOfKeyword(c.At("allOf"), c.Subs("allOf", array)));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var valid = true;
        foreach (var schema in schemas)
        {
            if (!schema.Evaluate(instance, evaluator, evaluated))
            {
                valid = false;
                if (evaluator.ShortCircuit) return false;
            }
        }
        return valid;
    }
}
