using System.Text;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary>
/// <c>properties</c>, <c>patternProperties</c> and <c>additionalProperties</c> of one schema, in one pass
/// over the instance's members; names are looked up from the document's UTF-8 bytes.
/// </summary>
internal sealed class PropertiesKeyword : Keyword
{
    public static void Compile(KeywordContext c)
    {
        var hasProperties = c.Has("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        var hasPatterns = c.Has("patternProperties", out var patternProperties) && patternProperties.ValueKind == JsonValueKind.Object;
        var hasAdditional = c.Has("additionalProperties");
        if (!hasProperties && !hasPatterns && !hasAdditional) return;
        Utf8NameTable? names = null;
        var schemas = new List<SchemaNode>();
        if (hasProperties)
        {
            var keys = new List<string>();
            foreach (var property in properties.EnumerateObject())
            {
                keys.Add(property.Name);
                schemas.Add(c.Sub("properties", property.Name));
            }
            names = new Utf8NameTable(keys);
        }
        var regexList = new List<SchemaRegex>();
        var patternSchemas = new List<SchemaNode>();
        if (hasPatterns)
        {
            foreach (var property in patternProperties.EnumerateObject())
            {
                regexList.Add(c.Regex(property.Name, c.At("patternProperties")));
                patternSchemas.Add(c.Sub("patternProperties", property.Name));
            }
        }
        var name = hasProperties ? "properties" : hasPatterns ? "patternProperties" : "additionalProperties";
        c.Add(new PropertiesKeyword(name, c.At(name), names, schemas.ToArray(), regexList.ToArray(), patternSchemas.ToArray(),
            hasAdditional ? c.Sub("additionalProperties") : null, c.At("additionalProperties")));
    }

    private readonly Utf8NameTable? _names;
    private readonly SchemaNode[] _schemas;
    private readonly SchemaRegex[] _patterns;
    private readonly SchemaNode[] _patternSchemas;
    private readonly SchemaNode? _additional;
    private readonly string _additionalLocation;

    public PropertiesKeyword(string name, string location, Utf8NameTable? names, SchemaNode[] schemas,
        SchemaRegex[] patterns, SchemaNode[] patternSchemas, SchemaNode? additional, string additionalLocation)
        : base(name, location)
    {
        _names = names;
        _schemas = schemas;
        _patterns = patterns;
        _patternSchemas = patternSchemas;
        _additional = additional;
        _additionalLocation = additionalLocation;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        Span<char> buffer = stackalloc char[_patterns.Length > 0 ? StringChars.StackLimit : 0];
        foreach (var property in instance.EnumerateObject())
        {
            var known = false;
            if (_names is not null)
            {
                var slot = _names.Find(property);
                if (slot >= 0)
                {
                    known = true;
                    if (!EvaluateMember(property, _schemas[slot], evaluator, evaluated))
                    {
                        valid = false;
                        if (evaluator.ShortCircuit) return false;
                    }
                }
            }
            if (_patterns.Length > 0)
            {
                scoped ReadOnlySpan<char> name = default;
                var decoded = false;
#if NET9_0_OR_GREATER
                var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
                var plain = raw.IndexOf((byte)'\\') < 0;
#endif
                for (var p = 0; p < _patterns.Length; p++)
                {
#if NET9_0_OR_GREATER
                    // Most names fail the pattern's literal prefix: reject them on the raw bytes.
                    if (plain && _patterns[p].PrefixUtf8 is { } prefix && !raw.StartsWith(prefix)) continue;
#endif
                    if (!decoded)
                    {
                        name = NameChars(property, buffer);
                        decoded = true;
                    }
                    if (!_patterns[p].IsMatch(name)) continue;
                    known = true;
                    if (!EvaluateMember(property, _patternSchemas[p], evaluator, evaluated))
                    {
                        valid = false;
                        if (evaluator.ShortCircuit) return false;
                    }
                }
            }
            if (known || _additional is null) continue;
            if (_additional.Constant == false)
            {
                valid = false;
                if (!evaluator.Reporting) return false;
                if (evaluator.PushProperty(property))
                {
                    evaluator.Add("additionalProperties", _additionalLocation,
                        $"property {ValueText.Quote(property.Name)} is not allowed here (additionalProperties is false)", null);
                    evaluator.Pop();
                }
                continue;
            }
            if (!EvaluateMember(property, _additional, evaluator, evaluated))
            {
                valid = false;
                if (evaluator.ShortCircuit) return false;
            }
        }
        if (evaluated is not null && _additional is not null && valid) evaluated.AllProperties = true;
        return valid;
    }

    private static bool EvaluateMember(in JsonProperty property, SchemaNode schema, Evaluator evaluator, Evaluated? evaluated)
    {
        if (!evaluator.PushProperty(property)) return false;
        var ok = schema.Evaluate(property.Value, evaluator, null);
        evaluator.Pop();
        if (ok && evaluated is not null) evaluated.AddProperty(property);
        return ok;
    }

    private static ReadOnlySpan<char> NameChars(JsonProperty property, Span<char> buffer)
    {
#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= buffer.Length && raw.IndexOf((byte)'\\') < 0)
        {
            var count = Encoding.UTF8.GetChars(raw, buffer);
            return buffer.Slice(0, count);
        }
#endif
        return property.Name.AsSpan();
    }
}
