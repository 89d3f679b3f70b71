using System.Text;
using System.Text.Json;

namespace OgpData.Schema;

internal sealed class RequiredKeyword : Keyword
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("required", out var required) && required.ValueKind == JsonValueKind.Array && required.GetArrayLength() > 0)
        {
            c.Add(new RequiredKeyword(c.At("required"), c.Strings(required, "required")));
        }
    }

    private readonly string[] _names;
    private readonly byte[][] _utf8;

    public RequiredKeyword(string location, string[] names) : base("required", location)
    {
        _names = names;
        _utf8 = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++) _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (instance.TryGetProperty(_utf8[i], out _)) continue;
            valid = false;
            if (!evaluator.Reporting) return false;
            evaluator.Add(Name, Location, $"missing required property {ValueText.Quote(_names[i])}", null);
        }
        return valid;
    }
}
