using OgpData.Findings;
using OgpData.Text;

namespace OgpData.Quality.Rules;

/// <summary>
/// OGP0008: a milestone <c>status</c> (or an assessment's <c>completion</c>) that is not a code of the codelist
/// (notStarted, limited, substantial, complete, withdrawn). The message suggests the closest code, matching
/// French and English words and misspellings ("Susbtantiel" → substantial, "Limité" → limited, "Non commencé" →
/// notStarted), and keeps the words as printed belong in <c>statusText</c>.
/// </summary>
internal sealed class StatusNotInCodelistRule : CommitmentRule
{
    /// <summary>Creates the rule.</summary>
    public StatusNotInCodelistRule() : base(RuleIds.StatusNotInCodelist) { }

    /// <inheritdoc />
    public override void CheckCommitment(CommitmentView commitment, RuleContext context)
    {
        if (commitment.Node["assessments"] is not { Kind: JsonTextKind.Array } assessments) return;
        foreach (var assessment in assessments.Children)
        {
            if (assessment.Kind == JsonTextKind.Object && assessment["completion"] is { } completion) Check(completion, "Completion", commitment.Package, commitment.Language, context);
        }
    }

    /// <inheritdoc />
    public override void CheckMilestone(MilestoneView milestone, RuleContext context)
    {
        if (milestone.Node["status"] is { } status) Check(status, "Status", milestone.Package, milestone.Language, context);
    }

    private static void Check(JsonTextNode node, string what, PackageView package, string? language, RuleContext context)
    {
        if (node.Kind == JsonTextKind.Null) return;
        var codes = string.Join(", ", MilestoneStatusCodelist.Codes);
        if (node.Kind != JsonTextKind.String)
        {
            context.Report(node, what + " " + node.RawText + " is not in the codelist (" + codes + ").", node.RawText);
            return;
        }
        var value = node.StringValue!;
        if (MilestoneStatusCodelist.IsCode(value)) return;
        var suggestion = package.SuggestStatus(value, language);
        if (suggestion is null)
        {
            context.Report(node, what + " '" + value + "' is not in the codelist (" + codes + ") and no code is close; keep the words in statusText.", value);
            return;
        }
        var message = what + " '" + value + "' is not in the codelist (" + codes + "); the closest code is " + suggestion.Code +
                      " ('" + suggestion.Matched + "' ≈ '" + suggestion.Title + "')";
        if (suggestion.OtherCodes.Count > 0) message += "; the text also names " + string.Join(", ", suggestion.OtherCodes);
        context.Report(node, message + ". Keep the words as printed in statusText.", value, new[] { suggestion.Matched }, suggestion.Language);
    }
}
