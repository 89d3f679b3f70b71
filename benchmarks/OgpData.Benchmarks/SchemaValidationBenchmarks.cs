using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OgpData.Schema;

namespace OgpData.Benchmarks;

/// <summary>
/// The schema engine's hot path: every release of a real OCDS package validated against the OCDS 1.1.5
/// release schema (compiled once in setup). Reads ../shared/data; run by hand:
/// <c>dotnet run -c Release --project benchmarks/OgpData.Benchmarks -- --filter '*SchemaValidation*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class SchemaValidationBenchmarks
{
    private CompiledSchema _schema = null!;
    private JsonDocument _package = null!;
    private JsonElement[] _releases = [];

    [GlobalSetup]
    public void Setup()
    {
        var data = FindSharedData();
        using var schemaDocument = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(data, "ocds", "schema", "1.1.5", "release-schema.json")));
        _schema = JsonSchema.Compile(schemaDocument.RootElement);
        _package = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(data, "ocds", "samples", "uk-contracts-finder.release-package.json")));
        _releases = _package.RootElement.GetProperty("releases").EnumerateArray().ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _package.Dispose();

    /// <summary>Full validation: errors collected with pointers and messages.</summary>
    [Benchmark(Baseline = true)]
    public int ValidateReleases()
    {
        var errors = 0;
        foreach (var release in _releases) errors += _schema.Validate(release).Errors.Length;
        return errors;
    }

    /// <summary>Yes/no validation: stops at the first failure, builds no error.</summary>
    [Benchmark]
    public int IsValidReleases()
    {
        var valid = 0;
        foreach (var release in _releases)
        {
            if (_schema.IsValid(release)) valid++;
        }
        return valid;
    }

    private static string FindSharedData()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OGPDATA_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (File.Exists(Path.Combine(dir.FullName, "OgpData.sln")) && Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new InvalidOperationException("../shared/data not found beside the checkout (or set OGPDATA_SHARED_DATA).");
    }
}
