using System.Text;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary>
/// <c>properties</c>, <c>patternProperties</c> and <c>additionalProperties</c> of one schema, in one pass
/// over the instance's members; names are looked up from the document's UTF-8 bytes.
/// </summary>
internal sealed class PropertiesKeyword : Keyword
{
    private readonly Utf8NameTable? names;
    private readonly SchemaNode[] schemas;
    private readonly SchemaRegex[] patterns;
    private readonly SchemaNode[] patternSchemas;
    private readonly SchemaNode? additional;
    private readonly string additionalLocation;

    public PropertiesKeyword(string name, string location, Utf8NameTable? names, SchemaNode[] schemas,
        SchemaRegex[] patterns, SchemaNode[] patternSchemas, SchemaNode? additional, string additionalLocation)
        : base(name, location)
    {
        this.names = names;
        this.schemas = schemas;
        this.patterns = patterns;
        this.patternSchemas = patternSchemas;
        this.additional = additional;
        this.additionalLocation = additionalLocation;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        Span<char> buffer = stackalloc char[patterns.Length > 0 ? StringChars.StackLimit : 0];
        foreach (var property in instance.EnumerateObject())
        {
            var known = false;
            if (names is not null)
            {
                var slot = names.Find(property);
                if (slot >= 0)
                {
                    known = true;
                    if (!EvaluateMember(property, schemas[slot], evaluator, evaluated))
                    {
                        valid = false;
                        if (evaluator.ShortCircuit) return false;
                    }
                }
            }
            if (patterns.Length > 0)
            {
                scoped ReadOnlySpan<char> name = default;
                var decoded = false;
#if NET9_0_OR_GREATER
                var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
                var plain = raw.IndexOf((byte)'\\') < 0;
#endif
                for (var p = 0; p < patterns.Length; p++)
                {
#if NET9_0_OR_GREATER
                    // Most names fail the pattern's literal prefix: reject them on the raw bytes.
                    if (plain && patterns[p].PrefixUtf8 is { } prefix && !raw.StartsWith(prefix)) continue;
#endif
                    if (!decoded)
                    {
                        name = NameChars(property, buffer);
                        decoded = true;
                    }
                    if (!patterns[p].IsMatch(name)) continue;
                    known = true;
                    if (!EvaluateMember(property, patternSchemas[p], evaluator, evaluated))
                    {
                        valid = false;
                        if (evaluator.ShortCircuit) return false;
                    }
                }
            }
            if (known || additional is null) continue;
            if (additional.Constant == false)
            {
                valid = false;
                if (!evaluator.Reporting) return false;
                if (evaluator.PushProperty(property))
                {
                    evaluator.Add("additionalProperties", additionalLocation,
                        $"property {ValueText.Quote(property.Name)} is not allowed here (additionalProperties is false)", null);
                    evaluator.Pop();
                }
                continue;
            }
            if (!EvaluateMember(property, additional, evaluator, evaluated))
            {
                valid = false;
                if (evaluator.ShortCircuit) return false;
            }
        }
        if (evaluated is not null && additional is not null && valid) evaluated.AllProperties = true;
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

internal sealed class RequiredKeyword : Keyword
{
    private readonly string[] names;
    private readonly byte[][] utf8;

    public RequiredKeyword(string location, string[] names) : base("required", location)
    {
        this.names = names;
        utf8 = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++) utf8[i] = Encoding.UTF8.GetBytes(names[i]);
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (instance.TryGetProperty(utf8[i], out _)) continue;
            valid = false;
            if (!evaluator.Reporting) return false;
            evaluator.Add(Name, Location, $"missing required property {ValueText.Quote(names[i])}", null);
        }
        return valid;
    }
}

internal sealed class PropertyCountKeyword(string name, string location, bool isMinimum, int limit) : Keyword(name, location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var count = 0;
        foreach (var _ in instance.EnumerateObject()) count++;
        var ok = isMinimum ? count >= limit : count <= limit;
        if (!ok && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"expected {(isMinimum ? "at least" : "at most")} {limit} propert{(limit == 1 ? "y" : "ies")}, found {count}");
        }
        return ok;
    }
}

internal sealed class PropertyNamesKeyword(string location, SchemaNode schema) : Keyword("propertyNames", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            // The name becomes a JSON string instance of its own (rare keyword: the allocation is fine).
            using var name = JsonDocument.Parse(ValueText.JsonString(property.Name));
            if (!evaluator.PushProperty(property)) return false;
            evaluator.BeginSilent();
            var ok = schema.Evaluate(name.RootElement, evaluator, null);
            evaluator.EndSilent();
            if (!ok)
            {
                valid = false;
                if (evaluator.Reporting)
                {
                    evaluator.Add(Name, Location, $"the property name {ValueText.Quote(property.Name)} does not match the schema under propertyNames", ValueText.Quote(property.Name));
                }
            }
            evaluator.Pop();
            if (!ok && evaluator.ShortCircuit) return false;
        }
        return valid;
    }
}

internal sealed class UnevaluatedPropertiesKeyword(string location, SchemaNode schema) : Keyword("unevaluatedProperties", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object || evaluated is null || evaluated.AllProperties) return true;
        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            if (evaluated.IsPropertyEvaluated(property.Name)) continue;
            if (!evaluator.PushProperty(property)) return false;
            var ok = schema.Constant != false && schema.Evaluate(property.Value, evaluator, null);
            if (!ok && schema.Constant == false && evaluator.Reporting)
            {
                evaluator.Add(Name, Location, $"property {ValueText.Quote(property.Name)} is not allowed here (unevaluated properties are forbidden)", null);
            }
            evaluator.Pop();
            if (!ok)
            {
                valid = false;
                if (evaluator.ShortCircuit) return false;
            }
        }
        if (valid) evaluated.AllProperties = true;
        return valid;
    }
}
