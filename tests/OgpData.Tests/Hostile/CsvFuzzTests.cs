using System.Text;
using System.Text.Json;
using CsCheck;
using OgpData.Conversion;
using OgpData.Testing;

namespace OgpData.Tests.Hostile;

/// <summary>
/// The library's CSV reading (src/OgpData/Csv through <see cref="CommitmentCsv"/>) on any bytes: it never
/// throws, writes well-formed JSON, and every problem it reports names its row. Long runs: docs/fuzzing.md.
/// </summary>
public class CsvFuzzTests
{
    private static readonly string[] Headers =
    [
        "id", "title", "number", "budget/amount", "ogpValues", "milestones/0/id", "milestones/0/description", "milestones/0/period/endDate",
        "milestones/1/description", "contacts/0/email", "assessments/0/onTime", "otherActors/government", "x/0/0", "", "id/",
    ];

    private static readonly Gen<string> Cell = Gen.OneOf(
        Gen.OneOfConst("", "C1", "C2", "M1", "0012", "1 234,50", "1e400", "oui", "true", "Août 2021", "2021-13", "\"quoted; with\"\"quote\"", "\"open",
            "=1+1", "a;b", "\"multi\nline\"", "\u00e9", "\uFEFF", "\ud800", "\u0000"),
        Gen.String[0, 6]);

    private static readonly Gen<byte[]> Sheet = Gen.OneOf(
        Gen.Select(Gen.OneOfConst(",", ";", "\t"), Gen.OneOfConst(Headers).Array[1, 6], Cell.Array[0, 8].Array[0, 6], Gen.OneOfConst("\n", "\r\n"), Gen.Bool)
            .Select((delimiter, header, rows, newline, windows1252) =>
            {
                var text = string.Join(newline, rows.Select(r => string.Join(delimiter, r)).Prepend(string.Join(delimiter, header)));
                return windows1252 ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
            }),
        Gen.Byte.Array[0, 80]);

    [Fact]
    public void Reading_any_sheet_gives_json_and_problems_with_rows()
    {
        Sheet.Sample(bytes =>
        {
            using var input = new MemoryStream(bytes);
            using var output = new MemoryStream();
            var result = CommitmentCsv.ReadPackage(input, output, new CommitmentCsvOptions { PlanId = "P", Member = "LU" });
            using var _ = JsonDocument.Parse(output.ToArray());
            foreach (var problem in result.Problems)
            {
                Assert.False(string.IsNullOrEmpty(problem.Message));
                Assert.True(problem.Row >= 0, problem.Message);
            }
        }, iter: Fuzzing.Iterations(1_000), print: bytes => Encoding.UTF8.GetString(bytes));
    }
}
