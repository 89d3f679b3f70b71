using System.Text;
using OgpData.Decp;
using OgpData.Findings;
using OgpData.Testing;
using static OgpData.Tests.Decp.DecpTestData;

namespace OgpData.Tests.Decp;

/// <summary>NaN and Infinity, which pandas writes for missing numbers, read as absent and reported.</summary>
public class NonFiniteNumberTests
{
    /// <summary>Hands out one byte per read, so every token straddles a read boundary.</summary>
    private sealed class Trickle(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
    }

    private static (string Text, List<long> Replaced) Filter(string json, bool trickle)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var filter = new NonFiniteNumberFilter(trickle ? new Trickle(bytes) : new MemoryStream(bytes));
        using var output = new MemoryStream();
        filter.CopyTo(output);
        return (Encoding.UTF8.GetString(output.ToArray()), filter.Replaced);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Valid_json_passes_unchanged_even_with_NaN_in_strings(bool trickle)
    {
        const string json = """{"a": "NaN", "b\"NaN": ["Infinity", -1e5, null, true], "c": "\\", "d": "x\\\"NaN"}""";
        var (text, replaced) = Filter(json, trickle);
        Assert.Equal(json, text);
        Assert.Empty(replaced);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bare_NaN_and_infinities_become_null_at_recorded_offsets(bool trickle)
    {
        var (text, replaced) = Filter("""{"a": NaN, "b": [Infinity,-Infinity], "c": -2}""", trickle);
        Assert.Equal("""{"a": null, "b": [null    ,null     ], "c": -2}""", text);
        Assert.Equal([6L, 18, 27], replaced);
    }

    [Fact]
    public void Other_bare_words_are_left_for_the_json_reader_to_refuse()
    {
        var (text, replaced) = Filter("""{"a": Nope, "b": Inf}""", trickle: false);
        Assert.Equal("""{"a": Nope, "b": Inf}""", text);
        Assert.Empty(replaced);
    }

    [Fact]
    public void A_NaN_in_a_marche_is_a_finding_at_its_pointer_and_the_value_is_absent()
    {
        var converted = Convert("""
            {"marches": {"marche": [
              {"id": "M1", "acheteur": {"id": "21750001630066"}, "datePublicationDonnees": "2024-02-01",
               "montant": NaN, "dureeMois": 12}
            ]}}
            """);
        var finding = Assert.Single(converted.Result.Findings);
        Assert.Equal(RuleIds.DecpNonFiniteNumber, finding.RuleId);
        Assert.Equal("/marches/marche/0/montant", finding.Pointer);
        Assert.Equal(3, finding.Line);
        Assert.Equal(15, finding.Column);
        Assert.Null(converted.Releases[0]!["awards"]![0]!["value"]);
    }

    [Fact]
    public void Columns_after_a_bare_NaN_on_its_line_are_the_files_own()
    {
        const string text = """
            {"marches": {"marche": [
              {"id": "M1", "acheteur": {"id": "21750001630066"}, "montant": NaN, "datePublicationDonnees": "bientôt", "dureeMois": 12}
            ]}}
            """;
        var converted = Convert(text);
        var finding = converted.Result.Findings.First(f => f.RuleId == RuleIds.DecpBadDate);
        var line = text.Split('\n')[finding.Line - 1];
        Assert.Equal("\"bientôt\"", line.Substring(finding.Column - 1, 9));
        var nan = Assert.Single(converted.Result.Findings, f => f.RuleId == RuleIds.DecpNonFiniteNumber);
        Assert.Equal("NaN", line.Substring(nan.Column - 1, 3));
    }

    [SkippableFact]
    public async Task The_consolidated_2022_test_file_converts_despite_its_NaN_and_empty_values()
    {
        var converted = ConvertFile(SharedData.Require("decp/consolidated-tests/decp_test_2022.json"));
        Assert.Contains(converted.Result.Findings, f => f.RuleId == RuleIds.DecpNonFiniteNumber && f.Pointer.EndsWith("/concessionnaires", StringComparison.Ordinal));
        Assert.True(converted.Result.Releases > 0);
        // Every entry is either converted or named by an error.
        var skipped = converted.Result.Findings.Count(f => f.Severity == Severity.Error);
        Assert.Equal(converted.Result.Entries, converted.Result.Releases + skipped);
        Assert.Equal(0, (await Validate(converted.Ocds)).Errors);
    }
}
