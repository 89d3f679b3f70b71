namespace OgpData.Analyzers.Tests.Verifiers;

/// <summary>
/// The shape of the library's milestone model, as C# source added to a test compilation. The analyzers
/// recognise the types by metadata name, so a test can also vary the shape (constructors, text end dates).
/// </summary>
internal static class ModelSource
{
    public const string Milestone = """
        namespace OgpData.Ogp
        {
            public sealed record Milestone
            {
                public Milestone() { }
                public Milestone(string id, string description, Period? period = null) { Id = id; Description = description; Period = period; }
                public string Id { get; init; } = "";
                public string Description { get; init; } = "";
                public string? Deliverable { get; init; }
                public Period? Period { get; init; }
            }

            public sealed record Period
            {
                public OgpData.Dates.PartialDate? StartDate { get; init; }
                public OgpData.Dates.PartialDate? EndDate { get; init; }
                public string? StartText { get; init; }
                public string? EndText { get; init; }
            }
        }
        """;

    /// <summary>A variant whose period keeps its dates as text, as a spreadsheet-shaped model would.</summary>
    public const string MilestoneWithTextDates = """
        namespace OgpData.Ogp
        {
            public sealed record Milestone
            {
                public string Description { get; init; } = "";
                public Period? Period { get; init; }
            }

            public sealed record Period
            {
                public string? StartDate { get; init; }
                public string? EndDate { get; init; }
            }
        }
        """;
}
