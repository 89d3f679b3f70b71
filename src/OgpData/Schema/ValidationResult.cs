using System.Collections.Immutable;

namespace OgpData.Schema;

/// <summary>One way an instance breaks its schema.</summary>
public sealed record SchemaError
{
    /// <summary>Where in the instance (RFC 6901 JSON Pointer, <c>""</c> for the whole instance).</summary>
    public required string InstancePointer { get; init; }

    /// <summary>The keyword that failed (required, type, enum, format, ...).</summary>
    public required string Keyword { get; init; }

    /// <summary>Where the keyword is: the absolute URI of its schema resource plus a JSON Pointer fragment.</summary>
    public required string SchemaLocation { get; init; }

    /// <summary>What was expected and what was found, in a sentence.</summary>
    public required string Message { get; init; }

    /// <summary>The offending value as short JSON text (long values are cut), or null when there is none.</summary>
    public string? Value { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{(InstancePointer.Length == 0 ? "(root)" : InstancePointer)}: {Message} [{Keyword}]";
}

/// <summary>The outcome of validating one instance.</summary>
public sealed record ValidationResult
{
    /// <summary>The result of a valid instance (shared: validating a valid instance allocates nothing).</summary>
    public static ValidationResult Valid { get; } = new() { Errors = ImmutableArray<SchemaError>.Empty };

    /// <summary>True when the instance has no error.</summary>
    public bool IsValid => Errors.IsDefaultOrEmpty;

    /// <summary>Every error found (up to the configured cap), in document order of evaluation.</summary>
    public required ImmutableArray<SchemaError> Errors { get; init; }

    /// <summary>True when validation stopped at the error cap, so more errors may exist.</summary>
    public bool Truncated { get; init; }
}
