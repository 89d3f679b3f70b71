using System.Collections.Immutable;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A milestone of a contracting process (OCDS, not an OGP milestone).</summary>
public sealed record Milestone : ExtensibleObject
{
    /// <summary>The milestone identifier.</summary>
    public OcdsId? Id { get; init; }

    /// <summary>The milestone title.</summary>
    public string? Title { get; init; }

    /// <summary>The milestone type (milestoneType codelist).</summary>
    public string? Type { get; init; }

    /// <summary>The milestone description.</summary>
    public string? Description { get; init; }

    /// <summary>A local code for the milestone.</summary>
    public string? Code { get; init; }

    /// <summary>When the milestone is due (date-time text).</summary>
    public string? DueDate { get; init; }

    /// <summary>When the milestone was met (date-time text).</summary>
    public string? DateMet { get; init; }

    /// <summary>When the milestone was last reviewed (date-time text).</summary>
    public string? DateModified { get; init; }

    /// <summary>The milestone status (milestoneStatus codelist).</summary>
    public string? Status { get; init; }

    /// <summary>Documents of the milestone.</summary>
    public ImmutableArray<Document>? Documents { get; init; }
}
