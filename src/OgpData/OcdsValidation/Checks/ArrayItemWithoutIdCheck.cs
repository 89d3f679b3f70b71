using System.Text.Json;
using OgpData.Findings;

namespace OgpData.OcdsValidation.Checks;

/// <summary>
/// OCDS0002: an object in an array whose items the schema identifies by <c>id</c> (parties, awards, items,
/// documents, tenderers, ...) has no <c>id</c>, so releases cannot be merged into a record. Arrays marked
/// <c>wholeListMerge</c> are replaced whole when merging and are not checked, nor are arrays whose items the
/// schema already requires to have an <c>id</c>.
/// </summary>
internal sealed class ArrayItemWithoutIdCheck : OcdsCheck
{
    public override string RuleId => RuleIds.OcdsArrayItemWithoutId;

    public override void Visit(in VisitedValue value, CheckContext context)
    {
        // Where the items' schema requires an id (awards, contracts, items, documents, a record's embedded
        // releases), the schema reports the missing id: one failure, one finding. A record's linked releases
        // have no id by design.
        if (value.Value.ValueKind != JsonValueKind.Array || value.Schema is not { WholeListMerge: false, Items: { IdRequired: false } items } || !items.Properties.ContainsKey("id")) return;
        var index = 0;
        foreach (var item in value.Value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && !item.TryGetProperty("id"u8, out _) && !context.Skip(RuleId))
            {
                context.Report(RuleId, $"This item of '{value.PropertyName}' has no 'id'; items of this array are matched by id when releases are merged.",
                    below: "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            index++;
        }
    }
}
