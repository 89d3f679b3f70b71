using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using OgpData.Dates;
using OgpData.Ogp;
using OgpData.Serialization;

namespace OgpData.Tests.Models;

public sealed class OgpRoundTripTests
{
    // Every field of DESIGN section 3, plus fields the model does not know, at several levels.
    private const string FullPackage = """
    {
      "version": "1.0",
      "uri": "https://example.org/lu-2019.json",
      "publishedDate": "2019-07-26T00:00:00Z",
      "publisher": { "name": "Ministère d'État", "uri": "https://example.org/me", "country": "LU" },
      "license": "https://creativecommons.org/licenses/by/4.0/",
      "x-generator": { "name": "hand", "numbers": [1.50, 1e3, 12345678901234567890] },
      "actionPlans": [{
        "id": "LU-2019-2021",
        "member": "LU",
        "title": "Plan d'action national 2019-2021",
        "language": "fr",
        "period": { "startDate": "2019-08", "endDate": "2021-08" },
        "commitments": [{
          "id": "LU0001",
          "number": "1",
          "title": "Publier les données des marchés publics",
          "period": { "startDate": "2019-01-01", "endDate": "2021-08", "startText": "1 janvier 2019", "endText": "en continu" },
          "leadAgency": { "name": "Ministère de la Mobilité", "id": "MMTP" },
          "description": { "problem": "p", "commitment": "c", "contribution": "co", "relevance": "r", "additionalInformation": "a" },
          "ogpValues": ["accessToInformation", "civicParticipation", "publicAccountability", "technologyAndInnovation"],
          "budget": { "amount": 100000.00, "currency": "EUR", "description": "budget courant" },
          "milestones": [{
            "id": "LU0001-1",
            "description": "Publication de 12 jeux de données sur data.public.lu",
            "deliverable": "12 jeux de données publiés",
            "period": { "startDate": "2019-Q3", "endDate": "2021-H1", "startText": "Septembre 2019", "endText": "1er semestre 2021" },
            "status": "Susbtantiel",
            "statusText": "Susbtantiel voire complet",
            "reviewer": { "name": "unknown field inside a milestone" }
          }],
          "contacts": [{ "name": "Anne Dupont", "title": "Cheffe de projet", "organization": "SIGI", "email": "anne.dupont@example.lu", "telephone": "+352 000 000" }],
          "otherActors": { "government": ["CTIE"], "civilSociety": ["Open Knowledge"] },
          "assessments": [{
            "source": "irmDesign", "date": "2021-06",
            "verifiability": "verifiable", "specificity": "medium",
            "potentialImpact": "moderate", "completion": "substantial",
            "onTime": true, "didItOpenGovernment": "marginal",
            "starred": false, "text": "Évaluation"
          }]
        }]
      }]
    }
    """;

    [Fact]
    public void A_package_with_every_field_and_unknown_fields_round_trips()
    {
        var original = Encoding.UTF8.GetBytes(FullPackage);
        var package = OgpJson.ReadPackage(original);
        var written = Encoding.UTF8.GetBytes(OgpJson.ToJson(package));
        Assert.Null(JsonTree.FirstDifference(original, written));
    }

    [Fact]
    public void Every_field_is_typed()
    {
        var package = OgpJson.ReadPackage(FullPackage);
        Assert.Equal("1.0", package.Version);
        Assert.Equal("Ministère d'État", package.Publisher!.Name);
        Assert.Equal("LU", package.Publisher.ExtensionData["country"].GetString());
        Assert.True(package.ExtensionData.ContainsKey("x-generator"));

        var plan = Assert.Single(package.ActionPlans!.Value);
        Assert.Equal(PartialDate.OfMonth(2019, 8), plan.Period!.StartDate);
        var commitment = Assert.Single(plan.Commitments!.Value);
        Assert.Equal("LU0001", commitment.Id);
        Assert.Equal(PartialDate.OfDay(2019, 1, 1), commitment.Period!.StartDate);
        Assert.Equal("en continu", commitment.Period.EndText);
        Assert.Equal("MMTP", commitment.LeadAgency!.Id);
        Assert.Equal("a", commitment.Description!.AdditionalInformation);
        Assert.Equal(OgpCodes.OgpValue.All.ToArray(), commitment.OgpValues!.Value.ToArray());
        Assert.Equal("100000.00", commitment.Budget!.Amount!.Value.Text);
        Assert.Equal(["Open Knowledge"], commitment.OtherActors!.CivilSociety!.Value.ToArray());

        var milestone = Assert.Single(commitment.Milestones!.Value);
        Assert.Equal(PartialDate.OfQuarter(2019, 3), milestone.Period!.StartDate);
        Assert.Equal(PartialDate.OfHalf(2021, 1), milestone.Period.EndDate);
        Assert.Equal("Susbtantiel", milestone.Status);
        Assert.False(OgpCodes.Status.IsKnown(milestone.Status));
        Assert.True(milestone.ExtensionData.ContainsKey("reviewer"));

        var contact = Assert.Single(commitment.Contacts!.Value);
        Assert.Equal("anne.dupont@example.lu", contact.Email);
        var assessment = Assert.Single(commitment.Assessments!.Value);
        Assert.Equal(PartialDate.OfMonth(2021, 6), assessment.Date);
        Assert.Equal(OgpCodes.PotentialImpact.Moderate, assessment.PotentialImpact);
        Assert.True(assessment.OnTime);
        Assert.False(assessment.Starred);
    }

    [Fact]
    public void A_milestone_is_built_with_an_object_initializer()
    {
        var milestone = new Milestone { Id = "LU0002-1", Description = "Publication du rapport annuel" };
        Assert.Equal("LU0002-1", milestone.Id);
        Assert.Null(milestone.Period);
        var json = OgpJson.ToJson(milestone, indented: false);
        Assert.Equal("""{"id":"LU0002-1","description":"Publication du rapport annuel"}""", json);
    }

    [Fact]
    public void A_partial_date_is_written_as_its_canonical_text()
    {
        var period = new Period
        {
            StartDate = PartialDate.OfQuarter(2019, 3),
            EndDate = PartialDate.OfDay(2021, 8, 31),
            EndText = "fin août 2021",
        };
        Assert.Equal("""{"startDate":"2019-Q3","endDate":"2021-08-31","endText":"fin août 2021"}""", OgpJson.ToJson(period, indented: false));
    }

    [Theory]
    [InlineData("\"2019-13\"", "2019-13")]
    [InlineData("\"Dates à déterminer\"", "Dates à déterminer")]
    [InlineData("2019", "2019")]
    public void A_period_date_that_is_not_a_partial_date_is_kept_for_validation(string startDateJson, string kept)
    {
        var json = $$$"""{"version":"1.0","actionPlans":[{"id":"P","member":"LU","period":{"startDate":{{{startDateJson}}},"endDate":"2021"}}]}""";
        var package = OgpJson.ReadPackage(json);
        var period = package.ActionPlans!.Value[0].Period!;
        Assert.Null(period.StartDate);
        Assert.Equal(kept, period.UnreadableStartDate);
        Assert.Equal(PartialDate.OfYear(2021), period.EndDate);
        Assert.Null(period.UnreadableEndDate);
        Assert.Null(JsonTree.FirstDifference(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(OgpJson.ToJson(package))));
    }

    [Fact]
    public void Explicit_nulls_wrong_types_and_missing_required_fields_load_and_round_trip()
    {
        const string json = """
        {"version":"1.0","publisher":null,"actionPlans":[{"id":"P","member":"LU","title":7,
          "commitments":[{"id":"C","title":"t","ogpValues":["civicParticipation",null],"budget":{"amount":"100 EUR"},
            "milestones":[{"description":"sans identifiant","status":null},{"id":"M2","description":["a"],"period":"2020"}]}]}]}
        """;
        var package = OgpJson.ReadPackage(json);
        Assert.Null(package.Publisher);
        Assert.True(package.IsExplicitNull("publisher"));
        var plan = package.ActionPlans!.Value[0];
        Assert.Null(plan.Title);
        Assert.Equal(JsonValueKind.Number, plan.ExtensionData["title"].ValueKind);
        var commitment = plan.Commitments!.Value[0];
        Assert.Null(commitment.OgpValues);
        Assert.Null(commitment.Budget!.Amount);
        var milestones = commitment.Milestones!.Value;
        Assert.Null(milestones[0].Id);
        Assert.True(milestones[0].IsExplicitNull("status"));
        Assert.Null(milestones[1].Description);
        Assert.Null(milestones[1].Period);
        Assert.Null(JsonTree.FirstDifference(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(OgpJson.ToJson(package))));
    }

    [Fact]
    public void A_package_built_in_code_is_written_and_read_back()
    {
        var package = new CommitmentPackage
        {
            Version = "1.0",
            ActionPlans =
            [
                new ActionPlan
                {
                    Id = "FR-2021-2023",
                    Member = "FR",
                    Commitments =
                    [
                        new Commitment
                        {
                            Id = "FR0001",
                            Title = "Ouvrir les données de la commande publique",
                            Budget = new Ogp.Budget { Amount = 1.50m, Currency = "EUR" },
                            Milestones = [new Milestone { Id = "FR0001-1", Description = "Publier les DECP au format OCDS", Status = OgpCodes.Status.Complete }],
                        },
                    ],
                    ExtensionData = ImmutableDictionary<string, JsonElement>.Empty.Add("x-note", JsonDocument.Parse("\"note\"").RootElement),
                },
            ],
        };
        var json = OgpJson.ToJson(package);
        var read = OgpJson.ReadPackage(json);
        Assert.Equal(json, OgpJson.ToJson(read));
        Assert.Equal("1.50", read.ActionPlans!.Value[0].Commitments!.Value[0].Budget!.Amount!.Value.Text);
        Assert.Equal("note", read.ActionPlans.Value[0].ExtensionData["x-note"].GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"version\":")]
    [InlineData("{} {}")]
    public void Malformed_or_non_object_input_is_a_JSON_exception(string json) =>
        Assert.ThrowsAny<JsonException>(() => OgpJson.ReadPackage(json));

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"version":"1.0"}""")).ToArray();
        using var stream = new MemoryStream(bytes);
        Assert.Equal("1.0", OgpJson.ReadPackage(stream).Version);
    }
}
