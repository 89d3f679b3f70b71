using System.Text.Json;

namespace OgpData.Schema;

/// <summary><c>dependentSchemas</c>, and the schema form of draft 4–7 <c>dependencies</c>.</summary>
internal sealed class DependentSchemasKeyword(string name, string location, string[] properties, SchemaNode[] schemas)
    : Keyword(name, location)
{
    /// <summary>
    /// <c>dependencies</c> (before 2019-09: a schema or a list of required names per property), and its two
    /// halves <c>dependentRequired</c> and <c>dependentSchemas</c> (2019-09 on).
    /// </summary>
    public static void Compile(KeywordContext c)
    {
        if (c.Has("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
        {
            Add(c, "dependencies", dependencies, allowSchemas: true, allowArrays: true);
        }
        if (c.Has("dependentRequired", out var dependentRequired) && dependentRequired.ValueKind == JsonValueKind.Object)
        {
            Add(c, "dependentRequired", dependentRequired, allowSchemas: false, allowArrays: true);
        }
        if (c.Has("dependentSchemas", out var dependentSchemas) && dependentSchemas.ValueKind == JsonValueKind.Object)
        {
            Add(c, "dependentSchemas", dependentSchemas, allowSchemas: true, allowArrays: false);
        }
    }

    private static void Add(KeywordContext c, string keyword, JsonElement map, bool allowSchemas, bool allowArrays)
    {
        var schemaNames = new List<string>();
        var schemaNodes = new List<SchemaNode>();
        var requiredNames = new List<string>();
        var requiredLists = new List<string[]>();
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Array && allowArrays)
            {
                requiredNames.Add(entry.Name);
                requiredLists.Add(c.Strings(entry.Value, keyword));
            }
            else if (allowSchemas)
            {
                schemaNames.Add(entry.Name);
                schemaNodes.Add(c.Sub(keyword, entry.Name));
            }
        }
        if (requiredNames.Count > 0) c.Add(new DependentRequiredKeyword(keyword, c.At(keyword), requiredNames.ToArray(), requiredLists.ToArray()));
        if (schemaNodes.Count > 0) c.Add(new DependentSchemasKeyword(keyword, c.At(keyword), schemaNames.ToArray(), schemaNodes.ToArray()));
    }

    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        for (var i = 0; i < properties.Length; i++)
        {
            if (!instance.TryGetProperty(properties[i], out _)) continue;
            if (!schemas[i].Evaluate(instance, evaluator, evaluated))
            {
                valid = false;
                if (evaluator.ShortCircuit) return false;
            }
        }
        return valid;
    }
}

/// <summary><c>dependentRequired</c>, and the array form of draft 4–7 <c>dependencies</c>.</summary>
internal sealed class DependentRequiredKeyword(string name, string location, string[] properties, string[][] required)
    : Keyword(name, location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        for (var i = 0; i < properties.Length; i++)
        {
            if (!instance.TryGetProperty(properties[i], out _)) continue;
            foreach (var needed in required[i])
            {
                if (instance.TryGetProperty(needed, out _)) continue;
                valid = false;
                if (!evaluator.Reporting) return false;
                evaluator.Add(Name, Location,
                    $"missing property {ValueText.Quote(needed)}, required when {ValueText.Quote(properties[i])} is present", null);
            }
        }
        return valid;
    }
}
