using System.Text;
using OgpData.Decp;
using OgpData.Findings;
using OgpData.Streaming;
using static OgpData.Tests.Decp.DecpExampleTests;
using static OgpData.Tests.Decp.DecpTestData;

namespace OgpData.Tests.Decp;

/// <summary>Bad DECP data gives findings with the DECP pointer, line and column — never a crash, never a silent drop.</summary>
public class DecpProblemTests
{
    private const string Good = """
        "id": "M1", "acheteur": {"id": "21750001630066"}, "nature": "Marché", "objet": "Travaux",
        "codeCPV": "45000000", "procedure": "Appel d'offres ouvert", "dureeMois": 12,
        "dateNotification": "2024-01-15", "datePublicationDonnees": "2024-02-01", "montant": 1000,
        "titulaires": [{"titulaire": {"typeIdentifiant": "SIRET", "id": "55204599900869"}}]
        """;

    private static string Marches(params string[] marches) =>
        "{\"marches\": {\"marche\": [\n" + string.Join(",\n", marches.Select(m => "{" + m + "}")) + "\n]}}";

    private static Finding Single(Converted converted, string ruleId) =>
        Assert.Single(converted.Result.Findings, f => f.RuleId == ruleId);

    [SkippableFact]
    public async Task A_clean_marche_gives_no_finding_and_a_valid_release()
    {
        var converted = Convert(Marches(Good));
        Assert.Empty(converted.Result.Findings);
        Assert.Equal(1, converted.Result.Marches);
        var validation = await Validate(converted.Ocds);
        Assert.Equal(0, validation.Errors + validation.Warnings);
    }

    [Fact]
    public void A_marche_without_id_is_an_error_with_its_pointer_and_position_and_the_others_still_convert()
    {
        var converted = Convert(Marches(Good, Good.Replace("\"id\": \"M1\", ", "")));
        var finding = Single(converted, RuleIds.DecpMissingId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("/marches/marche/1", finding.Pointer);
        Assert.Equal(6, finding.Line);
        Assert.Equal(1, finding.Column);
        Assert.False(converted.Result.Succeeded);
        Assert.Equal(2, converted.Result.Entries);
        Assert.Equal(1, converted.Result.Marches);
        Assert.Single(converted.Releases);
    }

    [Fact]
    public void A_marche_without_buyer_is_an_error()
    {
        var converted = Convert(Marches(Good.Replace("\"acheteur\": {\"id\": \"21750001630066\"}, ", "")));
        Assert.Equal("/marches/marche/0/acheteur", Single(converted, RuleIds.DecpMissingBuyer).Pointer);
        Assert.Empty(converted.Releases);
    }

    [Fact]
    public void An_unreadable_date_is_reported_at_its_line_and_column_and_left_out()
    {
        var converted = Convert(Marches(Good.Replace("\"2024-01-15\"", "\"15/01/2024\"")));
        var finding = Single(converted, RuleIds.DecpBadDate);
        Assert.Equal("/marches/marche/0/dateNotification", finding.Pointer);
        Assert.Equal("15/01/2024", finding.Value);
        Assert.Equal(4, finding.Line);
        Assert.Equal(21, finding.Column);
        Assert.Null(converted.Releases[0]!["awards"]![0]!["date"]);
        Assert.True(converted.Result.Succeeded, "a warning, not an error");
    }

    [Fact]
    public void An_unknown_procedure_is_kept_as_details_without_a_method()
    {
        var converted = Convert(Marches(Good.Replace("Appel d'offres ouvert", "Procédure inventée")));
        Assert.Equal("/marches/marche/0/procedure", Single(converted, RuleIds.DecpUnknownCode).Pointer);
        var tender = converted.Releases[0]!["tender"]!;
        Assert.Null(tender["procurementMethod"]);
        Assert.Equal("Procédure inventée", Str(tender["procurementMethodDetails"]));
    }

    [Fact]
    public void A_negative_amount_is_reported_and_not_written()
    {
        var converted = Convert(Marches(Good.Replace("\"montant\": 1000", "\"montant\": -5")));
        var finding = Single(converted, RuleIds.DecpBadAmount);
        Assert.Equal("/marches/marche/0/montant", finding.Pointer);
        Assert.Equal("-5", finding.Value);
        Assert.Null(converted.Releases[0]!["awards"]![0]!["value"]);
    }

    [Fact]
    public void Amounts_and_durations_written_as_text_are_read_or_reported()
    {
        var converted = Convert(Marches(Good.Replace("\"montant\": 1000", "\"montant\": \"1 234,50\"").Replace("\"dureeMois\": 12", "\"dureeMois\": \"NC\"")));
        Assert.Equal("/marches/marche/0/montant", Single(converted, RuleIds.DecpWrongType).Pointer);
        Assert.Equal(1234.50m, converted.Releases[0]!["awards"]![0]!["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("/marches/marche/0/dureeMois", Single(converted, RuleIds.DecpBadDuration).Pointer);
        Assert.Null(converted.Releases[0]!["awards"]![0]!["contractPeriod"]);
    }

    [Fact]
    public void Bad_siret_bad_cpv_and_unknown_members_are_reported()
    {
        var converted = Convert(Marches(
            Good.Replace("55204599900869", "5520459").Replace("45000000", "4500") + ", \"uid\": \"x\"",
            Good.Replace("M1", "M2") + ", \"uid\": \"y\""));
        Assert.Equal("/marches/marche/0/titulaires/0/titulaire/id", Single(converted, RuleIds.DecpBadSiret).Pointer);
        Assert.Equal("/marches/marche/0/codeCPV", Single(converted, RuleIds.DecpBadCpv).Pointer);
        Assert.Equal("4500", converted.Releases[0]!["tender"]!["items"]![0]!["classification"]!["id"]!.GetValue<string>());
        // Reported once per file, at its first occurrence.
        Assert.Equal("/marches/marche/0/uid", Single(converted, RuleIds.DecpUnmappedField).Pointer);
    }

    [SkippableFact]
    public async Task The_same_marche_twice_gets_a_second_release_id_and_a_warning()
    {
        var converted = Convert(Marches(Good, Good));
        Assert.Equal("/marches/marche/1/id", Single(converted, RuleIds.DecpDuplicateMarche).Pointer);
        var ids = converted.Releases.Select(r => Str(r!["id"])).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.Equal(0, (await Validate(converted.Ocds)).Errors);
    }

    [Fact]
    public void An_entry_that_is_not_an_object_is_an_error()
    {
        var converted = Convert("{\"marches\": {\"marche\": [42, {" + Good + "}]}}");
        Assert.Equal("/marches/marche/0", Single(converted, RuleIds.DecpNotAnObject).Pointer);
        Assert.Equal(1, converted.Result.Marches);
    }

    [Fact]
    public void A_list_that_is_not_a_list_and_an_unknown_list_are_reported()
    {
        var converted = Convert("{\"marches\": {\"marche\": {" + Good + "}, \"autre\": []}}");
        Assert.Equal("/marches/marche", Single(converted, RuleIds.DecpWrongType).Pointer);
        Assert.Equal("/marches/autre", Single(converted, RuleIds.DecpUnmappedField).Pointer);
        Assert.Equal(0, converted.Result.Entries);
    }

    [Fact]
    public void A_modification_without_id_or_date_is_numbered_and_reported()
    {
        var converted = Convert(Marches(Good + ", \"modifications\": [{\"modification\": {\"montant\": 2000}}]"));
        var findings = converted.Result.Findings.Where(f => f.RuleId == RuleIds.DecpIncompleteModification).ToList();
        Assert.Equal(2, findings.Count);
        var amendment = converted.Releases[0]!["contracts"]![0]!["amendments"]![0]!;
        Assert.Equal("1", Str(amendment["id"]));
        Assert.Null(amendment["date"]);
        Assert.Equal(2000, converted.Releases[0]!["contracts"]![0]!["value"]!["amount"]!.GetValue<int>());
    }

    [Fact]
    public void Findings_beyond_the_maximum_are_counted_not_kept()
    {
        var bad = Good.Replace("55204599900869", "123");
        var converted = Convert(Marches(bad, bad.Replace("M1", "M2"), bad.Replace("M1", "M3"), Good.Replace("\"id\": \"M1\", ", "")), Options with { MaxFindings = 2 });
        Assert.Equal(2, converted.Result.Findings.Length);
        Assert.Equal(3, converted.Result.Warnings);
        Assert.Equal(1, converted.Result.Errors);
        Assert.True(converted.Result.FindingsTruncated);
        Assert.False(converted.Result.Succeeded, "the error is counted though not kept");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"marches\": {\"marche\": [{\"id\": 1}")]
    [InlineData("[1, 2]")]
    [InlineData("{\"other\": []}")]
    [InlineData("{\"marches\": 3}")]
    [InlineData("")]
    public void Unusable_input_throws_with_a_position(string text)
    {
        var error = Assert.Throws<UnreadableInputException>(() => Convert(text));
        Assert.True(error.Position.Line >= 1);
    }

    [Fact]
    public void Many_marches_stream_through_buffer_refills_with_exact_positions()
    {
        // About 4 MB: the reader's 64 KB buffer is refilled many times, and entries straddle its edges.
        const int count = 12_000;
        var text = new StringBuilder("\uFEFF{\"$schema\": \"x\", \"marches\": {\"marche\": [\n");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.Append(",\n");
            var marche = Good.Replace("\"M1\"", $"\"M{i}\"").Replace('\n', ' ');
            if (i == count - 7) marche = marche.Replace("\"2024-02-01\"", "\"bientôt\"");
            text.Append('{').Append(marche).Append('}');
        }
        text.Append("\n]}}");
        var converted = Convert(Encoding.UTF8.GetBytes(text.ToString()), Options with { Indented = false });
        Assert.Equal(count, converted.Result.Marches);
        Assert.Equal(count, converted.Releases.Count);
        var finding = converted.Result.Findings.First(f => f.RuleId == RuleIds.DecpBadDate);
        Assert.Equal($"/marches/marche/{count - 7}/datePublicationDonnees", finding.Pointer);
        Assert.Equal(count - 7 + 2, finding.Line);
        var line = text.ToString().Split('\n')[finding.Line - 1];
        Assert.Equal("\"bientôt\"", line.Substring(finding.Column - 1, 9));
    }

    [Theory]
    [InlineData("2024-03-31", "2024-03-31T00:00:00+01:00")] // the last Sunday of March: summer time starts after midnight
    [InlineData("2024-04-01", "2024-04-01T00:00:00+02:00")]
    [InlineData("2024-10-27", "2024-10-27T00:00:00+02:00")] // the last Sunday of October: winter time starts after midnight
    [InlineData("2024-10-28", "2024-10-28T00:00:00+01:00")]
    [InlineData("2019-01-15+01:00", "2019-01-15T00:00:00+01:00")]
    [InlineData("2019-07-15Z", "2019-07-15T00:00:00+00:00")]
    [InlineData("2019-07-15-04:00", "2019-07-15T00:00:00-04:00")]
    public void Dates_become_local_midnight_with_the_french_offset_unless_one_is_given(string decp, string ocds)
    {
        Assert.True(DecpDates.TryParse(decp, out var date));
        Assert.Equal(ocds, date.ToOcds());
    }

    [Theory]
    [InlineData("15/01/2024")]
    [InlineData("2024-13-01")]
    [InlineData("2024-01-15 et plus")]
    [InlineData("NC")]
    public void Unreadable_dates_are_refused(string decp) => Assert.False(DecpDates.TryParse(decp, out _));

    [Theory]
    [InlineData("45000000-7", "45000000", "works")]
    [InlineData("30192000", "30192000", "goods")]
    [InlineData("48000000", "48000000", "goods")]
    [InlineData("79000000", "79000000", "services")]
    public void Cpv_codes_lose_their_check_digit_and_give_a_category(string decp, string code, string category)
    {
        Assert.Equal(code, DecpCodes.CpvCode(decp));
        Assert.Equal(category, DecpCodes.CategoryOfCpv(code));
    }
}
