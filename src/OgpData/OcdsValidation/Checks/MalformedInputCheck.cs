using OgpData.Findings;
using OgpData.Streaming;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// OCDS0018: input that is not well-formed JSON or not UTF-8. Where the reading stops (a broken input, a
/// corrupt compressed file), the input is unreadable from there on and the finding is an error whatever the
/// configuration; an item or a package's metadata that is broken on its own is reported and the reading goes on.
/// </summary>
internal sealed class MalformedInputCheck(OcdsValidationOptions options) : OcdsPackageCheck(options)
{
    public override string RuleId => RuleIds.OcdsMalformedJson;

    /// <summary>An input that cannot be read at all (not JSON, not a readable gzip file): always reported, as an error when the rule is off.</summary>
    public Finding WholeInput(string reason)
    {
        var severity = Severity;
        return new Finding { RuleId = RuleId, Severity = severity == Severity.None ? Severity.Error : severity, Pointer = "", Message = reason, Line = 1, Column = 1 };
    }

    /// <summary>The input is unreadable from <paramref name="position"/> on (the start when unknown): an error.</summary>
    public static Finding BrokenInput(string reason, TextPosition position) => new()
    {
        RuleId = RuleIds.OcdsMalformedJson, Severity = Severity.Error, Pointer = "", Message = reason, Line = position.Line, Column = position.Column,
    };

    /// <summary>
    /// JSON exchanged between systems is UTF-8 (RFC 8259, section 8.1); lib-cove-ocds and the Data Review Tool
    /// refuse anything else. A UTF-16 file is still read and checked, and said not to be valid as published,
    /// as a Latin-1 one is. Null for UTF-8.
    /// </summary>
    public Finding? InputNotUtf8(string encoding)
    {
        if (encoding.StartsWith("utf-8", StringComparison.OrdinalIgnoreCase)) return null;
        return new Finding
        {
            RuleId = RuleId, Severity = Severity, Pointer = "", Line = 1, Column = 1, Value = encoding,
            Message = $"The file is {encoding}, not UTF-8: JSON exchanged between systems must be UTF-8 (RFC 8259), and OCDS tools such as the Data Review Tool refuse it; save it as UTF-8. It was read as {encoding} and checked.",
        };
    }

    /// <summary>An item with a byte at <paramref name="at"/> that starts no UTF-8 character.</summary>
    public Finding ItemNotUtf8(StreamedItem item, TextPosition at) => new()
    {
        RuleId = RuleId, Severity = Severity, Pointer = item.Pointer,
        Message = "This item is not valid UTF-8 (a byte at line " + at.Line + ", column " + at.Column + " starts no character); save the file as UTF-8.",
        Line = at.Line, Column = at.Column,
    };

    /// <summary>An item that is not well-formed JSON, on its own (a line of JSON Lines): the next items are still read.</summary>
    public Finding ItemNotWellFormed(StreamedItem item, string problem) => AtItem(item, "This item is not well-formed JSON: " + problem);

    /// <summary>An item the checks cannot read to its end (System.Text.Json refuses a name or string escaping a lone surrogate).</summary>
    public Finding ItemNotReadable(StreamedItem item, string problem) => AtItem(item, "The OCDS checks cannot read this item to its end: " + problem);

    /// <summary>Package metadata that is not valid UTF-8.</summary>
    public Finding MetadataNotUtf8(PackageEnd end) => new()
    {
        RuleId = RuleId, Severity = Severity, Pointer = end.PackagePointer,
        Message = "The package metadata is not valid UTF-8; save the file as UTF-8.", Line = end.Position.Line, Column = end.Position.Column,
    };

    private Finding AtItem(StreamedItem item, string message) => new()
    {
        RuleId = RuleId, Severity = Severity, Pointer = item.Pointer, Message = message, Line = item.Position.Line, Column = item.Position.Column,
    };
}
