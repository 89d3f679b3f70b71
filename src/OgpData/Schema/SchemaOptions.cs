using System.Text.Json;

namespace OgpData.Schema;

/// <summary>How a schema is compiled and how instances are validated against it.</summary>
public sealed record SchemaOptions
{
    /// <summary>The options used when none are given.</summary>
    public static SchemaOptions Default { get; } = new();

    /// <summary>The draft assumed when a schema has no (or an unknown) <c>$schema</c>. Default: 2020-12.</summary>
    public SchemaDraft DefaultDraft { get; init; } = SchemaDraft.Draft202012;

    /// <summary>Whether <c>format</c> asserts (default) or only annotates.</summary>
    public FormatMode Formats { get; init; } = FormatMode.Assert;

    /// <summary>Stop after this many errors (at least 1). Default: no limit.</summary>
    public int MaxErrors { get; init; } = int.MaxValue;

    /// <summary>Stop at the first error; the same as <see cref="MaxErrors"/> = 1.</summary>
    public bool StopAtFirstError { get; init; }

    /// <summary>
    /// The deepest instance nesting the validator descends into. Deeper values are reported as one error
    /// (keyword <c>maxDepth</c>) instead of risking the stack. Default 256 (JsonDocument itself stops at 64
    /// unless its own MaxDepth is raised).
    /// </summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Documents that <c>$ref</c> may name by URI. Nothing is ever fetched from the network.</summary>
    public SchemaRegistry? Registry { get; init; }

    /// <summary>
    /// Called for a <c>$ref</c> URI that neither the schema nor the registry holds; return the document, or
    /// null when it is unknown (then compiling fails with <see cref="SchemaCompileException"/>).
    /// </summary>
    public Func<Uri, JsonElement?>? Resolver { get; init; }

    /// <summary>The time limit of one regular-expression match for patterns the non-backtracking engine cannot run.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    internal int ErrorCap => StopAtFirstError ? 1 : Math.Max(1, MaxErrors);
}

/// <summary>A schema that cannot be compiled: an unresolvable <c>$ref</c>, a malformed keyword, an invalid pattern.</summary>
public sealed class SchemaCompileException : Exception
{
    /// <summary>Creates the exception with the reason.</summary>
    public SchemaCompileException(string message) : base(message) { }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    public SchemaCompileException(string message, Exception inner) : base(message, inner) { }
}
