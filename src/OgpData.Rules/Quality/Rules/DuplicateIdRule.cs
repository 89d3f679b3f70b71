using System;
using System.Collections.Generic;
using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality.Rules;

/// <summary>
/// OGP0006: an id used twice where it must be unique: action plan ids and commitment ids in the whole
/// package, milestone ids within their commitment. One pass, one hash set per scope (O(n)); the finding is
/// at the second use and says where the first is.
/// </summary>
internal sealed class DuplicateIdRule : CommitmentRule
{
    /// <summary>Creates the rule.</summary>
    public DuplicateIdRule() : base(RuleIds.DuplicateId) { }

    /// <inheritdoc />
    public override void CheckPackage(PackageView package, RuleContext context)
    {
        var plans = new Dictionary<string, JsonTextNode>(StringComparer.Ordinal);
        var commitments = new Dictionary<string, JsonTextNode>(StringComparer.Ordinal);
        var milestones = new Dictionary<string, JsonTextNode>(StringComparer.Ordinal);
        foreach (var plan in package.ActionPlans)
        {
            See(plans, plan.Node, "Action plan id", "the package", context);
            foreach (var commitment in plan.Commitments)
            {
                See(commitments, commitment.Node, "Commitment id", "the package", context);
                milestones.Clear();
                var scope = commitment.Describe();
                foreach (var milestone in commitment.Milestones) See(milestones, milestone.Node, "Milestone id", scope, context);
            }
        }
    }

    private static void See(Dictionary<string, JsonTextNode> seen, JsonTextNode owner, string what, string scope, RuleContext context)
    {
        var id = owner["id"];
        var value = id?.Kind switch
        {
            JsonTextKind.String => id.StringValue,
            JsonTextKind.Number => id.RawText,
            _ => null,
        };
        if (id is null || value is null) return;
        if (!seen.TryGetValue(value, out var first))
        {
            seen.Add(value, id);
            return;
        }
        var at = context.Document.GetPosition(first.Start);
        context.Report(id, what + " '" + value + "' is used more than once in " + scope + "; first at " + at + " (" + first.Pointer + ").", value);
    }
}
