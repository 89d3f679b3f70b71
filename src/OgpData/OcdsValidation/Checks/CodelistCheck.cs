using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>Shared by the closed (OCDS0007) and open (OCDS0008) codelist checks.</summary>
internal abstract class CodelistCheck(bool open) : OcdsCheck
{
    public override void Visit(in VisitedValue value, CheckContext context)
    {
        if (value.Schema is not { Codelist: { } codelist } schema || schema.OpenCodelist != open) return;
        if (!context.Schemas.CodeSets.TryGetValue(codelist, out var codes)) return;
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

    /// <summary>Whether a coded string is in the list, read from its UTF-8 text where it can be (no string per value).</summary>
    private static bool IsListed(JsonElement item, HashSet<string> codes)
    {
#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(item);
        if (raw.Length <= 130 && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> buffer = stackalloc char[128];
            var text = buffer[..System.Text.Encoding.UTF8.GetChars(raw[1..^1], buffer)];
            return codes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text);
        }
#endif
        return codes.Contains(item.GetString()!);
    }

    private void Test(JsonElement item, string codelist, HashSet<string> codes, string below, CheckContext context)
    {
        // A blank string is an empty field (OCDS0003), not a code: one failure, one finding.
        if (IsListed(item, codes) || EmptyFieldCheck.IsBlank(item) || context.Skip(RuleId)) return;
        var code = item.GetString()!;
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
