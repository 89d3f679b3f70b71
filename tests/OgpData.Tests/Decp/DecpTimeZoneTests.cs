using OgpData.Findings;
using static OgpData.Tests.Decp.DecpExampleTests;
using static OgpData.Tests.Decp.DecpTestData;

namespace OgpData.Tests.Decp;

/// <summary>DECP dates are days at the place of execution: overseas, that place's UTC offset, not metropolitan France's.</summary>
public class DecpTimeZoneTests
{
    private static string Marche(string place, string notified = "2024-07-15") => "{\"marches\": {\"marche\": [{" + $$$"""
        "id": "M1", "acheteur": {"id": "21750001630066"}, "nature": "Marché", "objet": "Travaux",
        "codeCPV": "45000000", "procedure": "Appel d'offres ouvert", "dureeMois": 12,
        "dateNotification": "{{{notified}}}", "datePublicationDonnees": "{{{notified}}}", "montant": 1000, {{{place}}}
        "titulaires": [{"titulaire": {"typeIdentifiant": "SIRET", "id": "55204599900869"}}]
        """ + "}]}}";

    private static string AwardDate(Converted converted) => Str(converted.Releases[0]!["awards"]![0]!["date"]);

    [Theory]
    [InlineData("""{"code": "97430", "typeCode": "Code postal", "nom": "Le Tampon"}""", "2024-07-15T00:00:00+04:00")]
    [InlineData("""{"code": "97209", "typeCode": "Code commune"}""", "2024-07-15T00:00:00-04:00")]
    [InlineData("""{"code": "971", "typeCode": "Code département"}""", "2024-07-15T00:00:00-04:00")]
    [InlineData("""{"code": "03", "typeCode": "Code région"}""", "2024-07-15T00:00:00-03:00")]
    [InlineData("""{"code": "97611", "typeCode": "Code postal"}""", "2024-07-15T00:00:00+03:00")]
    [InlineData("""{"code": "98800", "typeCode": "Code postal"}""", "2024-07-15T00:00:00+11:00")]
    [InlineData("""{"code": "97500", "typeCode": "Code postal"}""", "2024-07-15T00:00:00-02:00")]
    [InlineData("""{"code": "75001", "typeCode": "Code postal"}""", "2024-07-15T00:00:00+02:00")]
    [InlineData("""{"code": "04", "typeCode": "Code département"}""", "2024-07-15T00:00:00+02:00")]
    [InlineData("""{"code": "FR", "typeCode": "Code pays"}""", "2024-07-15T00:00:00+02:00")]
    public void Dates_take_the_offset_of_the_place_of_execution(string place, string expected)
    {
        var converted = Convert(Marche("\"lieuExecution\": " + place + ","));
        Assert.Equal(expected, AwardDate(converted));
        Assert.DoesNotContain(converted.Result.Findings, f => f.RuleId == RuleIds.DecpBadDate);
    }

    [Fact]
    public void Saint_pierre_keeps_north_american_winter_time_and_an_entry_without_a_place_metropolitan_time()
    {
        Assert.Equal("2024-01-15T00:00:00-03:00", AwardDate(Convert(Marche("\"lieuExecution\": {\"code\": \"97500\", \"typeCode\": \"Code postal\"},", "2024-01-15"))));
        Assert.Equal("2024-01-15T00:00:00+01:00", AwardDate(Convert(Marche("", "2024-01-15"))));
        // An offset written in the data wins over the place's.
        Assert.Equal("2024-07-15T00:00:00+02:00", AwardDate(Convert(Marche("\"lieuExecution\": {\"code\": \"97430\", \"typeCode\": \"Code postal\"},", "2024-07-15+02:00"))));
    }

    [Fact]
    public void French_polynesia_is_written_at_tahitis_offset_and_a_finding_says_so()
    {
        var converted = Convert(Marche("\"lieuExecution\": {\"code\": \"98714\", \"typeCode\": \"Code postal\"},"));
        Assert.Equal("2024-07-15T00:00:00-10:00", AwardDate(converted));
        var finding = Assert.Single(converted.Result.Findings, f => f.RuleId == RuleIds.DecpBadDate);
        Assert.Equal("/marches/marche/0/lieuExecution", finding.Pointer);
        Assert.Contains("Tahiti", finding.Message, StringComparison.Ordinal);
    }
}
