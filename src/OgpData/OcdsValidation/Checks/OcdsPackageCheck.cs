using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// An OCDS rule about the input as a whole rather than about one value: how it is encoded and whether it reads
/// (OCDS0018), the version it declares (OCDS0019), the extensions it lists (OCDS0009), ids unique across it
/// (OCDS0001). <see cref="OcdsValidator"/> calls it at fixed points of the stream (the package's metadata, the
/// single reading thread accepting items in file order) instead of the per-value walker calling it for every
/// value; each such check keeps only what its rule needs (uniqueness keeps one key per item).
/// </summary>
internal abstract class OcdsPackageCheck(OcdsValidationOptions options)
{
    /// <summary>The rule this check reports under.</summary>
    public abstract string RuleId { get; }

    /// <summary>The options of the validation the check belongs to.</summary>
    protected OcdsValidationOptions Options { get; } = options;

    /// <summary>The severity the rule reports at under these options.</summary>
    protected Severity Severity => Options.SeverityOf(RuleId);
}
