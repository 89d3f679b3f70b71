using System.Collections.Immutable;
using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>Shared by the closed (OCDS0007) and open (OCDS0008) codelist checks.</summary>
internal abstract class CodelistCheck(bool open) : OcdsCheck
{
    public override void Visit(in VisitedValue value, CheckContext context)
    {
        if (value.Schema is not { Codelist: { } codelist } schema || schema.OpenCodelist != open) return;
        if (!context.Schemas.Codelists.TryGetValue(codelist, out var codes)) return;
        if (value.Value.ValueKind == JsonValueKind.String)
        {
            Test(value.Value, codelist, codes, "", context);
        }
        else if (value.Value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in value.Value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) Test(item, codelist, codes, "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), context);
                index++;
            }
        }
    }

    private void Test(JsonElement item, string codelist, ImmutableHashSet<string> codes, string below, CheckContext context)
    {
        var code = item.GetString()!;
        if (codes.Contains(code) || context.Skip(RuleId)) return;
        context.Report(RuleId, open
            ? $"'{code}' is not in the open codelist {codelist}; check whether a listed code fits before using a new one."
            : $"'{code}' is not in the closed codelist {codelist}.", code, below);
    }
}

/// <summary>OCDS0007: a value outside a closed codelist.</summary>
internal sealed class ClosedCodelistCheck() : CodelistCheck(open: false)
{
    public override string RuleId => RuleIds.OcdsClosedCodelistValue;
}

/// <summary>OCDS0008: a value outside an open codelist.</summary>
internal sealed class OpenCodelistCheck() : CodelistCheck(open: true)
{
    public override string RuleId => RuleIds.OcdsOpenCodelistValue;
}
