using OgpData.Findings;
using System.Globalization;
using System.Text.Json;
using OgpData.Json;
using System.Text.Json.Serialization.Metadata;
using OgpData.Ocds;
using OgpData.Serialization;
using OgpData.Streaming;

namespace OgpData.Decp;

/// <summary>
/// Converts French procurement data — the données essentielles de la commande publique (DECP, format 2.0, and the
/// flat 1.x lists of the consolidated files) — into an OCDS 1.1 release package: one release, with its own ocid, per
/// marché and per contrat de concession. The DECP file is read an entry at a time and the package written as it
/// goes, so memory stays flat whatever the file's size. Data problems are findings; only an unusable input
/// (not JSON, not DECP) throws. The mapping, field by field: <c>docs/formats/decp-to-ocds.md</c>.
/// </summary>
public static class DecpToOcdsConverter
{
    // Flush the writer to the stream once this much is pending, so the output never accumulates in memory.
    private const int FlushThreshold = 1 << 16;

    /// <summary>Reads the DECP JSON in <paramref name="decp"/> and writes the OCDS release package to <paramref name="ocds"/> (UTF-8).</summary>
    /// <exception cref="UnreadableInputException">The input is not well-formed JSON, or not a DECP file (no <c>marches</c>).
    /// The package written so far is left unfinished.</exception>
    public static DecpConversionResult Convert(Stream decp, Stream ocds, DecpConversionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(decp);
        ArgumentNullException.ThrowIfNull(ocds);
        options ??= new DecpConversionOptions();
        var log = new DecpFindingLog(Math.Max(0, options.MaxFindings));
        var publishedDate = (options.PublishedDate ?? DateTimeOffset.UtcNow).ToUniversalTime()
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var mapper = new DecpReleaseMapper(options, log, publishedDate);
        var serializer = OcdsJson.Options;
        // The lossless contract of the OCDS model, as OcdsJson writes it (source-generated, no reflection).
        var releaseContract = (JsonTypeInfo<Release>)serializer.GetTypeInfo(typeof(Release));
        int entries = 0, marches = 0, concessions = 0;

        using var writer = new Utf8JsonWriter(ocds, new JsonWriterOptions { Encoder = serializer.Encoder, Indented = options.Indented });
        writer.WriteStartObject();
        writer.WriteString("uri", options.PackageUri);
        writer.WriteString("version", "1.1");
        writer.WriteString("publishedDate", publishedDate);
        writer.WriteStartObject("publisher");
        writer.WriteString("name", options.PublisherName);
        writer.WriteEndObject();
        if (options.License is { } license) writer.WriteString("license", license);
        writer.WriteStartArray("releases");

        var filter = new NonFiniteNumberFilter(decp);
        var reader = new DecpStreamReader(filter, (ruleId, pointer, message, position) => log.Add(ruleId, pointer, message, position), filter.Inserted);
        var nonFinite = 0;
        foreach (var entry in reader.Read())
        {
            entries++;
            if (JsonTrees.UnreadableTextAt(entry.Utf8, out var reason) is var at and >= 0)
            {
                // System.Text.Json cannot read such a string, and an OCDS release cannot carry it: unusable input.
                throw new UnreadableInputException(reason, entry.ByteOffset + at, entry.Position.Advance(entry.Utf8.AsSpan(0, at)));
            }
            nonFinite = ReportNonFinite(filter.Replaced, nonFinite, entry, log);
            Release? release;
            bool isConcession;
            using (var document = JsonDocument.Parse(entry.Utf8, new JsonDocumentOptions { MaxDepth = OcdsStreamReader.MaxDepth }))
            {
                release = mapper.Map(entry, document.RootElement, out isConcession);
            }
            if (release is null) continue;
            JsonSerializer.Serialize(writer, release, releaseContract);
            if (isConcession) concessions++;
            else marches++;
            if (writer.BytesPending > FlushThreshold) writer.Flush();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        if (nonFinite < filter.Replaced.Count)
            log.Add(RuleIds.DecpNonFiniteNumber, "", $"{filter.Replaced.Count - nonFinite} NaN or Infinity outside the marché and concession lists: ignored.", null);
        return new DecpConversionResult
        {
            Entries = entries,
            Marches = marches,
            Concessions = concessions,
            Findings = log.ToImmutable(),
            Errors = log.Errors,
            Warnings = log.Warnings,
            Infos = log.Infos,
        };
    }

    /// <summary>Reports the NaN and Infinity the filter turned into null inside this entry; returns the cursor past them.</summary>
    private static int ReportNonFinite(List<long> replaced, int cursor, DecpEntry entry, DecpFindingLog log)
    {
        var end = entry.ByteOffset + entry.Utf8.Length;
        if (cursor >= replaced.Count || replaced[cursor] >= end) return cursor;
        var scope = new DecpEntryScope(entry, log);
        for (; cursor < replaced.Count && replaced[cursor] < end; cursor++)
        {
            var offset = replaced[cursor] - entry.ByteOffset;
            if (offset < 0) continue;
            scope.Report(RuleIds.DecpNonFiniteNumber, JsonPointerAt.Find(entry.Utf8, offset) ?? "",
                "NaN or Infinity is not JSON (a consolidation tool's missing number): read as absent.");
        }
        return cursor;
    }
}
