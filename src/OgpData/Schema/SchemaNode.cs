using System.Text.Json;

namespace OgpData.Schema;

/// <summary>A schema resource: a document root or a subschema with its own <c>$id</c>.</summary>
internal sealed class SchemaResource
{
    public required string BaseUri { get; set; }
    public required SchemaDocument Document { get; init; }
    public required string DocumentPointer { get; init; }
    public required SchemaDraft Draft { get; set; }

    /// <summary><c>$dynamicAnchor</c> names of this resource, to their subschemas (2020-12).</summary>
    public Dictionary<string, SchemaNode>? DynamicAnchors { get; set; }

    /// <summary>Where the dynamic anchors sit before their nodes are compiled.</summary>
    public Dictionary<string, string>? DynamicAnchorPointers { get; set; }

    /// <summary>True when the resource root says <c>"$recursiveAnchor": true</c> (2019-09).</summary>
    public bool RecursiveAnchor { get; set; }

    public SchemaNode? RootNode { get; set; }

    /// <summary>False when a custom meta-schema's <c>$vocabulary</c> leaves out the validation vocabulary.</summary>
    public bool ValidationVocabulary { get; set; } = true;
}

/// <summary>A parsed schema document kept alive for the life of the compiled schema.</summary>
internal sealed class SchemaDocument
{
    public required JsonElement Root { get; init; }
    public required string RetrievalUri { get; init; }
}

/// <summary>
/// What in-place applicators evaluated of the current instance, for <c>unevaluatedProperties</c> and
/// <c>unevaluatedItems</c>. Only created under a schema that uses one of them.
/// </summary>
internal sealed class Evaluated
{
    public HashSet<string>? Properties;
    public bool AllProperties;
    public int ItemPrefix;
    public bool AllItems;
    public HashSet<int>? Items;

    public void AddProperty(in JsonProperty property) => (Properties ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.Name);

    public void AddItem(int index) => (Items ??= new HashSet<int>()).Add(index);

    public void Merge(Evaluated other)
    {
        if (other.Properties is not null)
        {
            Properties ??= new HashSet<string>(StringComparer.Ordinal);
            Properties.UnionWith(other.Properties);
        }
        AllProperties |= other.AllProperties;
        ItemPrefix = Math.Max(ItemPrefix, other.ItemPrefix);
        AllItems |= other.AllItems;
        if (other.Items is not null)
        {
            Items ??= new HashSet<int>();
            Items.UnionWith(other.Items);
        }
    }

    public bool IsPropertyEvaluated(string name) => AllProperties || (Properties is not null && Properties.Contains(name));

    public bool IsItemEvaluated(int index) => AllItems || index < ItemPrefix || (Items is not null && Items.Contains(index));
}

/// <summary>
/// One compiled keyword of a schema. Each keyword's file under <c>Keywords/</c> holds its compile step (a
/// static <c>Compile(KeywordContext)</c>, listed in order in <see cref="SchemaCompiler"/>) beside its
/// <see cref="Evaluate"/>.
/// </summary>
internal abstract class Keyword
{
    protected Keyword(string name, string location)
    {
        Name = name;
        Location = location;
    }

    /// <summary>The keyword as written (required, type, ...).</summary>
    public string Name { get; }

    /// <summary>Absolute URI of the schema resource plus the pointer to this keyword.</summary>
    public string Location { get; }

    /// <summary>Evaluates the keyword; records errors through the evaluator; annotates when asked.</summary>
    public abstract bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated);
}

/// <summary>A compiled schema (or boolean schema): its keywords in evaluation order.</summary>
internal sealed class SchemaNode
{
    public Keyword[] Keywords { get; set; } = [];

    /// <summary>For a boolean schema, its value; null for an object schema.</summary>
    public bool? Constant { get; set; }

    public SchemaResource Resource { get; set; } = null!;

    public string Location { get; set; } = "";

    /// <summary>True when this schema uses unevaluatedProperties/Items and so collects annotations itself.</summary>
    public bool CollectsAnnotations { get; set; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Evaluate(in JsonElement instance, Evaluator evaluator, Evaluated? evaluated)
    {
        if (Constant is bool constant)
        {
            if (!constant && evaluator.Reporting)
            {
                evaluator.Add("false", Location, "no value is allowed here (the schema is false)", ValueText.Short(instance));
            }
            return constant;
        }
        if (!evaluator.EnterNode(this)) return false;
        var pushed = evaluator.PushScope(Resource);
        var own = CollectsAnnotations ? new Evaluated() : evaluated;
        var valid = true;
        var keywords = Keywords;
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!keywords[i].Evaluate(instance, evaluator, own))
            {
                valid = false;
                if (evaluator.ShortCircuit) break;
            }
        }
        if (CollectsAnnotations && evaluated is not null && valid) evaluated.Merge(own!);
        if (pushed) evaluator.PopScope();
        evaluator.ExitNode();
        return valid;
    }
}
