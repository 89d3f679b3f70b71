using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality.Rules;

/// <summary>OGP0009: a commitment that names none of the OGP values (<c>ogpValues</c> absent or empty).</summary>
internal sealed class NoOgpValueRule : CommitmentRule
{
    /// <summary>Creates the rule.</summary>
    public NoOgpValueRule() : base(RuleIds.NoOgpValue) { }

    /// <inheritdoc />
    public override void CheckCommitment(CommitmentView commitment, RuleContext context)
    {
        var values = commitment.Node["ogpValues"];
        if (values is { Kind: JsonTextKind.Array, Count: > 0 }) return;
        var name = RuleContext.Capitalise(commitment.Describe());
        if (values is { Kind: JsonTextKind.Array })
            context.Report(values, name + " claims no OGP value: ogpValues is empty (accessToInformation, civicParticipation, publicAccountability, technologyAndInnovation).");
        else
            context.Report(commitment.Node, name + " claims no OGP value: there is no ogpValues (accessToInformation, civicParticipation, publicAccountability, technologyAndInnovation).");
    }
}
