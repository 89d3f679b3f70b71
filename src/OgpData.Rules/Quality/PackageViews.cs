using System;
using System.Collections.Generic;
using OgpData.Dates;
using OgpData.Text;

namespace OgpData.Quality;

/// <summary>
/// A commitment package as the rules see it: typed views over the JSON tree that keep the nodes, so every
/// finding can point at the exact text. A view never fails: a missing or mistyped member is simply null
/// (the JSON Schema reports shapes; these rules report meaning). Views live for one check and are not
/// shared between threads.
/// </summary>
internal sealed class PackageView
{
    private IReadOnlyList<ActionPlanView>? _plans;
    // Plans repeat their date words and status words hundreds of times; each distinct one is read once per check.
    private readonly Dictionary<string, DateTextReading> _dates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StatusSuggestion?> _statuses = new(StringComparer.Ordinal);

    internal PackageView(JsonTextDocument document, string? defaultLanguage)
    {
        Document = document;
        Root = document.Root!;
        DefaultLanguage = defaultLanguage;
    }

    /// <summary>The parsed document.</summary>
    public JsonTextDocument Document { get; }

    /// <summary>The root value (an object in a valid package).</summary>
    public JsonTextNode Root { get; }

    /// <summary>The language assumed for prose when a plan states none.</summary>
    public string? DefaultLanguage { get; }

    /// <summary>The action plans (objects in <c>actionPlans</c>); empty when there are none.</summary>
    public IReadOnlyList<ActionPlanView> ActionPlans => _plans ??= ObjectsIn(Root["actionPlans"], (node, index) => new ActionPlanView(this, node, index));

    /// <summary>Reads a date text with <see cref="PartialDateParser"/>, once per distinct text in this check.</summary>
    public DateTextReading ReadDate(string text)
    {
        if (!_dates.TryGetValue(text, out var reading))
        {
            reading = PartialDateParser.Parse(text);
            _dates.Add(text, reading);
        }
        return reading;
    }

    /// <summary>The closest status code for a status word (<see cref="MilestoneStatusCodelist.Suggest"/>), once per distinct word in this check.</summary>
    public StatusSuggestion? SuggestStatus(string text, string? language)
    {
        var key = language + "\u0000" + text;
        if (!_statuses.TryGetValue(key, out var suggestion))
        {
            suggestion = MilestoneStatusCodelist.Suggest(text, language);
            _statuses.Add(key, suggestion);
        }
        return suggestion;
    }

    internal static IReadOnlyList<T> ObjectsIn<T>(JsonTextNode? array, System.Func<JsonTextNode, int, T> create)
    {
        var list = new List<T>(array?.Count ?? 0);
        if (array is { Kind: JsonTextKind.Array })
        {
            foreach (var item in array.Children)
            {
                if (item.Kind == JsonTextKind.Object) list.Add(create(item, item.Index));
            }
        }
        return list;
    }

    internal static string? IdOf(JsonTextNode node)
    {
        var id = node["id"];
        return id?.Kind switch
        {
            JsonTextKind.String => id.StringValue,
            JsonTextKind.Number => id.RawText,
            _ => null,
        };
    }
}

/// <summary>One action plan of the package.</summary>
internal sealed class ActionPlanView
{
    private IReadOnlyList<CommitmentView>? _commitments;
    private PeriodView? _period;

    internal ActionPlanView(PackageView package, JsonTextNode node, int index)
    {
        Package = package;
        Node = node;
        Index = index;
        Id = PackageView.IdOf(node);
        var language = node.GetString("language");
        Language = string.IsNullOrWhiteSpace(language) ? package.DefaultLanguage : language!.Trim().ToLowerInvariant();
    }

    /// <summary>The package holding the plan.</summary>
    public PackageView Package { get; }

    /// <summary>The plan's object.</summary>
    public JsonTextNode Node { get; }

    /// <summary>The position in <c>actionPlans</c>.</summary>
    public int Index { get; }

    /// <summary>The plan's id, when it has one.</summary>
    public string? Id { get; }

    /// <summary>The plan's <c>language</c> (lower case), else the default language of the options; prose rules read with it.</summary>
    public string? Language { get; }

    /// <summary>The plan's period (its members may all be absent).</summary>
    public PeriodView Period => _period ??= new PeriodView(Package, Node["period"]);

    /// <summary>The commitments (objects in <c>commitments</c>).</summary>
    public IReadOnlyList<CommitmentView> Commitments => _commitments ??= PackageView.ObjectsIn(Node["commitments"], (node, index) => new CommitmentView(this, node, index));

    /// <summary>"action plan 'LU-2019-2021'", or "action plan #1" without an id, for messages.</summary>
    public string Describe() => Id is null ? "action plan #" + (Index + 1) : "action plan '" + Id + "'";
}

/// <summary>One commitment of an action plan.</summary>
internal sealed class CommitmentView
{
    private IReadOnlyList<MilestoneView>? _milestones;
    private PeriodView? _period;

    internal CommitmentView(ActionPlanView plan, JsonTextNode node, int index)
    {
        Plan = plan;
        Node = node;
        Index = index;
        Id = PackageView.IdOf(node);
    }

    /// <summary>The plan holding the commitment.</summary>
    public ActionPlanView Plan { get; }

    /// <summary>The package holding the commitment.</summary>
    public PackageView Package => Plan.Package;

    /// <summary>The commitment's object.</summary>
    public JsonTextNode Node { get; }

    /// <summary>The position in the plan's <c>commitments</c>.</summary>
    public int Index { get; }

    /// <summary>The commitment's id, when it has one.</summary>
    public string? Id { get; }

    /// <summary>The plan's language (see <see cref="ActionPlanView.Language"/>).</summary>
    public string? Language => Plan.Language;

    /// <summary>The commitment's period.</summary>
    public PeriodView Period => _period ??= new PeriodView(Package, Node["period"]);

    /// <summary>The milestones (objects in <c>milestones</c>).</summary>
    public IReadOnlyList<MilestoneView> Milestones => _milestones ??= PackageView.ObjectsIn(Node["milestones"], (node, index) => new MilestoneView(this, node, index));

    /// <summary>"commitment 'LU0001'", or "commitment #3 of action plan 'LU-2019-2021'" without an id.</summary>
    public string Describe() => Id is null ? "commitment #" + (Index + 1) + " of " + Plan.Describe() : "commitment '" + Id + "'";
}

/// <summary>One milestone of a commitment.</summary>
internal sealed class MilestoneView
{
    private PeriodView? _period;

    internal MilestoneView(CommitmentView commitment, JsonTextNode node, int index)
    {
        Commitment = commitment;
        Node = node;
        Index = index;
        Id = PackageView.IdOf(node);
    }

    /// <summary>The commitment holding the milestone.</summary>
    public CommitmentView Commitment { get; }

    /// <summary>The package holding the milestone.</summary>
    public PackageView Package => Commitment.Plan.Package;

    /// <summary>The milestone's object.</summary>
    public JsonTextNode Node { get; }

    /// <summary>The position in the commitment's <c>milestones</c>.</summary>
    public int Index { get; }

    /// <summary>The milestone's id, when it has one.</summary>
    public string? Id { get; }

    /// <summary>The plan's language (see <see cref="ActionPlanView.Language"/>); prose rules read the description with it.</summary>
    public string? Language => Commitment.Language;

    /// <summary>The <c>description</c> node (the text judged for measurability), when present.</summary>
    public JsonTextNode? Description => Node["description"];

    /// <summary>The <c>deliverable</c> node, when present.</summary>
    public JsonTextNode? Deliverable => Node["deliverable"];

    /// <summary>The milestone's period.</summary>
    public PeriodView Period => _period ??= new PeriodView(Package, Node["period"]);

    /// <summary>"milestone 'LU0001-1'", or "milestone #2 of commitment 'LU0001'" without an id.</summary>
    public string Describe() => Id is null ? "milestone #" + (Index + 1) + " of " + Commitment.Describe() : "milestone '" + Id + "'";
}
