using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// OCDS0006: a field the schema (with the package's extensions) does not define. Only the outermost
/// additional field is reported, not every field inside it.
/// </summary>
internal sealed class AdditionalFieldCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsAdditionalField;

    public override void Visit(in VisitedValue value, CheckContext context)
    {
        if (!value.Additional || context.Skip(RuleId)) return;
        context.Report(RuleId, $"'{value.PropertyName}' is not in the OCDS schema or its extensions.",
            value.Value.ValueKind is System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.Array ? null : OcdsJson.Shown(value.Value));
    }
}
