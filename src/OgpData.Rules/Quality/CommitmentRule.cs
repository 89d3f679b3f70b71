using OgpData.Findings;

namespace OgpData.Quality;

/// <summary>
/// One commitment rule (OGP0001–OGP0011). <see cref="CommitmentChecker"/> walks a commitment package once and
/// calls every rule that is switched on for the package, each action plan, each commitment and each
/// milestone, in document order; a rule overrides the levels it looks at and reports through the context.
/// Rules keep no state between calls (a rule that needs the whole package, like duplicate ids, reads it
/// in <see cref="CheckPackage"/>), so one instance serves every document and thread.
/// </summary>
internal abstract class CommitmentRule
{
    /// <summary>Binds the rule to its catalogue entry.</summary>
    protected CommitmentRule(string ruleId) => Descriptor = RuleCatalog.Get(ruleId);

    /// <summary>The rule's id, title and default severity.</summary>
    public RuleDescriptor Descriptor { get; }

    /// <summary>The rule id.</summary>
    public string RuleId => Descriptor.Id;

    /// <summary>Looks at the whole package, before the plans.</summary>
    public virtual void CheckPackage(PackageView package, RuleContext context) { }

    /// <summary>Looks at one action plan.</summary>
    public virtual void CheckPlan(ActionPlanView plan, RuleContext context) { }

    /// <summary>Looks at one commitment.</summary>
    public virtual void CheckCommitment(CommitmentView commitment, RuleContext context) { }

    /// <summary>Looks at one milestone.</summary>
    public virtual void CheckMilestone(MilestoneView milestone, RuleContext context) { }
}
