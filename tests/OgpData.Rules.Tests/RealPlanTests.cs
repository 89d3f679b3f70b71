using System.Text.RegularExpressions;
using OgpData.Dates;
using OgpData.Findings;
using OgpData.Quality;
using OgpData.Testing;

namespace OgpData.Rules.Tests;

/// <summary>The parser and the rules on the words of real plans (../shared/data/ogp/plans).</summary>
public class RealPlanTests
{
    [SkippableFact]
    public void Every_date_cell_of_the_Luxembourg_plan_is_read_or_refused_with_a_reason()
    {
        var plan = LuxembourgPlan.Load();
        Assert.Equal(6, plan.Commitments.Count);
        var cells = plan.Commitments.SelectMany(c => c.Rows).SelectMany(r => new[] { r.Start, r.End }).OfType<string>().ToList();
        Assert.True(cells.Count >= 40, $"only {cells.Count} date cells found");

        var unreadable = new List<string>();
        foreach (var cell in cells)
        {
            var reading = PartialDateParser.Parse(cell);
            if (!reading.IsReadable)
            {
                Assert.False(string.IsNullOrEmpty(reading.Failure));
                unreadable.Add(cell);
                continue;
            }
            Assert.Equal("fr", reading.Language);
        }
        // A yearly event names no year; the launches and the rhythm to agree on hold one date among words, which is read.
        Assert.Equal(new[] { "Événement annuel, en mars/avril" }, unreadable.Distinct());
    }

    [SkippableTheory]
    [InlineData("1 janvier 2019", DateTextMeaning.Date, "2019-01-01", false)]
    [InlineData("en continu", DateTextMeaning.Ongoing, null, false)]
    [InlineData("Août 2021 (en continu)", DateTextMeaning.Date, "2021-08", true)]
    [InlineData("Dates à déterminer", DateTextMeaning.ToBeDetermined, null, false)]
    [InlineData("1 ^{er} semestre 2020", DateTextMeaning.Date, "2020-H1", false)]
    [InlineData("Automne 2019", DateTextMeaning.Date, "2019-Q4", false)]
    [InlineData("Développement en continu", DateTextMeaning.Ongoing, null, false)]
    [InlineData("Lancée en juin 2017", DateTextMeaning.Date, "2017-06", false)]
    [InlineData("Lancé en avril 2016, mis à jour en continu", DateTextMeaning.Date, "2016-04", true)]
    [InlineData("Août 2019, puis dans un rythme à déterminer par les participants", DateTextMeaning.Date, "2019-08", false)]
    public void The_Luxembourg_cells_read_as_expected(string cell, DateTextMeaning meaning, string? date, bool ongoing)
    {
        var plan = LuxembourgPlan.Load();
        Assert.Contains(cell, plan.Commitments.SelectMany(c => c.Rows).SelectMany(r => new[] { r.Start, r.End }));
        var reading = PartialDateParser.Parse(cell);
        Assert.Equal(meaning, reading.Meaning);
        Assert.Equal(date, reading.Date?.ToString());
        Assert.Equal(ongoing, reading.IsOngoing);
    }

    [SkippableFact]
    public void The_Luxembourg_commitment_periods_read_as_ranges()
    {
        var periods = LuxembourgPlan.Load().Commitments.Select(c => c.Period).OfType<string>().ToList();
        Assert.Equal(6, periods.Count);
        foreach (var period in periods)
        {
            var reading = PartialDateParser.Parse(period);
            if (period.StartsWith("Date de durée et de fin de l'engagement 30", StringComparison.Ordinal))
            {
                // Printed without the colon that makes the words a label.
                Assert.Equal("'Date' is not a date word", reading.Failure);
                continue;
            }
            Assert.Equal(DateTextMeaning.Range, reading.Meaning);
            Assert.Equal(2019, reading.Start!.Value.Year);
            Assert.Equal(8, reading.Start.Value.Month);
            Assert.Equal(2021, reading.End!.Value.Year);
            Assert.Equal(8, reading.End.Value.Month);
        }
    }

    [SkippableFact]
    public void The_rules_on_the_Luxembourg_plan_find_its_known_defects()
    {
        var json = LuxembourgPlan.Load().ToPackageJson();
        var result = CommitmentChecker.Check(json);
        Assert.True(result.IsReadable, result.ParseError?.ToString());
        var byRule = result.Findings.GroupBy(f => f.RuleId).ToDictionary(g => g.Key, g => g.ToList());

        // "Elaboration stratégie de communication, supports": Août 2019 → Juin 2019.
        var endBeforeStart = Assert.Single(byRule[RuleIds.EndBeforeStart]);
        Assert.Equal("Juin 2019", endBeforeStart.Value);
        Assert.Equal("\"Juin 2019\"", json.Substring(endBeforeStart.Span!.Value.Start, endBeforeStart.Span.Value.Length));

        // No deadline: "en continu", "Dates à déterminer" never as an end here, "Développement en continu", rows with one date only.
        var noDeadline = byRule[RuleIds.MilestoneWithoutDeadline].Select(f => f.Value).ToList();
        Assert.Contains("en continu", noDeadline);
        Assert.Contains("Développement en continu", noDeadline);
        Assert.DoesNotContain("Août 2021 (en continu)", noDeadline);

        // The third commitment's table is empty.
        Assert.Contains(byRule[RuleIds.CommitmentWithoutMilestones], f => f.Message.StartsWith("Commitment 'LU0003'", StringComparison.Ordinal));

        // Milestones that start before their commitment (Août 2019): "1 janvier 2019", "Avril 2019".
        var outside = byRule[RuleIds.PeriodOutsideParent].Select(f => f.Value).ToList();
        Assert.Contains("1 janvier 2019", outside);
        Assert.Contains("Avril 2019", outside);

        var unreadable = byRule[RuleIds.UnreadableDateText].Select(f => f.Value).ToList();
        Assert.Contains("Événement annuel, en mars/avril", unreadable);
        Assert.All(result.Findings, f => Assert.Equal(json.Substring(0, f.Span!.Value.Start).Count(ch => ch == '\n') + 1, f.Line));
    }

    [SkippableFact]
    public void The_France_self_assessment_status_words_map_to_codes()
    {
        var text = File.ReadAllText(SharedData.Require("ogp/plans/france-self-assessment-2015-2017.fr.txt"));
        var cells = Regex.Matches(text, @"(?<=\t|<p>)(Substantiel|Partiel|Complet|Non démarré|Susbtantiel voire [Cc]omplet)(?=</p>|\t|\r?\n)")
            .Select(m => m.Value).Distinct().ToList();
        Assert.Contains("Susbtantiel voire complet", cells);
        Assert.Contains("Substantiel", cells);
        var expected = new Dictionary<string, string>
        {
            ["Substantiel"] = "substantial", ["Partiel"] = "limited", ["Complet"] = "complete", ["Non démarré"] = "notStarted",
            ["Susbtantiel voire complet"] = "substantial", ["Susbtantiel voire Complet"] = "substantial",
        };
        foreach (var cell in cells)
        {
            Assert.False(MilestoneStatusCodelist.IsCode(cell));
            Assert.Equal(expected[cell], MilestoneStatusCodelist.Suggest(cell)!.Code);
        }
    }

    [SkippableFact]
    public void The_France_self_assessment_date_phrases_are_read()
    {
        var text = File.ReadAllText(SharedData.Require("ogp/plans/france-self-assessment-2015-2017.fr.txt"));
        var phrases = Regex.Matches(text, @"\b(fin|début|courant|été|automne|premier trimestre|1er trimestre|1er semestre|fin de l'année|début de l'année) 20\d\d\b", RegexOptions.IgnoreCase)
            .Select(m => m.Value).Distinct().ToList();
        Assert.True(phrases.Count >= 10, string.Join(" | ", phrases));
        foreach (var phrase in phrases)
        {
            var reading = PartialDateParser.Parse(phrase);
            Assert.True(reading.Meaning == DateTextMeaning.Date, phrase + ": " + reading.Failure);
            Assert.Equal("fr", reading.Language);
        }
    }
}
