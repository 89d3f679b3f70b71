using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using OgpData.Decp;

namespace OgpData.Benchmarks;

/// <summary>
/// DECP to OCDS: a file of N marchés built from the official 2.0.3 example with modifications (ids, buyers,
/// amounts and dates varied, seeded), converted to a release package written to nowhere.
/// </summary>
[MemoryDiagnoser]
public class DecpConversionBenchmarks
{
    private byte[] _decp = [];

    /// <summary>Marchés in the file.</summary>
    [Params(10_000)]
    public int Marches { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var example = JsonNode.Parse(File.ReadAllText(BenchmarkData.PathOf("decp/v2.0.3/examples/json/marches_avec_modifications.json")))!;
        var template = example["marches"]!["marche"]![0]!;
        var random = new Random(20_251_123);
        var list = new StringBuilder("{\"marches\": {\"marche\": [\n");
        for (var i = 0; i < Marches; i++)
        {
            var marche = template.DeepClone();
            marche["id"] = $"2024-{i:D6}";
            marche["acheteur"]!["id"] = $"2175{random.Next(0, 1_000_000):D6}0066";
            marche["montant"] = random.Next(40_000, 5_000_000) + random.Next(0, 100) / 100m;
            marche["dureeMois"] = random.Next(1, 96);
            marche["dateNotification"] = $"2024-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}";
            if (i > 0) list.Append(",\n");
            list.Append(marche.ToJsonString());
        }
        list.Append("\n]}}");
        _decp = Encoding.UTF8.GetBytes(list.ToString());
    }

    private static readonly DecpConversionOptions Options = new() { PublishedDate = DateTimeOffset.UnixEpoch };

    [Benchmark(Description = "DECP → OCDS release package")]
    public int Convert() => DecpToOcdsConverter.Convert(new MemoryStream(_decp, writable: false), Stream.Null, Options).Releases;
}
