using System.Text.Json;

namespace OgpData.Schema;

/// <summary><c>multipleOf</c>: exact in decimal when both numbers fit, in double otherwise.</summary>
internal sealed class MultipleOfKeyword(string location, SchemaNumber divisor) : Keyword("multipleOf", location)
{
    public static void Compile(KeywordContext c)
    {
        if (!c.Has("multipleOf", out var multipleOf)) return;
        var divisorValue = c.Number(multipleOf, "multipleOf");
        if (divisorValue.Double <= 0) throw new SchemaCompileException($"'multipleOf' at {c.Location} must be greater than 0.");
        c.Add(new MultipleOfKeyword(c.At("multipleOf"), divisorValue));
    }

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
