using System.Collections.Generic;

namespace OgpData.Findings;

/// <summary>
/// One problem found in a document: which rule, how serious, where (JSON Pointer, and line and column
/// in the file when known), and why. Findings are values; a data problem is never an exception.
/// </summary>
public sealed record Finding
{
    /// <summary>The rule id (<c>OGP0001</c>, <c>OCDS0003</c>, <c>schema</c>).</summary>
    public required string RuleId { get; init; }

    /// <summary>The severity after configuration.</summary>
    public required Severity Severity { get; init; }

    /// <summary>JSON Pointer into the document (<c>""</c> for the whole document).</summary>
    public required string Pointer { get; init; }

    /// <summary>What is wrong, in a sentence a person can act on.</summary>
    public required string Message { get; init; }

    /// <summary>1-based line in the file, or 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>1-based column in the file (in characters), or 0 when unknown.</summary>
    public int Column { get; init; }

    /// <summary>Where the offending text lies in the file's text, when known (the analyzers report at it).</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>For schema findings: the JSON Schema keyword that failed (required, type, enum, format, ...).</summary>
    public string? Keyword { get; init; }

    /// <summary>For schema findings: where in the schema the failing keyword is (a JSON Pointer or URI).</summary>
    public string? SchemaLocation { get; init; }

    /// <summary>The offending value as text, when it helps.</summary>
    public string? Value { get; init; }

    /// <summary>The words that triggered the finding (measurability cues, date words), when a rule reads prose.</summary>
    public IReadOnlyList<string>? Cues { get; init; }

    /// <summary>The language the rule assumed when it read prose (<c>fr</c>, <c>en</c>).</summary>
    public string? Language { get; init; }
}

/// <summary>A range of characters in a text: where a finding points inside a file.</summary>
public readonly record struct SourceSpan(int Start, int Length)
{
    /// <summary>The first character after the span.</summary>
    public int End => Start + Length;
}
