using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ogp;

/// <summary>The structured description of a commitment, as in the OGP action plan template.</summary>
public sealed record CommitmentDescription : ExtensibleObject
{
    /// <summary>The public problem the commitment addresses.</summary>
    [JsonPropertyName("problem")]
    public string? Problem { get; init; }

    /// <summary>What the commitment is.</summary>
    [JsonPropertyName("commitment")]
    public string? Commitment { get; init; }

    /// <summary>How the commitment will contribute to solving the problem.</summary>
    [JsonPropertyName("contribution")]
    public string? Contribution { get; init; }

    /// <summary>Why the commitment is relevant to OGP values.</summary>
    [JsonPropertyName("relevance")]
    public string? Relevance { get; init; }

    /// <summary>Anything else (budget, links to other programmes).</summary>
    [JsonPropertyName("additionalInformation")]
    public string? AdditionalInformation { get; init; }
}
