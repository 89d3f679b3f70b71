using System.Text;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary><c>enum</c>: a hash lookup; string-only enums (OCDS codelists) are matched on the raw UTF-8.</summary>
internal sealed class EnumKeyword : Keyword
{
    public static void Compile(KeywordContext c)
    {
        if (c.Has("enum", out var enumeration) && enumeration.ValueKind == JsonValueKind.Array) c.Add(new EnumKeyword(c.At("enum"), enumeration));
    }

    private readonly Utf8NameTable? _strings;
    private readonly HashSet<JsonElement>? _values;
    private readonly bool _allStrings;
    private readonly string _shown;

    public EnumKeyword(string location, JsonElement list) : base("enum", location)
    {
        var texts = new List<string>();
        _allStrings = true;
        _values = new HashSet<JsonElement>(JsonValueComparer.Instance);
        foreach (var item in list.EnumerateArray())
        {
            _values.Add(item);
            if (item.ValueKind == JsonValueKind.String) texts.Add(JsonText.StringOf(item));
            else _allStrings = false;
        }
        if (texts.Count > 0) _strings = new Utf8NameTable(texts);
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
        _shown = sample.ToString();
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        bool ok;
        if (instance.ValueKind == JsonValueKind.String) ok = _strings is not null && _strings.FindString(instance) >= 0;
        else ok = !_allStrings && _values!.Contains(instance);
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"{ValueText.Short(instance)} is not one of the allowed values ({_shown})");
        }
        return ok;
    }
}
