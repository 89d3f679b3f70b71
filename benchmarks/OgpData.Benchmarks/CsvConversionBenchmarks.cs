using System.Text;
using BenchmarkDotNet.Attributes;
using OgpData.Conversion;

namespace OgpData.Benchmarks;

/// <summary>
/// The spreadsheet hot path: a French commitments sheet (one row per milestone, <c>;</c>, decimal commas,
/// a quoted list) read into a commitment package, and the package written back as a sheet.
/// </summary>
[MemoryDiagnoser]
public class CsvConversionBenchmarks
{
    private byte[] _sheet = [];
    private byte[] _package = [];

    /// <summary>Milestone rows in the sheet (five per commitment).</summary>
    [Params(20_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_240_601);
        var text = new StringBuilder();
        text.Append("id;number;title;budget/amount;budget/currency;ogpValues;milestones/0/id;milestones/0/description;milestones/0/period/startDate;milestones/0/period/endDate;milestones/0/status\r\n");
        for (var i = 0; i < Rows; i++)
        {
            var c = i / 5;
            text.Append($"FR{c:D6};{c};Engagement n°{c} : ouvrir les données;{c * 37 % 9_000_000 + 1000},{c % 100:D2};EUR;\"accessToInformation;civicParticipation\";")
                .Append($"FR{c:D6}-{i % 5 + 1};Publier {random.Next(1, 50)} jeux de données, avec documentation;2019-{random.Next(1, 13):D2};2021-Q{random.Next(1, 5)};substantial\r\n");
        }
        _sheet = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
        using var output = new MemoryStream();
        CommitmentCsv.ReadPackage(new MemoryStream(_sheet), output, Options);
        _package = output.ToArray();
    }

    private static readonly CommitmentCsvOptions Options = new() { PlanId = "FR-2021", Member = "FR", Indented = false };

    [Benchmark(Description = "CSV → commitment package")]
    public int ReadSheet() => CommitmentCsv.ReadPackage(new MemoryStream(_sheet), Stream.Null, Options).Records;

    [Benchmark(Description = "commitment package → CSV")]
    public int WriteSheet() => CommitmentCsv.Write(new MemoryStream(_package), Stream.Null, null, Options).Records;
}
