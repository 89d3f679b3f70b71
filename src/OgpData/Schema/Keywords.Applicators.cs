using System.Text.Json;

namespace OgpData.Schema;

/// <summary><c>$ref</c>: evaluates the referenced schema in place.</summary>
internal sealed class RefKeyword(string location, SchemaNode target) : Keyword("$ref", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated) =>
        target.Evaluate(instance, evaluator, evaluated);
}

/// <summary>
/// <c>$dynamicRef</c> (2020-12): like <c>$ref</c>, but when the statically resolved target is a
/// <c>$dynamicAnchor</c>, the outermost schema resource in the dynamic scope with that anchor wins.
/// </summary>
internal sealed class DynamicRefKeyword(string location, SchemaNode target, string? anchor) : Keyword("$dynamicRef", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var node = anchor is null ? target : evaluator.FindDynamicAnchor(anchor) ?? target;
        return node.Evaluate(instance, evaluator, evaluated);
    }
}

/// <summary><c>$recursiveRef</c> (2019-09): <c>"#"</c>, re-targeted to the outermost <c>$recursiveAnchor</c> resource.</summary>
internal sealed class RecursiveRefKeyword(string location, SchemaNode target) : Keyword("$recursiveRef", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var node = target.Resource.RecursiveAnchor && ReferenceEquals(target.Resource.RootNode, target)
            ? evaluator.FindRecursiveAnchor() ?? target
            : target;
        return node.Evaluate(instance, evaluator, evaluated);
    }
}

internal sealed class AllOfKeyword(string location, SchemaNode[] schemas) : Keyword("allOf", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var valid = true;
        foreach (var schema in schemas)
        {
            if (!schema.Evaluate(instance, evaluator, evaluated))
            {
                valid = false;
                if (evaluator.ShortCircuit) return false;
            }
        }
        return valid;
    }
}

internal sealed class AnyOfKeyword(string location, SchemaNode[] schemas) : Keyword("anyOf", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var valid = false;
        evaluator.BeginSilent();
        foreach (var schema in schemas)
        {
            var branch = evaluated is null ? null : new Evaluated();
            if (schema.Evaluate(instance, evaluator, branch))
            {
                valid = true;
                if (evaluated is null) break;
                evaluated.Merge(branch!);
            }
        }
        evaluator.EndSilent();
        if (!valid && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"{ValueText.Short(instance)} matches none of the {schemas.Length} schemas of anyOf");
        }
        return valid;
    }
}

internal sealed class OneOfKeyword(string location, SchemaNode[] schemas) : Keyword("oneOf", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var first = -1;
        var second = -1;
        Evaluated? winner = null;
        evaluator.BeginSilent();
        for (var i = 0; i < schemas.Length; i++)
        {
            var branch = evaluated is null ? null : new Evaluated();
            if (!schemas[i].Evaluate(instance, evaluator, branch)) continue;
            if (first < 0)
            {
                first = i;
                winner = branch;
            }
            else
            {
                second = i;
                break;
            }
        }
        evaluator.EndSilent();
        if (first >= 0 && second < 0)
        {
            if (evaluated is not null) evaluated.Merge(winner!);
            return true;
        }
        if (evaluator.Reporting)
        {
            evaluator.Report(this, instance, first < 0
                ? $"{ValueText.Short(instance)} matches none of the {schemas.Length} schemas of oneOf"
                : $"{ValueText.Short(instance)} matches more than one schema of oneOf (at least #{first} and #{second}); exactly one is required");
        }
        return false;
    }
}

internal sealed class NotKeyword(string location, SchemaNode schema) : Keyword("not", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        evaluator.BeginSilent();
        var matched = schema.Evaluate(instance, evaluator, null);
        evaluator.EndSilent();
        if (matched && evaluator.Reporting)
        {
            evaluator.Report(this, instance, $"{ValueText.Short(instance)} matches the schema under \"not\", which it must not");
        }
        return !matched;
    }
}

internal sealed class IfThenElseKeyword(string location, SchemaNode condition, SchemaNode? then, SchemaNode? otherwise)
    : Keyword("if", location)
{
    public override bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        var branch = evaluated is null ? null : new Evaluated();
        evaluator.BeginSilent();
        var holds = condition.Evaluate(instance, evaluator, branch);
        evaluator.EndSilent();
        if (holds && evaluated is not null) evaluated.Merge(branch!);
        var next = holds ? then : otherwise;
        return next is null || next.Evaluate(instance, evaluator, evaluated);
    }
}

/// <summary><c>dependentSchemas</c>, and the schema form of draft 4–7 <c>dependencies</c>.</summary>
internal sealed class DependentSchemasKeyword(string name, string location, string[] properties, SchemaNode[] schemas)
    : Keyword(name, location)
{
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
