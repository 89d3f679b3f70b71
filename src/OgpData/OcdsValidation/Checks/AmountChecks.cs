using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>OCDS0012: an <c>amount</c> below zero.</summary>
internal sealed class NegativeAmountCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsNegativeAmount;

    public override void Visit(in VisitedValue value, CheckContext context)
    {
        if (value.PropertyName != "amount" || value.Value.ValueKind != JsonValueKind.Number) return;
        if (value.Value.GetDouble() < 0 && !context.Skip(RuleId)) context.Report(RuleId, "The amount is negative.", value.Value.GetRawText());
    }
}

/// <summary>OCDS0013: a value object with a numeric <c>amount</c> but no <c>currency</c>.</summary>
internal sealed class AmountWithoutCurrencyCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsAmountWithoutCurrency;

    public override void Visit(in VisitedValue value, CheckContext context)
    {
        var element = value.Value;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("amount"u8, out var amount) || amount.ValueKind != JsonValueKind.Number) return;
        if (element.TryGetProperty("currency"u8, out var currency) && currency.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(currency.GetString())
            || context.Skip(RuleId)) return;
        context.Report(RuleId, "The amount has no currency, so it cannot be read.", amount.GetRawText(), "/amount");
    }
}
