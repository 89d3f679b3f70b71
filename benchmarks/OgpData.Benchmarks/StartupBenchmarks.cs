using BenchmarkDotNet.Attributes;
using OgpData.OcdsValidation;
using OgpData.Streaming;
using OgpData.Validation;

namespace OgpData.Benchmarks;

/// <summary>
/// What a one-release package costs a fresh run before and beside its one release: loading the OCDS 1.1.5 schema
/// set (release schema, package schemas, codelists), compiling the release schema, and the whole validation of
/// the package with a new validator (nothing cached but what the process keeps). Each operation starts cold as
/// far as this library's caches go (the JIT's work is not repeated, so the process start-up itself is measured
/// with <c>/usr/bin/time</c>, see docs/performance.md). Run by hand:
/// <c>dotnet run -c Release --project benchmarks/OgpData.Benchmarks -- --filter '*Startup*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class StartupBenchmarks
{
    private string _schemaDirectory = "";
    private byte[] _oneRelease = [];

    [GlobalSetup]
    public void Setup()
    {
        _schemaDirectory = BenchmarkData.PathOf("ocds/schema/1.1.5");
        _oneRelease = File.ReadAllBytes(BenchmarkData.PathOf("ocds/samples/fictional/ocds-213czf-000-00001-02-tender.json"));
    }

    /// <summary>Reading and indexing the schema set (JSON files and codelist CSVs).</summary>
    [Benchmark]
    public OcdsSchemaSet LoadSchemas() => OcdsSchemaSet.LoadAsync(OcdsSchemaSource.FromDirectory(_schemaDirectory)).GetAwaiter().GetResult();

    /// <summary>Loading a fresh set and compiling its release schema (compiled schemas are cached per set), validating one small release with it.</summary>
    [Benchmark]
    public int LoadAndCompileReleaseSchema()
    {
        var fresh = LoadSchemas();
        using var document = System.Text.Json.JsonDocument.Parse("""{"ocid":"ocds-213czf-1","id":"1"}""");
        return OcdsSchemaChecks.Create(fresh)(document.RootElement, OcdsItemKind.Release).Count;
    }

    /// <summary>The whole <c>validate</c> of a one-release package with a new validator: detection, schemas, checks, report.</summary>
    [Benchmark]
    public long ValidateOneReleasePackage()
    {
        var validator = new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = _schemaDirectory, MaxFindings = 1000 });
        return validator.ValidateAsync("one.json", new MemoryStream(_oneRelease, writable: false)).GetAwaiter().GetResult().Counts.Total;
    }
}
