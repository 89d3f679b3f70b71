using System.Text.Json;

namespace OgpData.Schema;

[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
}

internal sealed class TypeKeyword(string location, JsonTypes allowed) : Keyword("type", location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("type", out var type)) c.Add(new TypeKeyword(c.At("type"), TypesOf(type, c.At("type"))));
    }

    private static JsonTypes TypesOf(JsonElement type, string at)
    {
        var types = JsonTypes.None;
        if (type.ValueKind == JsonValueKind.String) return TypeOf(type.GetString()!, at);
        if (type.ValueKind != JsonValueKind.Array) throw new SchemaCompileException($"'type' at {at} must be a string or an array of strings.");
        foreach (var item in type.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new SchemaCompileException($"'type' at {at} must list type names.");
            types |= TypeOf(item.GetString()!, at);
        }
        return types;
    }

    private static JsonTypes TypeOf(string name, string at) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "string" => JsonTypes.String,
        "integer" => JsonTypes.Integer,
        _ => throw new SchemaCompileException($"'type' at {at} names an unknown type '{name}'."),
    };

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var ok = instance.ValueKind switch
        {
            JsonValueKind.String => (allowed & JsonTypes.String) != 0,
            JsonValueKind.Object => (allowed & JsonTypes.Object) != 0,
            JsonValueKind.Array => (allowed & JsonTypes.Array) != 0,
            JsonValueKind.Null => (allowed & JsonTypes.Null) != 0,
            JsonValueKind.True or JsonValueKind.False => (allowed & JsonTypes.Boolean) != 0,
            JsonValueKind.Number => (allowed & JsonTypes.Number) != 0 ||
                                    ((allowed & JsonTypes.Integer) != 0 && JsonNumber.IsInteger(instance)),
            _ => false,
        };
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"expected {Describe(allowed)}, found {ValueText.KindName(instance)} {ValueText.Short(instance)}");
        }
        return ok;
    }

    internal static string Describe(JsonTypes types)
    {
        var names = new List<string>();
        if ((types & JsonTypes.String) != 0) names.Add("a string");
        if ((types & JsonTypes.Number) != 0) names.Add("a number");
        else if ((types & JsonTypes.Integer) != 0) names.Add("an integer");
        if ((types & JsonTypes.Object) != 0) names.Add("an object");
        if ((types & JsonTypes.Array) != 0) names.Add("an array");
        if ((types & JsonTypes.Boolean) != 0) names.Add("a boolean");
        if ((types & JsonTypes.Null) != 0) names.Add("null");
        return names.Count switch
        {
            0 => "no value",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
        };
    }
}
