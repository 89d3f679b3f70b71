using System.Text.Json;

namespace OgpData.Schema;

internal sealed class PatternKeyword(string location, SchemaRegex regex) : Keyword("pattern", location)
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
        {
            c.Add(new PatternKeyword(c.At("pattern"), c.Regex(pattern.GetString()!, c.At("pattern"))));
        }
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String) return true;
        Span<char> buffer = stackalloc char[StringChars.StackLimit];
        var ok = regex.IsMatch(StringChars.Get(instance, buffer));
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"{ValueText.Short(instance)} does not match the pattern {ValueText.Quote(regex.Pattern)}");
        }
        return ok;
    }
}
