using System.Text.Json;

namespace OgpData.Schema;

internal enum BoundKind
{
    Minimum,
    Maximum,
    ExclusiveMinimum,
    ExclusiveMaximum,
}

/// <summary><c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c> (draft 4 booleans folded in).</summary>
internal sealed class BoundKeyword(string name, string location, BoundKind kind, SchemaNumber bound) : Keyword(name, location)
{
    /// <summary>
    /// minimum, maximum, exclusiveMinimum and exclusiveMaximum. In draft 4 the exclusive keywords are
    /// booleans that turn minimum/maximum exclusive; after, they are bounds of their own.
    /// </summary>
    public static void Compile(KeywordContext c)
    {
        var legacyExclusive = c.Draft == SchemaDraft.Draft4;
        if (c.Has("minimum", out var minimum))
        {
            var exclusive = legacyExclusive && c.Has("exclusiveMinimum", out var flag) && flag.ValueKind == JsonValueKind.True;
            c.Add(new BoundKeyword(exclusive ? "exclusiveMinimum" : "minimum", c.At("minimum"),
                exclusive ? BoundKind.ExclusiveMinimum : BoundKind.Minimum, c.Number(minimum, "minimum")));
        }
        if (c.Has("maximum", out var maximum))
        {
            var exclusive = legacyExclusive && c.Has("exclusiveMaximum", out var flag) && flag.ValueKind == JsonValueKind.True;
            c.Add(new BoundKeyword(exclusive ? "exclusiveMaximum" : "maximum", c.At("maximum"),
                exclusive ? BoundKind.ExclusiveMaximum : BoundKind.Maximum, c.Number(maximum, "maximum")));
        }
        if (legacyExclusive) return;
        if (c.Has("exclusiveMinimum", out var exclusiveMinimum) && exclusiveMinimum.ValueKind == JsonValueKind.Number)
        {
            c.Add(new BoundKeyword("exclusiveMinimum", c.At("exclusiveMinimum"), BoundKind.ExclusiveMinimum, SchemaNumber.From(exclusiveMinimum)));
        }
        if (c.Has("exclusiveMaximum", out var exclusiveMaximum) && exclusiveMaximum.ValueKind == JsonValueKind.Number)
        {
            c.Add(new BoundKeyword("exclusiveMaximum", c.At("exclusiveMaximum"), BoundKind.ExclusiveMaximum, SchemaNumber.From(exclusiveMaximum)));
        }
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Number) return true;
        var c = JsonNumber.Compare(instance, bound);
        var ok = kind switch
        {
            BoundKind.Minimum => c >= 0,
            BoundKind.Maximum => c <= 0,
            BoundKind.ExclusiveMinimum => c > 0,
            _ => c < 0,
        };
        if (!ok && evaluator.Reporting)
        {
            var expected = kind switch
            {
                BoundKind.Minimum => "at least",
                BoundKind.Maximum => "at most",
                BoundKind.ExclusiveMinimum => "greater than",
                _ => "less than",
            };
            evaluator.Report(this, instance, $"expected a number {expected} {bound.Text}, found {ValueText.Short(instance)}");
        }
        return ok;
    }
}
