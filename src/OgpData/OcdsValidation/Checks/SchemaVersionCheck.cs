using OgpData.Findings;
using OgpData.Streaming;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// OCDS0019: a package checked against another version of the standard than the one its <c>version</c> declares,
/// because the schema source does not hold it or the package declares it after its items. Which version is used
/// is <see cref="OcdsSchemaResolver"/>'s choice; this check only says when it is not the declared one.
/// </summary>
internal sealed class SchemaVersionCheck(OcdsValidationOptions options) : OcdsPackageCheck(options)
{
    public override string RuleId => RuleIds.OcdsSchemaVersion;

    /// <summary>
    /// A finding when the package was checked against another version than the one its <c>version</c>
    /// declares; none when the version was fixed by the options, or is not of the major.minor form (the
    /// schema reports that).
    /// </summary>
    public Finding? Check(MetadataProperty property, string? declared, OcdsSchemaSet used)
    {
        if (Options.Version is not null || used.Version is not { } usedVersion) return null;
        if (declared is null || !IsMajorMinor(declared) || usedVersion.StartsWith(declared + ".", StringComparison.Ordinal)) return null;

        var severity = Severity;
        if (severity == Severity.None) return null;
        var offered = Options.Versions is { } versions ? string.Join(", ", versions.Available) : usedVersion;
        var message = property.AfterItems && Options.Versions?.Match(declared) is not null
            ? $"The package declares OCDS {declared} after its items, so its version was not known while streaming and it was checked against the {usedVersion} schema; put 'version' before 'releases' or 'records'."
            : $"The package declares OCDS {declared}, but the schema source holds {offered}, so it was checked against the {usedVersion} schema; give a schema source that holds {declared} (--ocds-schema-dir with a {declared}.x folder, or --ocds-schema-download).";
        var (pointer, position) = property.Locate("");
        return new Finding
        {
            RuleId = RuleId, Severity = severity, Pointer = pointer,
            Message = message, Line = position.Line, Column = position.Column, Value = declared,
        };
    }

    private static bool IsMajorMinor(string version)
    {
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < version.Length - 1 && version.AsSpan(0, dot).IndexOfAnyExceptInRange('0', '9') < 0
            && version.AsSpan(dot + 1).IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
