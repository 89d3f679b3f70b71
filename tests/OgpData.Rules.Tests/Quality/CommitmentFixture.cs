using OgpData.Findings;
using OgpData.Quality;

namespace OgpData.Rules.Tests.Quality;

/// <summary>
/// A small commitment package written for these tests from the words of the Luxembourg action plan
/// 2019–2021 (its date cells, contacts and the France self-assessment's status words), with the defects the
/// rules look for placed at known spots.
/// </summary>
internal static class CommitmentFixture
{
    public const string Package = """
{
  "version": "1.0",
  "actionPlans": [
    {
      "id": "LU-2019-2021",
      "member": "LU",
      "language": "fr",
      "period": { "startDate": "2019-08", "endDate": "2021-08" },
      "commitments": [
        {
          "id": "LU0001",
          "title": "Administration transparente et ouverte",
          "period": { "startDate": "2019-08-30", "endDate": "2021-08-30", "startText": "30 août 2019", "endText": "30 août 2021" },
          "leadAgency": { "name": "Ministère d'État" },
          "ogpValues": ["accessToInformation"],
          "milestones": [
            {
              "id": "LU0001-1",
              "description": "Entrée en vigueur de la nouvelle loi et application",
              "period": { "startDate": "2019-01-01", "startText": "1 janvier 2019", "endText": "en continu" },
              "status": "complete"
            },
            {
              "id": "LU0001-2",
              "description": "Formation initiale/continue des fonctionnaires pour l'application de la nouvelle loi",
              "period": { "startDate": "2019-08", "endDate": "2021-08", "startText": "Août 2019", "endText": "Août 2021 (en continu)" },
              "status": "Susbtantiel voire complet"
            }
          ],
          "contacts": [ { "name": "Jeff Fettes", "email": "jeff.fettes@me.etat.lu", "telephone": "+352 247 82111" } ]
        },
        {
          "id": "LU0004",
          "title": "Informations sur l'action nationale pour le climat",
          "period": { "startText": "30 août 2019", "endText": "30 août 2021" },
          "ogpValues": [],
          "otherActors": { "civilSociety": ["Association Luxembourgeoise pour les Nations Unies (ALNU), tel : 621 252180, mail : alnu@pt.lu, M. André Rollinger (andre.rollinger@pt.lu)"] },
          "milestones": [
            {
              "id": "LU0004-1",
              "description": "Table ronde/Conférence publique sur ce thème",
              "period": { "startText": "Dates à déterminer", "endText": "Août 2021" },
              "status": "Limité"
            },
            {
              "id": "LU0004-2",
              "description": "Analyses, prises de position et échanges de la part de la société civile",
              "period": { "startText": "Septembre 2019", "endText": "Dates à déterminer" },
              "status": "Non commencé"
            }
          ]
        },
        {
          "id": "LU0005",
          "title": "Exploration de la mise en place d'un Centre Européen des CivicTechs",
          "period": { "startDate": "2019-08", "endDate": "2021-08", "startText": "Août 2019", "endText": "Août 2021" },
          "leadAgency": { "name": "European CivicTech Hub" },
          "description": { "additionalInformation": "Team B.E.A.T. : Darina Mohamad, Darina.mohamad.wpia.uw@gmail.com ; écrire à info@beat.lu" },
          "milestones": [
            {
              "id": "LU0005-4",
              "description": "Elaboration stratégie de communication, supports",
              "period": { "startText": "Août 2019", "endText": "Juin 2019" }
            },
            {
              "id": "LU0005-3",
              "description": "Préparation des dossiers de subventions",
              "period": { "startText": "Avril 2019", "endText": "Aout 2019" }
            },
            {
              "id": "LU0005-8",
              "description": "Création d'une plateforme physique numérique",
              "period": { "startText": "Novembre 2019", "endText": "Développement en continu" }
            },
            {
              "id": "LU0005-8",
              "description": "Lancement du Hub via un event officiel",
              "period": { "startDate": "2019-11", "endDate": "Novembre 2019" },
              "status": "Terminé"
            },
            {
              "id": "LU0005-0",
              "description": "Hackathon Game of code",
              "period": { "startText": "Événement annuel, en mars/avril" }
            }
          ],
          "contacts": [ { "name": "Raphael Kies", "email": "raphael.kies@uni.lu" } ]
        },
        {
          "id": "LU0001",
          "title": "Plateforme d'appui à la société civile",
          "leadAgency": { "name": "Ministère des Affaires étrangères et européennes" },
          "ogpValues": ["civicParticipation"],
          "milestones": [],
          "contacts": [ { "name": "Luc Dockendorf" } ]
        }
      ]
    }
  ]
}
""";

    public static IReadOnlyList<Finding> FixtureFindings(string? rule = null, CommitmentRuleOptions? options = null)
    {
        var result = CommitmentChecker.Check(Package, options);
        Assert.True(result.IsReadable);
        return rule is null ? result.Findings : result.Findings.Where(f => f.RuleId == rule).ToList();
    }

    /// <summary>Asserts a finding lies exactly on <paramref name="fragment"/> (its n-th occurrence in the package).</summary>
    public static void AssertAt(Finding finding, string fragment, int occurrence = 1, string? text = null, string? after = null)
    {
        text ??= Package;
        var index = after is null ? -1 : text.IndexOf(after, StringComparison.Ordinal);
        for (var n = 0; n < occurrence; n++)
        {
            index = text.IndexOf(fragment, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{fragment}' occurrence {occurrence} is not in the text");
        }
        Assert.Equal(new SourceSpan(index, fragment.Length), finding.Span);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        }
        Assert.Equal(line, finding.Line);
        Assert.Equal(index - lineStart + 1, finding.Column);
    }
}
