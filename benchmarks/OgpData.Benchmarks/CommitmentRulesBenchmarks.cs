using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OgpData.Quality;
using OgpData.Validation;

namespace OgpData.Benchmarks;

/// <summary>
/// The commitment-package hot path: a generated package of 100,000 milestones (10,000 commitments of ten),
/// checked with every commitment rule (OGP0001–OGP0011), and validated end to end (bundled schema + rules,
/// as <c>ogpdata validate</c> does). Deterministic: the generator is seeded.
/// <c>dotnet run -c Release --project benchmarks/OgpData.Benchmarks -- --filter '*CommitmentRules*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class CommitmentRulesBenchmarks
{
    /// <summary>Milestones in the generated package.</summary>
    public const int Milestones = 100_000;

    // Wordings of the kind plans print, measurable and not, French and English.
    private static readonly string[] Descriptions =
    [
        "Publication de 40 jeux de données sur le portail national",
        "Poursuite des travaux de sensibilisation auprès des communes",
        "Adoption du règlement grand-ducal relatif à l'accès aux documents",
        "Organisation d'une conférence publique sur la transparence",
        "Renforcer le dialogue avec la société civile",
        "Mise en ligne d'une plateforme de consultation",
        "Launch of the open contracting portal with 2019 data",
        "Continued engagement with stakeholders where possible",
        "Former 500 agents à la rédaction en langage clair",
        "Réflexion sur une éventuelle stratégie de données ouvertes",
    ];

    private static readonly string[] DateWords = ["Septembre 2019", "T1 2020", "1er semestre 2020", "fin 2020", "en continu", "Dates à déterminer", "31/12/2021"];

    private string _text = "";
    private byte[] _utf8 = [];
    private DocumentValidator _validator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Generate(new Random(20191026));
        _text = Encoding.UTF8.GetString(_utf8);
        _validator = new DocumentValidator();
    }

    /// <summary>Every commitment rule over the package text (parse with spans, then the rules).</summary>
    [Benchmark(Baseline = true)]
    public int CommitmentRules() => CommitmentChecker.Check(_text).Findings.Count;

    /// <summary>What <c>ogpdata validate</c> does with the file: the bundled schema, then the rules, with line and column.</summary>
    [Benchmark]
    public long ValidateEndToEnd() => _validator.ValidateCommitmentPackage("generated.commitments.json", _utf8).Counts.Total;

    private static byte[] Generate(Random random)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", "1.0");
            json.WriteStartArray("actionPlans");
            json.WriteStartObject();
            json.WriteString("id", "XX-2019-2021");
            json.WriteString("member", "XX");
            json.WriteString("language", "fr");
            WritePeriod(json, "2019-01", "2021-12", null, null);
            json.WriteStartArray("commitments");
            for (var c = 0; c < Milestones / 10; c++)
            {
                var id = $"XX{c:D5}";
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("title", $"Engagement {c}");
                WritePeriod(json, "2019-0" + random.Next(1, 10), "2021-" + random.Next(10, 13), null, null);
                if (random.Next(4) > 0)
                {
                    json.WriteStartObject("leadAgency");
                    json.WriteString("name", "Ministère d'État");
                    json.WriteEndObject();
                    json.WriteStartArray("ogpValues");
                    json.WriteStringValue("accessToInformation");
                    json.WriteEndArray();
                }
                json.WriteStartArray("milestones");
                for (var m = 1; m <= 10; m++)
                {
                    json.WriteStartObject();
                    json.WriteString("id", $"{id}-{m}");
                    json.WriteString("description", Descriptions[random.Next(Descriptions.Length)]);
                    var start = $"2020-{random.Next(1, 13):D2}";
                    WritePeriod(json, start, random.Next(10) == 0 ? "2019-06" : $"2021-{random.Next(1, 13):D2}",
                        random.Next(3) == 0 ? DateWords[random.Next(DateWords.Length)] : null,
                        random.Next(3) == 0 ? DateWords[random.Next(DateWords.Length)] : null);
                    json.WriteString("status", random.Next(20) == 0 ? "Susbtantiel" : "substantial");
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WritePeriod(Utf8JsonWriter json, string start, string end, string? startText, string? endText)
    {
        json.WriteStartObject("period");
        json.WriteString("startDate", start);
        json.WriteString("endDate", end);
        if (startText is not null) json.WriteString("startText", startText);
        if (endText is not null) json.WriteString("endText", endText);
        json.WriteEndObject();
    }
}
