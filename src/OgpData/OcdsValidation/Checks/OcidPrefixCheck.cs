using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>OCDS0004: an <c>ocid</c> that does not start with <c>ocds-</c> and six lower-case letters or digits.</summary>
internal sealed class OcidPrefixCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsBadOcidPrefix;

    public override void Visit(in VisitedValue value, CheckContext context)
    {
        // A blank ocid is an empty field (OCDS0003): one failure, one finding.
        if (value.PropertyName != "ocid" || value.Value.ValueKind != JsonValueKind.String || EmptyFieldCheck.IsBlank(value.Value)) return;
        var ocid = value.Value.GetString()!;
        if (HasPrefix(ocid) || context.Skip(RuleId)) return;
        context.Report(RuleId, $"The ocid '{ocid}' does not start with a prefix of the form ocds-xxxxxx (six lower-case letters or digits).", ocid);
    }

    /// <summary>The test of <c>^ocds-[a-z0-9]{6}</c>, without a regex.</summary>
    public static bool HasPrefix(string ocid)
    {
        if (ocid.Length < 11 || !ocid.StartsWith("ocds-", StringComparison.Ordinal)) return false;
        for (var i = 5; i < 11; i++)
        {
            if (ocid[i] is not (>= 'a' and <= 'z' or >= '0' and <= '9')) return false;
        }
        return true;
    }
}
