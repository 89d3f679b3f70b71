using System.Text;
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

/// <summary><c>enum</c>: a hash lookup; string-only enums (OCDS codelists) are matched on the raw UTF-8.</summary>
internal sealed class EnumKeyword : Keyword
{
    private readonly Utf8NameTable? strings;
    private readonly HashSet<JsonElement>? values;
    private readonly bool allStrings;
    private readonly string shown;

    public EnumKeyword(string location, JsonElement list) : base("enum", location)
    {
        var texts = new List<string>();
        allStrings = true;
        values = new HashSet<JsonElement>(JsonValueComparer.Instance);
        foreach (var item in list.EnumerateArray())
        {
            values.Add(item);
            if (item.ValueKind == JsonValueKind.String) texts.Add(JsonText.StringOf(item));
            else allStrings = false;
        }
        if (texts.Count > 0) strings = new Utf8NameTable(texts);
        var sample = new StringBuilder();
        var count = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (count++ == 8)
            {
                sample.Append(", …");
                break;
            }
            if (sample.Length > 0) sample.Append(", ");
            sample.Append(ValueText.Short(item));
        }
        shown = sample.ToString();
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        bool ok;
        if (instance.ValueKind == JsonValueKind.String) ok = strings is not null && strings.FindString(instance) >= 0;
        else ok = !allStrings && values!.Contains(instance);
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"{ValueText.Short(instance)} is not one of the allowed values ({shown})");
        }
        return ok;
    }
}

internal sealed class ConstKeyword(string location, JsonElement expected) : Keyword("const", location)
{
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
