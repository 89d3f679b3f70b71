using OgpData.Findings;
using OgpData.Json;
using OgpData.Streaming;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// OCDS0009: an extension a package lists that was not applied, because it could not be read or merged, or
/// because the package lists its extensions after its items (a stream cannot go back to the items).
/// </summary>
internal sealed class ExtensionCheck(OcdsValidationOptions options) : OcdsPackageCheck(options)
{
    public override string RuleId => RuleIds.OcdsExtensionNotApplied;

    /// <summary>An extension of the package's <c>extensions</c> (at <paramref name="property"/>) that could not be merged.</summary>
    public Finding NotApplied(MetadataProperty? property, OcdsExtensionProblem problem) =>
        At(property, problem.Index, $"The extension '{problem.Url}' was not applied: {problem.Message}", problem.Url);

    /// <summary>A package whose <c>extensions</c> come after its items.</summary>
    public Finding ListedAfterItems(MetadataProperty property) =>
        At(property, null, "The package lists its extensions after its items, so they were not applied while streaming; put 'extensions' before 'releases' or 'records'.", null);

    private Finding At(MetadataProperty? property, int? index, string message, string? value)
    {
        var (pointer, position) = property is null ? ("", TextPosition.Start)
            : index is { } i ? property.Locate(JsonPointerText.Append("", i)) : property.Locate("");
        return new Finding
        {
            RuleId = RuleId, Severity = Severity, Pointer = pointer, Message = message, Line = position.Line, Column = position.Column, Value = value,
        };
    }
}
