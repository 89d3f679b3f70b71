using System.Collections.Generic;
using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality;

/// <summary>
/// What <see cref="CommitmentChecker"/> found in one document: the findings, sorted by position, or — when the
/// text is not JSON — the parse error and no findings. A parse error is not a finding: the caller reports the
/// input as unreadable (the CLI's exit code 2, an analyzer's "file cannot be read" diagnostic).
/// </summary>
public sealed record CommitmentCheckResult
{
    /// <summary>Every finding of the rules that ran, in text order (then by rule id).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Why the text could not be read as JSON; null when it could.</summary>
    public JsonTextError? ParseError { get; init; }

    /// <summary>True when the text was well-formed JSON and the rules ran.</summary>
    public bool IsReadable => ParseError is null;
}
