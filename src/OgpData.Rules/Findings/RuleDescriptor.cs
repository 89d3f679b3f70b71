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

    /// <summary>The published address of the rule's page, or null when the build was given no documentation address
    /// (<see cref="RuleDocumentation.DocumentationUri"/>); the page itself is always in <see cref="Help"/>.</summary>
    public string? HelpUri => RuleDocumentation.PageUri(Id);

    /// <summary>The rule's page (<c>docs/rules/ID.md</c>), in Markdown, embedded in the library.</summary>
    public string Help => RuleDocumentation.Markdown(Id);

    /// <summary>What the rule reports, in plain text: the first section of its page.</summary>
    public string Description => RuleDocumentation.Description(Id);
}
