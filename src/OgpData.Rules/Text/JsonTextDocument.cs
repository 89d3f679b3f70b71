using System;
using System.Collections.Generic;

namespace OgpData.Text;

/// <summary>
/// A JSON text read by <see cref="JsonTextParser"/>: either a tree of <see cref="JsonTextNode"/>s, or the one
/// error that stopped the reading. Offsets in the nodes and in the error index <see cref="Text"/> as given.
/// </summary>
internal sealed class JsonTextDocument
{
    private LineMap? _lines;

    internal JsonTextDocument(string text, JsonTextNode? root, JsonTextError? error, IReadOnlyList<JsonTextNode>? duplicateMembers = null)
    {
        Text = text;
        Root = root;
        Error = error;
        DuplicateMembers = duplicateMembers ?? NoDuplicates;
    }

    private static readonly IReadOnlyList<JsonTextNode> NoDuplicates = new JsonTextNode[0];

    /// <summary>The text that was read.</summary>
    public string Text { get; }

    /// <summary>The root value; null when the text is not well-formed JSON.</summary>
    public JsonTextNode? Root { get; }

    /// <summary>Why the text is not JSON; null when it is.</summary>
    public JsonTextError? Error { get; }

    /// <summary>
    /// Members whose name repeats an earlier member of the same object, in text order. RFC 8259 leaves their
    /// meaning to each reader (this one, like System.Text.Json, answers lookups with the last), so they are
    /// reported rather than silently resolved.
    /// </summary>
    public IReadOnlyList<JsonTextNode> DuplicateMembers { get; }

    /// <summary>True when the text is well-formed JSON and <see cref="Root"/> is set.</summary>
    public bool IsWellFormed => Root is not null;

    /// <summary>The line map of <see cref="Text"/>, built on first use.</summary>
    public LineMap Lines => _lines ??= new LineMap(Text);

    /// <summary>The 1-based line and column of an offset in <see cref="Text"/>.</summary>
    public LinePosition GetPosition(int offset) => Lines.GetPosition(offset);
}

/// <summary>Why a text is not well-formed JSON, and where the reading stopped.</summary>
public sealed record JsonTextError
{
    /// <summary>What is wrong, without the position (for example "expected ',' or '}' after a member, found 'x'").</summary>
    public required string Message { get; init; }

    /// <summary>The offset in the text where the reading stopped.</summary>
    public required int Offset { get; init; }

    /// <summary>1-based line of <see cref="Offset"/>.</summary>
    public required int Line { get; init; }

    /// <summary>1-based column of <see cref="Offset"/>.</summary>
    public required int Column { get; init; }

    /// <summary>The reading limit the text exceeded, or <see cref="JsonTextLimit.None"/> when the text is simply not JSON.</summary>
    public JsonTextLimit Limit { get; init; }

    /// <summary>"line L, column C: message", the one line a tool prints.</summary>
    public override string ToString() => "line " + Line + ", column " + Column + ": " + Message;
}

/// <summary>The reading limits a well-formed text can still exceed.</summary>
public enum JsonTextLimit
{
    /// <summary>No limit: the text itself is broken.</summary>
    None,

    /// <summary>Objects and arrays nested deeper than allowed.</summary>
    Depth,

    /// <summary>A string value or property name longer than allowed.</summary>
    StringLength,
}
