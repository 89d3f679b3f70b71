using System.Text.Json;
using OgpData.Ocds;
using OgpData.Serialization;

namespace OgpData.Tests.Models;

/// <summary>What a JSON document is, judged by its content (public only because test data names it).</summary>
public enum OcdsKind
{
    NotOcds,
    ReleasePackage,
    RecordPackage,
    Release,
    Record,
    /// <summary>A top-level array whose items are each an OCDS document (releases, or packages).</summary>
    DocumentArray,
}

/// <summary>Detects OCDS documents and round-trips them through the typed model.</summary>
internal static class OcdsDocuments
{
    public static (OcdsKind Kind, string Why) Detect(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            var items = root.EnumerateArray().ToList();
            return items.Count > 0 && items.All(item => item.ValueKind == JsonValueKind.Object && Detect(item).Kind != OcdsKind.NotOcds)
                ? (OcdsKind.DocumentArray, "an array of OCDS documents")
                : (OcdsKind.NotOcds, $"a top-level array of {items.Count} items that are not all OCDS documents");
        }
        if (root.ValueKind != JsonValueKind.Object) return (OcdsKind.NotOcds, $"a top-level {root.ValueKind}");
        if (root.TryGetProperty("$schema", out _) || root.TryGetProperty("definitions", out _) || root.TryGetProperty("properties", out _))
        {
            return (OcdsKind.NotOcds, "a JSON Schema, not data");
        }
        if (root.TryGetProperty("records", out _)) return (OcdsKind.RecordPackage, "has records");
        if (root.TryGetProperty("ocid", out _) && (root.TryGetProperty("releases", out _) || root.TryGetProperty("compiledRelease", out _)))
        {
            return (OcdsKind.Record, "has ocid and releases or compiledRelease");
        }
        if (root.TryGetProperty("releases", out _)) return (OcdsKind.ReleasePackage, "has releases");
        if (root.TryGetProperty("ocid", out _)) return (OcdsKind.Release, "has ocid");
        if (root.TryGetProperty("publisher", out _) && root.TryGetProperty("publishedDate", out _))
        {
            return (OcdsKind.ReleasePackage, "package metadata without releases");
        }
        var names = string.Join(", ", root.EnumerateObject().Take(6).Select(member => member.Name));
        return (OcdsKind.NotOcds, $"an object with neither releases, records nor ocid ({names})");
    }

    /// <summary>Reads the document as its kind, writes it back and returns the written bytes.</summary>
    public static byte[] RoundTrip(OcdsKind kind, ReadOnlySpan<byte> json)
    {
        using var output = new MemoryStream();
        switch (kind)
        {
            case OcdsKind.ReleasePackage:
                OcdsJson.Write(output, OcdsJson.ReadReleasePackage(json));
                break;
            case OcdsKind.RecordPackage:
                OcdsJson.Write(output, OcdsJson.ReadRecordPackage(json));
                break;
            case OcdsKind.Release:
                OcdsJson.Write(output, OcdsJson.ReadRelease(json));
                break;
            case OcdsKind.Record:
                OcdsJson.Write(output, OcdsJson.ReadRecord(json));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a single OCDS document");
        }
        return output.ToArray();
    }

    /// <summary>
    /// Round-trips one document (each item, for an array of releases) and asserts the written tree equals the
    /// read one, and that a second round trip writes the same bytes. Returns how many documents it checked.
    /// </summary>
    public static int AssertRoundTrips(OcdsKind kind, JsonElement root, string where)
    {
        if (kind == OcdsKind.DocumentArray)
        {
            var count = 0;
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                count += AssertRoundTrips(Detect(item).Kind, item, $"{where}/{index++}");
            }
            return count;
        }
        var original = JsonSerializer.SerializeToUtf8Bytes(root, JsonElementContext.Default.JsonElement);
        var written = RoundTrip(kind, original);
        var difference = JsonTree.FirstDifference(original, written);
        Assert.True(difference is null, $"{where} ({kind}) does not round-trip: {difference}");
        var writtenAgain = RoundTrip(kind, written);
        Assert.True(written.AsSpan().SequenceEqual(writtenAgain), $"{where} ({kind}): a second round trip wrote different bytes");
        return 1;
    }
}
