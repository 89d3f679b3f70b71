using System.IO.Compression;
using OgpData.Serialization;
using OgpData.Testing;
using Xunit.Abstractions;

namespace OgpData.Tests.Models;

/// <summary>
/// The 14.7 MB tenders package from ../shared/data/ocds/large round-trips through the model (the other large
/// files take longer and are measured outside the test run). Times are written to the
/// test output for reading, never asserted (the machine is shared).
/// </summary>
public sealed class LargeOcdsRoundTripTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("ocds/large/canada-buyandsell-2014.tenders_releases.json.gz", OcdsKind.ReleasePackage)]
    public void A_large_package_round_trips(string relativePath, OcdsKind kind)
    {
        var json = Decompress(SharedData.Require(relativePath));
        var written = OcdsDocuments.RoundTrip(kind, json);
        var difference = JsonTree.FirstDifference(json, written);
        Assert.True(difference is null, $"{relativePath} does not round-trip: {difference}");
        output.WriteLine($"{relativePath}: {json.Length / 1e6:F1} MB read and written");
    }

    [SkippableFact]
    public void Each_release_of_a_large_package_is_typed()
    {
        var json = Decompress(SharedData.Require("ocds/large/canada-buyandsell-2014.tenders_releases.json.gz"));
        var package = OcdsJson.ReadReleasePackage(json);
        Assert.NotNull(package.Releases);
        Assert.All(package.Releases.Value, release =>
        {
            Assert.False(string.IsNullOrEmpty(release.Ocid));
            Assert.NotNull(release.Tender);
        });
    }

    internal static byte[] Decompress(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
