using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality.Rules;

/// <summary>OGP0005: a commitment with no milestone (no <c>milestones</c>, or an empty list) cannot be followed.</summary>
internal sealed class CommitmentWithoutMilestonesRule : CommitmentRule
{
    /// <summary>Creates the rule.</summary>
    public CommitmentWithoutMilestonesRule() : base(RuleIds.CommitmentWithoutMilestones) { }

    /// <inheritdoc />
    public override void CheckCommitment(CommitmentView commitment, RuleContext context)
    {
        var milestones = commitment.Node["milestones"];
        if (milestones is { Kind: JsonTextKind.Array, Count: > 0 }) return;
        var name = RuleContext.Capitalise(commitment.Describe());
        if (milestones is { Kind: JsonTextKind.Array })
            context.Report(milestones, name + " has an empty list of milestones.");
        else
            context.Report(commitment.Node, name + " has no milestones.");
    }
}
