using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>OCDS0003: a string that is empty or only whitespace, an empty object, an empty array.</summary>
internal sealed class EmptyFieldCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsEmptyField;

    // lib-cove-ocds looks for empty fields in releases and records only; so do we.
    public override bool AppliesToMetadata => false;

    public override void Visit(in VisitedValue value, CheckContext context)
    {
        var element = value.Value;
        switch (element.ValueKind)
        {
            case JsonValueKind.String when IsBlank(element):
                context.Report(RuleId, "The field is an empty or whitespace-only string: omit it instead.", element.GetString());
                break;
            case JsonValueKind.Object when !element.EnumerateObject().MoveNext():
                context.Report(RuleId, "The object is empty: omit it instead.", "{}");
                break;
            case JsonValueKind.Array when element.GetArrayLength() == 0:
                context.Report(RuleId, "The array is empty: omit it instead.", "[]");
                break;
        }
    }

    /// <summary>
    /// Whether a string value is empty or whitespace, deciding from its raw UTF-8 where it can: almost every
    /// value starts with a visible ASCII character, and then no string is materialised.
    /// </summary>
    internal static bool IsBlank(JsonElement element)
    {
#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length <= 2) return true;
        var first = raw[1];
        if (first < 0x80 && first != (byte)'\\' && !char.IsWhiteSpace((char)first)) return false;
#endif
        return string.IsNullOrWhiteSpace(element.GetString());
    }
}
