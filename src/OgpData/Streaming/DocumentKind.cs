using OgpData.Reporting;

namespace OgpData.Streaming;

/// <summary>What a JSON input is, as told by its first bytes.</summary>
public enum DocumentKind
{
    /// <summary>Not JSON, or empty: nothing could be recognised.</summary>
    Unknown = 0,
    /// <summary>Some other JSON document.</summary>
    Json,
    /// <summary>An OGP commitment package (an object with <c>actionPlans</c>).</summary>
    OgpCommitmentPackage,
    /// <summary>An OCDS release package (an object with <c>releases</c>).</summary>
    OcdsReleasePackage,
    /// <summary>An OCDS record package (an object with <c>records</c>).</summary>
    OcdsRecordPackage,
    /// <summary>A single OCDS release (an object with <c>ocid</c> and <c>id</c> or <c>tag</c>).</summary>
    OcdsRelease,
    /// <summary>A single OCDS record (an object with <c>ocid</c> and <c>compiledRelease</c> or <c>releases</c>).</summary>
    OcdsRecord,
    /// <summary>JSON Lines: one release (or one package) per line.</summary>
    OcdsReleasesJsonLines,
    /// <summary>A JSON array whose items are release or record packages.</summary>
    OcdsPackageArray,
    /// <summary>A JSON array whose items are releases.</summary>
    OcdsReleaseArray,
}

/// <summary>The report names of <see cref="DocumentKind"/>; the names themselves are <see cref="DocumentKinds"/>.</summary>
public static class DocumentKindNames
{
    /// <summary>The report name: <c>ocds-release-package</c>, <c>ocds-releases-jsonl</c>, <c>json</c>, ...</summary>
    public static string ToName(this DocumentKind kind) => kind switch
    {
        DocumentKind.Json => DocumentKinds.Json,
        DocumentKind.OgpCommitmentPackage => DocumentKinds.OgpCommitmentPackage,
        DocumentKind.OcdsReleasePackage => DocumentKinds.OcdsReleasePackage,
        DocumentKind.OcdsRecordPackage => DocumentKinds.OcdsRecordPackage,
        DocumentKind.OcdsRelease => DocumentKinds.OcdsRelease,
        DocumentKind.OcdsRecord => DocumentKinds.OcdsRecord,
        DocumentKind.OcdsReleasesJsonLines => DocumentKinds.OcdsReleasesJsonLines,
        DocumentKind.OcdsPackageArray => DocumentKinds.OcdsPackageArray,
        DocumentKind.OcdsReleaseArray => DocumentKinds.OcdsReleaseArray,
        _ => DocumentKinds.Unknown,
    };

    /// <summary>True for every kind whose content is OCDS data.</summary>
    public static bool IsOcds(this DocumentKind kind) => kind is DocumentKind.OcdsReleasePackage
        or DocumentKind.OcdsRecordPackage or DocumentKind.OcdsRelease or DocumentKind.OcdsRecord
        or DocumentKind.OcdsReleasesJsonLines or DocumentKind.OcdsPackageArray or DocumentKind.OcdsReleaseArray;
}
