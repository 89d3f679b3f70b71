using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>The structured description of a commitment, as in the OGP action plan template.</summary>
public sealed record CommitmentDescription : ExtensibleObject
{
    /// <summary>The public problem the commitment addresses.</summary>
    public string? Problem { get; init; }

    /// <summary>What the commitment is.</summary>
    public string? Commitment { get; init; }

    /// <summary>How the commitment will contribute to solving the problem.</summary>
    public string? Contribution { get; init; }

    /// <summary>Why the commitment is relevant to OGP values.</summary>
    public string? Relevance { get; init; }

    /// <summary>Anything else (budget, links to other programmes).</summary>
    public string? AdditionalInformation { get; init; }
}
