namespace OgpData.Findings;

/// <summary>What a rule is: its id, title, default severity and where its documentation lives.</summary>
public sealed record RuleDescriptor
{
    /// <summary>The rule id, for example <c>OGP0001</c>.</summary>
    public required string Id { get; init; }

    /// <summary>A short title, as a sentence fragment.</summary>
    public required string Title { get; init; }

    /// <summary>The severity used when nothing is configured.</summary>
    public required Severity DefaultSeverity { get; init; }

    /// <summary>"OGP", "OCDS", "CSV", "DECP", "Input" or "Schema".</summary>
    public required string Category { get; init; }

    /// <summary>The rule's documentation page.</summary>
    public string HelpUri => RuleCatalog.DocsBaseUri + Id + ".md";
}
