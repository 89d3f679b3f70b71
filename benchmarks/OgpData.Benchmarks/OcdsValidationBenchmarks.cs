using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OgpData.Streaming;
using OgpData.Validation;

namespace OgpData.Benchmarks;

/// <summary>
/// <c>ogpdata validate</c> on a real OCDS release package from the shared samples: detection, streaming, the
/// OCDS 1.1.5 schemas and every OCDS check, findings capped at 1000 as on the command line. The validator
/// (and so the compiled schemas) is built and warmed once in setup. Run by hand:
/// <c>dotnet run -c Release --project benchmarks/OgpData.Benchmarks -- --filter '*OcdsSample*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class OcdsSampleValidationBenchmarks
{
    private const string Sample = "ocds/samples/armenia.release-package.json";
    private DocumentValidator _validator = null!;
    private byte[] _package = [];

    [GlobalSetup]
    public void Setup()
    {
        _package = File.ReadAllBytes(BenchmarkData.PathOf(Sample));
        _validator = new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = BenchmarkData.PathOf("ocds/schema/1.1.5"), MaxFindings = 1000 });
        _ = ValidatePackage();
    }

    /// <summary>The armenia package (993 KB): schema and all checks.</summary>
    [Benchmark]
    public long ValidatePackage() => _validator.ValidateAsync(Sample, new MemoryStream(_package, writable: false)).GetAwaiter().GetResult().Counts.Total;
}

/// <summary>
/// The bulk case of DESIGN section 9: the Canada 2014 release package (107.6 MB, 43,086 releases, ~1.3 M findings
/// against 1.1.5), decompressed once into /tmp and held in memory, so disk reads are not measured. The token
/// scan is the floor: System.Text.Json reading every token and doing nothing else. Run by hand:
/// <c>dotnet run -c Release --project benchmarks/OgpData.Benchmarks -- --filter '*Canada*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class CanadaBulkValidationBenchmarks
{
    private const string Compressed = "ocds/large/canada-buyandsell-2014.contracts_releases_compact.json.gz";
    private DocumentValidator _validator = null!;
    private byte[] _file = [];

    [GlobalSetup]
    public void Setup()
    {
        var decompressed = Path.Combine(Path.GetTempPath(), "ogpdata-bench", "canada-contracts_releases_compact.json");
        if (!File.Exists(decompressed))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(decompressed)!);
            var partial = decompressed + ".part";
            using (var source = new GZipStream(File.OpenRead(BenchmarkData.PathOf(Compressed)), CompressionMode.Decompress))
            using (var target = File.Create(partial))
            {
                source.CopyTo(target);
            }
            File.Move(partial, decompressed, overwrite: true);
        }
        _file = File.ReadAllBytes(decompressed);
        _validator = new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = BenchmarkData.PathOf("ocds/schema/1.1.5"), MaxFindings = 1000 });
        // Compile the schemas outside the measurement.
        _ = _validator.ValidateAsync("warm-up.json", new MemoryStream("""{"releases":[{"ocid":"ocds-213czf-1","id":"1"}]}"""u8.ToArray())).GetAwaiter().GetResult();
    }

    /// <summary>Schema and every OCDS check over all 43,086 releases, findings capped at 1000 (counts stay totals).</summary>
    [Benchmark]
    public long ValidateAllChecks() => _validator.ValidateAsync("canada.json", new MemoryStream(_file, writable: false)).GetAwaiter().GetResult().Counts.Total;

    /// <summary>
    /// The streaming reader alone, as the public API reads: every release cut out and tokenised by the reader
    /// (the positions kept, the bytes lent and handed back as the validator does), nothing validated.
    /// </summary>
    [Benchmark]
    public long StreamReleases() => StreamAsync(validate: true, parse: false, strict: false).GetAwaiter().GetResult();

    /// <summary>The reader as the validator uses it: releases cut out by the structural scan, not tokenised.</summary>
    [Benchmark]
    public long CutReleases() => StreamAsync(validate: false, parse: false, strict: false).GetAwaiter().GetResult();

    /// <summary>Before: each release tokenised by the reader, then again by a <see cref="JsonDocument"/> parse.</summary>
    [Benchmark]
    public long StreamAndParseReleases() => StreamAsync(validate: true, parse: true, strict: false).GetAwaiter().GetResult();

    /// <summary>Now: each release cut out by the scan and parsed once, refusing repeated names (JSON0001) in the same parse.</summary>
    [Benchmark]
    public long CutAndParseOnce() => StreamAsync(validate: false, parse: true, strict: true).GetAwaiter().GetResult();

    private async Task<long> StreamAsync(bool validate, bool parse, bool strict)
    {
        long items = 0;
        var settings = new OcdsStreamReader.ReadSettings(OcdsStreamReader.DefaultBufferBytes, OgpData.Json.JsonChunkLimits.Default, validate);
        var options = new JsonDocumentOptions { MaxDepth = 4096, AllowDuplicateProperties = !strict };
        await foreach (var part in OcdsStreamReader.ReadAsync(new MemoryStream(_file, writable: false), DocumentKind.OcdsReleasePackage, settings, CancellationToken.None))
        {
            if (part is not StreamedItem item) continue;
            if (parse)
            {
                using var document = JsonDocument.Parse(item.Utf8, options);
                items += document.RootElement.GetPropertyCount() > 0 ? 1 : 0;
            }
            else
            {
                items++;
            }
            item.ReturnLentUtf8();
        }
        return items;
    }

    /// <summary>The floor: every token of the same bytes read by System.Text.Json, nothing done with it.</summary>
    [Benchmark(Baseline = true)]
    public long TokenScan()
    {
        var reader = new Utf8JsonReader(_file, new JsonReaderOptions { MaxDepth = 256 });
        long tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }
}
