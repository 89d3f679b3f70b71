using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality.Rules;

/// <summary>
/// OGP0011: a commitment nobody answers for: no lead agency (absent, null, blank, or an object with neither a
/// non-blank <c>name</c> nor <c>id</c>) or no contact (no <c>contacts</c>, or an empty list). One finding
/// names what is missing.
/// </summary>
internal sealed class NoLeadAgencyOrContactRule : CommitmentRule
{
    /// <summary>Creates the rule.</summary>
    public NoLeadAgencyOrContactRule() : base(RuleIds.NoLeadAgencyOrContact) { }

    /// <inheritdoc />
    public override void CheckCommitment(CommitmentView commitment, RuleContext context)
    {
        var hasAgency = HasLeadAgency(commitment.Node["leadAgency"]);
        var hasContact = commitment.Node["contacts"] is { Kind: JsonTextKind.Array, Count: > 0 };
        if (hasAgency && hasContact) return;
        var missing = !hasAgency && !hasContact ? "no lead agency and no contact" : !hasAgency ? "no lead agency" : "no contact";
        context.Report(commitment.Node, RuleContext.Capitalise(commitment.Describe()) + " has " + missing + ".");
    }

    private static bool HasLeadAgency(JsonTextNode? agency) => agency?.Kind switch
    {
        JsonTextKind.String => !string.IsNullOrWhiteSpace(agency.StringValue),
        JsonTextKind.Object => !string.IsNullOrWhiteSpace(agency.GetString("name")) || !string.IsNullOrWhiteSpace(agency.GetString("id")),
        _ => false,
    };
}
