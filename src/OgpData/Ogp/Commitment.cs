using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>A commitment of an action plan: what the government undertakes, with its milestones.</summary>
public sealed record Commitment : ExtensibleObject
{
    /// <summary>The commitment identifier, unique in the package (OGP style: member and four digits, <c>LU0001</c>). Required.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The numbering as printed in the plan.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; init; }

    /// <summary>The commitment title. Required.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>When the commitment runs.</summary>
    [JsonPropertyName("period")]
    public Period? Period { get; init; }

    /// <summary>The institution responsible.</summary>
    [JsonPropertyName("leadAgency")]
    public LeadAgency? LeadAgency { get; init; }

    /// <summary>The structured description of the commitment.</summary>
    [JsonPropertyName("description")]
    public CommitmentDescription? Description { get; init; }

    /// <summary>The OGP values served (<see cref="OgpCodes.OgpValue"/>).</summary>
    [JsonPropertyName("ogpValues")]
    public ImmutableArray<string>? OgpValues { get; init; }

    /// <summary>The budget of the commitment.</summary>
    [JsonPropertyName("budget")]
    public Budget? Budget { get; init; }

    /// <summary>The milestones, each with a verifiable deliverable where possible.</summary>
    [JsonPropertyName("milestones")]
    public ImmutableArray<Milestone>? Milestones { get; init; }

    /// <summary>The contact people.</summary>
    [JsonPropertyName("contacts")]
    public ImmutableArray<Contact>? Contacts { get; init; }

    /// <summary>Other actors involved.</summary>
    [JsonPropertyName("otherActors")]
    public OtherActors? OtherActors { get; init; }

    /// <summary>Self-assessments and IRM assessments of the commitment.</summary>
    [JsonPropertyName("assessments")]
    public ImmutableArray<Assessment>? Assessments { get; init; }
}
