using OgpData.Findings;
using OgpData.Quality;
using static OgpData.Rules.Tests.Quality.CommitmentFixture;

namespace OgpData.Rules.Tests.Quality;

public class CommitmentRulesTests
{
    private const string M = "/actionPlans/0/commitments";

    [Fact]
    public void OGP0002_fires_for_no_end_an_ongoing_end_and_a_to_be_determined_end()
    {
        var findings = FixtureFindings(RuleIds.MilestoneWithoutDeadline);
        Assert.Equal(new[]
        {
            M + "/0/milestones/0/period/endText",
            M + "/1/milestones/1/period/endText",
            M + "/2/milestones/2/period/endText",
            M + "/2/milestones/4/period",
        }, findings.Select(f => f.Pointer));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));

        AssertAt(findings[0], "\"en continu\"");
        Assert.Equal("Milestone 'LU0001-1' has no deadline: its end is 'en continu' and it says the activity is ongoing, with no end.", findings[0].Message);
        Assert.Equal(new[] { "en continu" }, findings[0].Cues);
        Assert.Equal("fr", findings[0].Language);

        AssertAt(findings[1], "\"Dates à déterminer\"", occurrence: 2);
        Assert.Contains("the date is to be determined", findings[1].Message);
        AssertAt(findings[2], "\"Développement en continu\"");
        AssertAt(findings[3], "\"period\"", after: "\"LU0005-0\"");
        Assert.Equal("Milestone 'LU0005-0' has no end date (neither endDate nor endText).", findings[3].Message);
    }

    [Fact]
    public void OGP0002_is_quiet_for_a_date_with_an_ongoing_remark_and_reads_unreadable_end_dates()
    {
        Assert.DoesNotContain(FixtureFindings(RuleIds.MilestoneWithoutDeadline), f => f.Pointer.StartsWith(M + "/0/milestones/1", StringComparison.Ordinal));

        var findings = Check("""{"actionPlans":[{"commitments":[{"id":"C","milestones":[{"id":"A"},{"id":"B","period":{"endDate":"fin du projet"}},{"id":"D","period":{"endDate":"2021-13"}},{"id":"E","period":"Août 2021"}]}]}]}""", RuleIds.MilestoneWithoutDeadline);
        Assert.Equal(4, findings.Count);
        Assert.Equal("Milestone 'E' has a period that is not an object (string), so no end date.", findings[3].Message);
        Assert.Equal("Milestone 'A' has no period, so no end date.", findings[0].Message);
        Assert.Equal("/actionPlans/0/commitments/0/milestones/0", findings[0].Pointer);
        Assert.StartsWith("Milestone 'B' has no end date that can be read: endDate \"fin du projet\" — ", findings[1].Message);
        Assert.Equal("Milestone 'D' has no end date that can be read: endDate \"2021-13\" — month 13 does not exist in '2021-13'.", findings[2].Message);
    }

    [Fact]
    public void OGP0003_fires_when_the_latest_end_day_is_before_the_earliest_start_day()
    {
        var finding = Assert.Single(FixtureFindings(RuleIds.EndBeforeStart));
        Assert.Equal(M + "/2/milestones/0/period/endText", finding.Pointer);
        Assert.Equal(Severity.Error, finding.Severity);
        AssertAt(finding, "\"Juin 2019\"");
        Assert.Equal("Milestone 'LU0005-4' ends (2019-06 (from 'Juin 2019'), at the latest 2019-06-30) before it starts (2019-08 (from 'Août 2019'), at the earliest 2019-08-01).", finding.Message);
    }

    [Theory]
    [InlineData("\"startDate\":\"2019\",\"endDate\":\"2019-03\"", 0)]
    [InlineData("\"startDate\":\"2019-08\",\"endDate\":\"2019-08-01\"", 0)]
    [InlineData("\"startDate\":\"2019-H2\",\"endDate\":\"2019-Q2\"", 1)]
    [InlineData("\"startText\":\"Printemps 2021\",\"endText\":\"Hiver 2021\"", 1)]
    [InlineData("\"startText\":\"Août 2019 - Juin 2019\"", 1)]
    [InlineData("\"startDate\":\"2021\",\"endText\":\"fin 2020\"", 1)]
    public void OGP0003_compares_partial_dates_by_their_bounds(string period, int expected)
    {
        var json = "{\"actionPlans\":[{\"id\":\"P\",\"period\":{" + period + "},\"commitments\":[]}]}";
        Assert.Equal(expected, Check(json, RuleIds.EndBeforeStart).Count);
    }

    [Fact]
    public void OGP0003_checks_plans_and_commitments_too()
    {
        var findings = Check("""{"actionPlans":[{"id":"P","period":{"startDate":"2021","endDate":"2019"},"commitments":[{"id":"C","period":{"startDate":"2021-05","endDate":"2021-04-30"}}]}]}""", RuleIds.EndBeforeStart);
        Assert.Equal(new[] { "/actionPlans/0/period/endDate", "/actionPlans/0/commitments/0/period/endDate" }, findings.Select(f => f.Pointer));
        Assert.StartsWith("Action plan 'P' ends (2019, at the latest 2019-12-31) before it starts (2021, at the earliest 2021-01-01)", findings[0].Message);
    }

    [Fact]
    public void OGP0004_fires_for_milestones_outside_their_commitment()
    {
        var findings = FixtureFindings(RuleIds.PeriodOutsideParent);
        Assert.Equal(new[]
        {
            M + "/0/milestones/0/period/startDate",
            M + "/2/milestones/0/period/endText",
            M + "/2/milestones/1/period/startText",
        }, findings.Select(f => f.Pointer));
        AssertAt(findings[0], "\"2019-01-01\"");
        Assert.Equal("Milestone 'LU0001-1' starts (2019-01-01) before its commitment starts (2019-08-30).", findings[0].Message);
        AssertAt(findings[2], "\"Avril 2019\"");
        Assert.Equal("Milestone 'LU0005-3' starts (2019-04 (from 'Avril 2019')) before its commitment starts (2019-08).", findings[2].Message);
    }

    [Fact]
    public void OGP0004_fires_for_a_commitment_outside_its_plan_and_is_quiet_when_unsure()
    {
        const string json = """
            {"actionPlans":[{"id":"P","period":{"startDate":"2019-08","endDate":"2021-08"},"commitments":[
              {"id":"A","period":{"startDate":"2019","endDate":"2021"}},
              {"id":"B","period":{"startDate":"2019-09","endDate":"2021-09"}},
              {"id":"C","period":{"startDate":"2022-01","endDate":"2022-06"}},
              {"id":"D"}
            ]}]}
            """;
        var findings = Check(json, RuleIds.PeriodOutsideParent);
        Assert.Equal(new[]
        {
            "Commitment 'B' ends (2021-09) after its action plan ends (2021-08).",
            "Commitment 'C' starts (2022-01) after its action plan ends (2021-08).",
            "Commitment 'C' ends (2022-06) after its action plan ends (2021-08).",
        }, findings.Select(f => f.Message));
    }

    [Fact]
    public void OGP0005_fires_for_an_empty_or_absent_milestone_list()
    {
        var finding = Assert.Single(FixtureFindings(RuleIds.CommitmentWithoutMilestones));
        AssertAt(finding, "\"milestones\"", occurrence: 4);
        Assert.Equal(M + "/3/milestones", finding.Pointer);

        var absent = Assert.Single(Check("""{"actionPlans":[{"commitments":[{"id":"X1"}]}]}""", RuleIds.CommitmentWithoutMilestones));
        Assert.Equal("Commitment 'X1' has no milestones.", absent.Message);
        Assert.Equal("/actionPlans/0/commitments/0", absent.Pointer);
        Assert.Equal(new SourceSpan(38, 4), absent.Span);
    }

    [Fact]
    public void OGP0006_fires_at_the_second_use_of_an_id()
    {
        var findings = FixtureFindings(RuleIds.DuplicateId);
        Assert.Equal(2, findings.Count);
        AssertAt(findings[0], "\"LU0005-8\"", occurrence: 2);
        Assert.Equal("Milestone id 'LU0005-8' is used more than once in commitment 'LU0005'; first at line 71, column 21 (/actionPlans/0/commitments/2/milestones/2/id).", findings[0].Message);
        AssertAt(findings[1], "\"LU0001\"", occurrence: 2);
        Assert.Equal(Severity.Error, findings[1].Severity);
    }

    [Fact]
    public void OGP0006_keeps_milestone_ids_per_commitment_and_plan_ids_per_package()
    {
        const string json = """
            {"actionPlans":[
              {"id":"P","commitments":[{"id":"A","milestones":[{"id":"1"},{"id":"2"}]},{"id":"B","milestones":[{"id":"1"},{"id":1}]}]},
              {"id":"P","commitments":[]}
            ]}
            """;
        var findings = Check(json, RuleIds.DuplicateId);
        Assert.Equal(new[] { "/actionPlans/0/commitments/1/milestones/1/id", "/actionPlans/1/id" }, findings.Select(f => f.Pointer));
    }

    [Fact]
    public void OGP0007_fires_for_unreadable_text_and_for_date_members_that_are_not_canonical()
    {
        var findings = FixtureFindings(RuleIds.UnreadableDateText);
        Assert.Equal(2, findings.Count);
        AssertAt(findings[0], "\"Novembre 2019\"", occurrence: 2);
        Assert.Equal("endDate 'Novembre 2019' is not a partial date (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM or YYYY-MM-DD); it reads as 2019-11: write 2019-11 and keep the words in endText.", findings[0].Message);
        Assert.Equal(new[] { "Novembre" }, findings[0].Cues);
        AssertAt(findings[1], "\"Événement annuel, en mars/avril\"");
        Assert.Equal("startText 'Événement annuel, en mars/avril' cannot be read as a date: 'Événement' is not a date word.", findings[1].Message);
    }

    [Fact]
    public void A_date_among_words_is_read_so_OGP0007_stays_quiet_while_OGP0002_still_fires_for_en_continu()
    {
        const string json = """
            {"actionPlans":[{"id":"P","commitments":[{"id":"C1","title":"T","milestones":[
              {"id":"C1-1","description":"Suivi de la stratégie","period":{"startText":"Lancée en juin 2017","endText":"en continu"}},
              {"id":"C1-2","description":"Réunion constitutive","period":{"startText":"Août 2019, puis dans un rythme à déterminer","endText":"Août 2021"}},
              {"id":"C1-3","description":"Rapport","period":{"startText":"Lancé en 2016, refondu en 2019","endText":"2021"}}]}]}]}
            """;
        // Only the text with two dates cannot be read as one.
        var unreadable = Assert.Single(Check(json, RuleIds.UnreadableDateText));
        Assert.Equal("/actionPlans/0/commitments/0/milestones/2/period/startText", unreadable.Pointer);
        // "en continu" as the end is still no deadline.
        var noDeadline = Assert.Single(Check(json, RuleIds.MilestoneWithoutDeadline));
        Assert.StartsWith("/actionPlans/0/commitments/0/milestones/0/period", noDeadline.Pointer, StringComparison.Ordinal);
    }

    [Fact]
    public void OGP0007_gives_advice_for_ranges_and_no_dates_in_date_members_and_is_quiet_for_readable_text()
    {
        const string json = """{"actionPlans":[{"id":"P","period":{"startDate":"2019-2021","endDate":"en continu","startText":"TBD","endText":"S2 2022"},"commitments":[]}]}""";
        var findings = Check(json, RuleIds.UnreadableDateText);
        Assert.Equal(2, findings.Count);
        Assert.Contains("it is a range (2019 to 2021): write startDate and endDate", findings[0].Message);
        Assert.Contains("it states no date: leave endDate out and keep the words in endText", findings[1].Message);
    }

    [Fact]
    public void OGP0008_suggests_the_closest_code_in_french_and_english()
    {
        var findings = FixtureFindings(RuleIds.StatusNotInCodelist);
        Assert.Equal(4, findings.Count);
        AssertAt(findings[0], "\"Susbtantiel voire complet\"");
        Assert.Equal("Status 'Susbtantiel voire complet' is not in the codelist (notStarted, limited, substantial, complete, withdrawn); the closest code is substantial ('susbtantiel' ≈ 'Substantiel'); the text also names complete. Keep the words as printed in statusText.", findings[0].Message);
        Assert.Equal("fr", findings[0].Language);
        Assert.Contains("the closest code is limited", findings[1].Message);
        Assert.Contains("the closest code is notStarted", findings[2].Message);
        Assert.Contains("the closest code is complete", findings[3].Message);
        Assert.DoesNotContain(findings, f => f.Value == "complete");
    }

    [Fact]
    public void OGP0008_checks_assessment_completion_and_says_when_nothing_is_close()
    {
        const string json = """{"actionPlans":[{"commitments":[{"id":"C","assessments":[{"completion":"substantial"},{"completion":"peut-être"}],"milestones":[{"id":"1","status":"Not Started"},{"id":"2","status":3}]}]}]}""";
        var findings = Check(json, RuleIds.StatusNotInCodelist);
        Assert.Equal(new[]
        {
            "Completion 'peut-être' is not in the codelist (notStarted, limited, substantial, complete, withdrawn) and no code is close; keep the words in statusText.",
            "Status 'Not Started' is not in the codelist (notStarted, limited, substantial, complete, withdrawn); the closest code is notStarted ('Not Started' ≈ 'notStarted'). Keep the words as printed in statusText.",
            "Status 3 is not in the codelist (notStarted, limited, substantial, complete, withdrawn).",
        }, findings.Select(f => f.Message));
    }

    [Fact]
    public void OGP0009_fires_for_an_empty_or_absent_list_of_ogp_values()
    {
        var findings = FixtureFindings(RuleIds.NoOgpValue);
        Assert.Equal(new[] { M + "/1/ogpValues", M + "/2" }, findings.Select(f => f.Pointer));
        Assert.All(findings, f => Assert.Equal(Severity.Info, f.Severity));
        AssertAt(findings[0], "\"ogpValues\"", occurrence: 2);
        AssertAt(findings[1], "\"LU0005\"");
    }

    [Fact]
    public void OGP0010_fires_for_individuals_addresses_and_phones_outside_contacts_only()
    {
        var findings = FixtureFindings(RuleIds.PersonalDataInPublicField);
        Assert.Equal(new[] { "621 252180", "andre.rollinger@pt.lu", "Darina.mohamad.wpia.uw@gmail.com" }, findings.Select(f => f.Value));
        AssertAt(findings[0], "621 252180");
        AssertAt(findings[1], "andre.rollinger@pt.lu");
        AssertAt(findings[2], "Darina.mohamad.wpia.uw@gmail.com");
        Assert.Equal(M + "/2/description/additionalInformation", findings[2].Pointer);
        Assert.Equal("An individual's e-mail address (Darina.mohamad.wpia.uw@gmail.com: a personal mailbox at gmail.com) is in a public field; personal contact details belong in the commitment's contacts.", findings[2].Message);
        // contacts hold jeff.fettes@me.etat.lu and +352 247 82111; info@beat.lu and alnu@pt.lu are an organisation's.
        Assert.DoesNotContain(findings, f => f.Value is "jeff.fettes@me.etat.lu" or "+352 247 82111" or "info@beat.lu" or "alnu@pt.lu");
    }

    [Fact]
    public void OGP0010_points_inside_a_string_with_escapes()
    {
        const string json = "{\"actionPlans\":[{\"title\":\"Caf\\u00e9 \\\"x\\\" : \\u00e9crire \\u00e0 marie.dupont@ville.fr\"}]}";
        var finding = Assert.Single(Check(json, RuleIds.PersonalDataInPublicField));
        Assert.Equal("marie.dupont@ville.fr", json.Substring(finding.Span!.Value.Start, finding.Span.Value.Length));
        Assert.Equal("/actionPlans/0/title", finding.Pointer);
    }

    [Fact]
    public void OGP0011_fires_when_the_lead_agency_or_the_contacts_are_missing()
    {
        var finding = Assert.Single(FixtureFindings(RuleIds.NoLeadAgencyOrContact));
        Assert.Equal("Commitment 'LU0004' has no lead agency and no contact.", finding.Message);
        AssertAt(finding, "\"LU0004\"");

        const string json = """{"actionPlans":[{"commitments":[{"id":"A","leadAgency":"Ministère d'État"},{"id":"B","leadAgency":{"name":" "},"contacts":[{}]},{"id":"C","leadAgency":{"id":"MECDD"},"contacts":[{"name":"x"}]}]}]}""";
        Assert.Equal(new[] { "Commitment 'A' has no contact.", "Commitment 'B' has no lead agency." }, Check(json, RuleIds.NoLeadAgencyOrContact).Select(f => f.Message));
    }

    [Fact]
    public void Findings_are_sorted_by_position_and_carry_line_and_column()
    {
        var findings = FixtureFindings();
        Assert.Equal(findings.OrderBy(f => f.Span!.Value.Start).ThenBy(f => f.RuleId, StringComparer.Ordinal).Select(f => f.Span), findings.Select(f => f.Span));
        Assert.All(findings, f => Assert.True(f.Line > 0 && f.Column > 0));
        Assert.Equal(23, findings.Count(f => f.RuleId != RuleIds.MilestoneNotMeasurable));
    }

    [Fact]
    public void Severities_can_be_overridden_and_rules_switched_off()
    {
        var options = CommitmentRuleOptions.Default
            .WithSeverity(RuleIds.NoOgpValue, Severity.Error)
            .WithSeverity(RuleIds.PersonalDataInPublicField, Severity.None);
        var findings = FixtureFindings(options: options);
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.PersonalDataInPublicField);
        Assert.All(findings.Where(f => f.RuleId == RuleIds.NoOgpValue), f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Equal(2, findings.Count(f => f.RuleId == RuleIds.NoOgpValue));
        Assert.Equal(Severity.Warning, options.SeverityOf(RuleIds.MilestoneWithoutDeadline));
    }

    [Fact]
    public void Malformed_json_is_a_parse_error_not_a_finding()
    {
        var result = CommitmentChecker.Check("{\n  \"actionPlans\": [\n    {\"id\": \"P\",}\n  ]\n}");
        Assert.False(result.IsReadable);
        Assert.Empty(result.Findings);
        Assert.Equal(3, result.ParseError!.Line);
        Assert.Equal(16, result.ParseError.Column);
        Assert.Equal("expected a property name in double quotes, found '}'", result.ParseError.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("{}")]
    [InlineData("{\"actionPlans\": 3}")]
    [InlineData("{\"actionPlans\": [1, null, {\"commitments\": {\"a\": 1}}]}")]
    [InlineData("{\"actionPlans\": [{\"commitments\": [{\"milestones\": [1, {\"period\": 5}]}]}]}")]
    public void Documents_of_another_shape_give_no_crash(string json)
    {
        var result = CommitmentChecker.Check(json);
        Assert.True(result.IsReadable);
        Assert.All(result.Findings, f => Assert.False(string.IsNullOrEmpty(f.Message)));
    }

    [Fact]
    public void A_checker_runs_the_rules_it_is_given()
    {
        var checker = new CommitmentChecker(new CommitmentRule[] { new OgpData.Quality.Rules.NoOgpValueRule() });
        var result = checker.Run(Package);
        Assert.All(result.Findings, f => Assert.Equal(RuleIds.NoOgpValue, f.RuleId));
        Assert.Equal(2, result.Findings.Count);
        Assert.Equal(11, CommitmentRules.All.Count);
        var ogpIds = RuleCatalog.All.Where(r => r.Category == "OGP").Select(r => r.Id).Order().ToList();
        Assert.Equal(ogpIds, CommitmentRules.All.Select(r => r.RuleId).Order().ToList());
        Assert.Equal(CommitmentRules.All.Count, CommitmentRules.All.Select(r => r.RuleId).Distinct().Count());
    }

    private static IReadOnlyList<Finding> Check(string json, string rule)
    {
        var result = CommitmentChecker.Check(json);
        Assert.True(result.IsReadable, result.ParseError?.ToString());
        return result.Findings.Where(f => f.RuleId == rule).ToList();
    }
}
