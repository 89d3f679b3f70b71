using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>OCDS0005: a field the schema marks <c>deprecated</c>.</summary>
internal sealed class DeprecatedFieldCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsDeprecatedField;

    public override void Visit(in VisitedValue value, CheckContext context)
    {
        if (value.PropertyName is null || value.Schema?.Deprecated is not { } deprecated || context.Skip(RuleId)) return;
        context.Report(RuleId, $"'{value.PropertyName}' is deprecated since OCDS {deprecated.Version}: {deprecated.Description}");
    }
}
