using System.Text.Json;

namespace OgpData.Schema;

internal sealed class FormatKeyword(string location, string format, FormatCheck check) : Keyword("format", location)
{
    /// <summary>Only when formats are asserted, and only for the formats the engine knows.</summary>
    public static void Compile(KeywordContext c)
    {
        if (c.Options.Formats == FormatMode.Assert && c.Has("format", out var value) && value.ValueKind == JsonValueKind.String &&
            Formats.Find(value.GetString()!) is { } formatCheck)
        {
            c.Add(new FormatKeyword(c.At("format"), value.GetString()!, formatCheck));
        }
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String) return true;
        Span<char> buffer = stackalloc char[StringChars.StackLimit];
        var ok = check(StringChars.Get(instance, buffer));
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"{ValueText.Short(instance)} is not a valid {format}");
        }
        return ok;
    }
}

/// <summary>A format validator over the characters of a string.</summary>
internal delegate bool FormatCheck(ReadOnlySpan<char> text);
