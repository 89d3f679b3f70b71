namespace OgpData.Validation;

/// <summary>
/// An input that cannot be read at all (missing, not JSON, truncated, not UTF-8...). The message is one line
/// that says what is wrong and, where known, where; the CLI prints it and exits with code 2. Problems inside
/// a readable document are findings, never this exception.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>An unreadable input, described in one line.</summary>
    public InputException(string message) : base(message) { }

    /// <summary>An unreadable input, described in one line, with the error that revealed it.</summary>
    public InputException(string message, Exception inner) : base(message, inner) { }
}
