using System.Collections.Generic;
using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality;

/// <summary>
/// What a rule reports through: it turns a node and a message into a <see cref="Finding"/> with the rule's
/// configured severity, the node's JSON Pointer, its span and its line and column.
/// </summary>
internal sealed class RuleContext
{
    private readonly List<Finding> _findings;

    internal RuleContext(string ruleId, Severity severity, JsonTextDocument document, List<Finding> findings)
    {
        RuleId = ruleId;
        Severity = severity;
        Document = document;
        _findings = findings;
    }

    /// <summary>The id of the rule reporting.</summary>
    public string RuleId { get; }

    /// <summary>The severity its findings get.</summary>
    public Severity Severity { get; }

    /// <summary>The document being checked.</summary>
    public JsonTextDocument Document { get; }

    /// <summary>Reports a finding at a node: its pointer, and the span of <see cref="AnchorOf"/>. A
    /// <c>severity</c> lower than the rule's applies to this one finding (OGP0001's uncertain milestones are
    /// info); null, or a higher one, keeps <see cref="Severity"/>.</summary>
    public void Report(JsonTextNode at, string message, string? value = null, IReadOnlyList<string>? cues = null, string? language = null, Severity? severity = null) =>
        Report(at.Pointer, AnchorOf(at), message, value, cues, language, severity);

    /// <summary>Reports a finding at an exact span (an e-mail inside a description) under a pointer; a lower
    /// <c>severity</c> than the rule's applies to this one finding.</summary>
    public void Report(string pointer, SourceSpan span, string message, string? value = null, IReadOnlyList<string>? cues = null, string? language = null, Severity? severity = null)
    {
        var position = Document.GetPosition(span.Start);
        _findings.Add(new Finding
        {
            RuleId = RuleId,
            Severity = severity is { } lower && lower != Severity.None && lower < Severity ? lower : Severity,
            Pointer = pointer,
            Message = message,
            Line = position.Line,
            Column = position.Column,
            Span = span,
            Value = value,
            Cues = cues is { Count: > 0 } ? cues : null,
            Language = language,
        });
    }

    /// <summary>
    /// Where a finding about a node is shown: a scalar's own text; for an object member that is an object or
    /// an array, its property name (a squiggle over a whole object hides the file); for an object in an array,
    /// its <c>id</c> value when it has one, else its opening brace.
    /// </summary>
    public static SourceSpan AnchorOf(JsonTextNode node)
    {
        if (node.Kind is not (JsonTextKind.Object or JsonTextKind.Array)) return node.Span;
        if (node.NameSpan is { } name) return name;
        if (node.Kind == JsonTextKind.Object && node["id"] is { Kind: JsonTextKind.String or JsonTextKind.Number } id) return id.Span;
        return new SourceSpan(node.Start, 1);
    }

    /// <summary>"milestone 'A'" → "Milestone 'A'": the views describe themselves in lower case, for use mid-sentence.</summary>
    internal static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
