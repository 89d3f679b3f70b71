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

/// <summary><c>multipleOf</c>: exact in decimal when both numbers fit, in double otherwise.</summary>
internal sealed class MultipleOfKeyword(string location, SchemaNumber divisor) : Keyword("multipleOf", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Number) return true;
        bool ok;
        if (divisor.IsDecimal && instance.TryGetDecimal(out var value))
        {
            try
            {
                ok = value % divisor.Decimal == 0m;
            }
            catch (OverflowException)
            {
                ok = DoubleMultiple(JsonNumber.AsDouble(instance));
            }
        }
        else
        {
            ok = DoubleMultiple(JsonNumber.AsDouble(instance));
        }
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"expected a multiple of {divisor.Text}, found {ValueText.Short(instance)}");
        }
        return ok;
    }

    private bool DoubleMultiple(double value)
    {
        var quotient = value / divisor.Double;
        if (!double.IsFinite(quotient)) return false;
        return Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }
}
