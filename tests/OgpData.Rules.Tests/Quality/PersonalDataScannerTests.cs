using OgpData.Quality;

namespace OgpData.Rules.Tests.Quality;

public class PersonalDataScannerTests
{
    [Theory]
    [InlineData("jeff.fettes@me.etat.lu", true)]
    [InlineData("Darina.mohamad.wpia.uw@gmail.com", true)]
    [InlineData("Jonathanponchon@googlemail.com", true)]
    [InlineData("rahsancelik@hotmail.de", true)]
    [InlineData("Arnaud.lumet@hotmail.co.uk", true)]
    [InlineData("j.dupont@ville-paris.fr", true)]
    [InlineData("marie_curie@orange.fr", true)]
    [InlineData("info@cet.lu", false)]
    [InlineData("direction@inap.etat.lu", false)]
    [InlineData("contact@data.gouv.fr", false)]
    [InlineData("secretariat@mae.etat.lu", false)]
    [InlineData("opengov.lux@mae.etat.lu", false)]
    [InlineData("gouvernement-ouvert@etalab.gouv.fr", false)]
    [InlineData("info2@gmail.com", false)]
    [InlineData("alnu@pt.lu", false)]
    public void Tells_an_individuals_address_from_an_organisations(string address, bool personal)
    {
        var match = Assert.Single(PersonalDataScanner.Scan("Écrire à " + address + "."));
        Assert.Equal(PersonalDataKind.Email, match.Kind);
        Assert.Equal(address, match.Value);
        Assert.Equal(9, match.Start);
        Assert.Equal(personal, match.IsPersonal);
        Assert.False(string.IsNullOrEmpty(match.Reason));
    }

    [Theory]
    [InlineData("E-mail et téléphone : jeff.fettes@me.etat.lu ; +352 247 82111", "+352 247 82111")]
    [InlineData("luc.dockendorf@mae.etat.lu +352 247-82473", "+352 247-82473")]
    [InlineData("Appeler le 01 23 45 67 89 avant midi", "01 23 45 67 89")]
    [InlineData("Appeler le 01.23.45.67.89", "01.23.45.67.89")]
    [InlineData("Appeler le 0612345678", "0612345678")]
    [InlineData("joignable au +33 (0)6 12 34 56 78", "+33 (0)6 12 34 56 78")]
    [InlineData("joignable au 0033 6 12 34 56 78", "0033 6 12 34 56 78")]
    [InlineData("georges.gehl@mev.etat.lu , tel : 247-86845", "247-86845")]
    [InlineData("M. Rollinger (tel: 621252180)", "621252180")]
    public void Finds_phone_numbers_in_international_and_french_forms(string text, string number)
    {
        var phone = Assert.Single(PersonalDataScanner.Scan(text), m => m.Kind == PersonalDataKind.Phone);
        Assert.Equal(number, phone.Value);
        Assert.Equal(text.IndexOf(number, StringComparison.Ordinal), phone.Start);
        Assert.True(phone.IsPersonal);
    }

    [Theory]
    [InlineData("Date de durée et de fin de l'engagement : 30 août 2019 – 30 août 2021")]
    [InlineData("Projet de loi n°6810 du 14 septembre 2018, 2013-2018, 31.12.2021")]
    [InlineData("Un budget de 100 000 euros et 1 200 000 personnes")]
    [InlineData("Réduire de 9,5 millions de tonnes en 2013 à 8,1 millions en 2020")]
    [InlineData("Voir https://data.public.lu/fr/datasets/5b3f/ et le décret n° 2016-1922")]
    [InlineData("Suivre @OpenGovLux et écrire à nobody@localhost")]
    public void Dates_amounts_and_ids_are_not_phone_numbers(string text) => Assert.Empty(PersonalDataScanner.Scan(text));

    [Fact]
    public void A_number_given_beside_an_organisations_address_only_is_the_organisations()
    {
        var matches = PersonalDataScanner.Scan("Centre pour l'égalité de traitement Tél. : (+352) 26 48 30 33 info@cet.lu");
        Assert.Equal(2, matches.Count);
        Assert.Equal("(+352) 26 48 30 33", matches[0].Value);
        Assert.False(matches[0].IsPersonal);
        Assert.False(matches[1].IsPersonal);
    }
}
