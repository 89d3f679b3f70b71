using Microsoft.CodeAnalysis.Testing;
using OgpData.Analyzers.Rules;
using OgpData.Analyzers.Tests.Verifiers;

namespace OgpData.Analyzers.Tests;

public class CommitmentDatasetTests
{
    private const string Vague = "Poursuite des travaux de sensibilisation";
    private const string Measurable = "Publication de 12 jeux de données sur data.public.lu";

    /// <summary>A package whose commitment is complete, with <paramref name="milestones"/> spliced in.</summary>
    private static string Package(string milestones) => $$"""
        {
          "version": "1.0",
          "actionPlans": [{
            "id": "LU-2019-2021", "member": "LU", "language": "fr",
            "period": { "startDate": "2019-08", "endDate": "2021-08" },
            "commitments": [{
              "id": "LU0001", "title": "Données ouvertes",
              "period": { "startDate": "2019-08", "endDate": "2021-08" },
              "leadAgency": { "name": "Ministère d'État" },
              "ogpValues": ["accessToInformation"],
              "contacts": [{ "name": "Service des médias", "organization": "Ministère d'État" }],
              "milestones": [
        {{milestones}}
              ]
            }]
          }]
        }
        """;

    private static Task Check(string path, string text, string? editorConfig = null)
    {
        var test = Verify.Analyzer<CommitmentDatasetAnalyzer>("class Empty { }");
        test.TestState.AdditionalFiles.Add((path, text));
        if (editorConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        return test.RunAsync();
    }

    [Fact]
    public Task Findings_are_reported_inside_the_file_at_the_exact_text() => Check("/0/plan.commitments.json", Package($$"""
                { "id": "LU0001-1", "description": {|OGP0001:"{{Vague}}"|}, "period": { "startDate": "2019-08", "endDate": "2020-12" } },
                { "id": "LU0001-2", "description": "{{Measurable}}", "period": { "startDate": "2019-08", "endDate": "2020-12" } },
                { "id": {|OGP0002:"LU0001-3"|}, "description": "{{Measurable}}" }
        """));

    [Fact]
    public Task Other_additional_files_are_left_alone() => Check("/0/notes.json", Package($$"""
                { "id": "LU0001-1", "description": "{{Vague}}" }
        """));

    [Fact]
    public Task Item_metadata_makes_any_file_a_dataset() => Check("/0/data/plan.json", Package($$"""
                { "id": "LU0001-1", "description": {|OGP0001:"{{Vague}}"|}, "period": { "endDate": "2020-12" } }
        """), """
        root = true
        [/0/data/plan.json]
        build_metadata.AdditionalFiles.OgpDataKind = commitments
        """);

    [Fact]
    public Task Item_metadata_none_leaves_a_matching_file_out() => Check("/0/draft.commitments.json", "{ not json", """
        root = true
        [/0/draft.commitments.json]
        build_metadata.AdditionalFiles.OgpDataKind = none
        """);

    [Fact]
    public Task A_malformed_file_is_one_diagnostic_where_the_reading_stopped() => Check("/0/broken.commitments.json", """
        { "version": "1.0",
          "actionPlans": [ { "id": "x" {|OGP0000:|}"member": "LU" } ]
        }
        """);

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    [InlineData("\"unterminated")]
    [InlineData("{\"actionPlans\": 12}")]
    [InlineData("{\"actionPlans\": [{\"commitments\": [{\"milestones\": [{\"description\": 5, \"period\": []}]}]}]}")]
    [InlineData("null")]
    [InlineData("\uFEFF{\"actionPlans\": [null, 1, \"x\", {\"commitments\": {}}]}")]
    public async Task Malformed_or_oddly_shaped_data_never_makes_the_analyzer_throw(string text)
    {
        var test = Verify.Analyzer<CommitmentDatasetAnalyzer>("class Empty { }");
        test.TestState.AdditionalFiles.Add(("/0/odd.commitments.json", text));
        // What the rules say about odd shapes is theirs to test; here only AD0001 (an escaped exception) matters.
        test.TestState.MarkupHandling = MarkupMode.None;
        var failure = await Record.ExceptionAsync(() => test.RunAsync());
        Assert.DoesNotContain("AD0001", failure?.Message ?? "");
    }

    [Fact]
    public Task The_threshold_and_language_come_from_editorconfig() => Check("/0/plan.commitments.json", Package($$"""
                { "id": "LU0001-2", "description": {|OGP0001:"{{Measurable}}"|}, "period": { "endDate": "2020-12" } }
        """), """
        root = true
        [*.json]
        ogpdata.OGP0001.threshold = 0.9999
        ogpdata.language = fr
        """);

    [Fact]
    public Task Severities_for_data_files_come_from_a_global_config()
    {
        // The compiler applies an .editorconfig section's severities to source files only; findings inside
        // an additional file follow the global configuration (.globalconfig, or is_global = true). Raising a
        // severity there is checked by the end-to-end test, with the real compiler.
        var test = Verify.Analyzer<CommitmentDatasetAnalyzer>("class Empty { }");
        test.TestState.AdditionalFiles.Add(("/0/plan.commitments.json", Package($$"""
                    { "id": {|OGP0002:"LU0001-1"|}, "description": "{{Vague}}" }
            """)));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.OGP0001.severity = none
            """));
        return test.RunAsync();
    }
}

public class CommitmentSheetTests
{
    private const string Header = "id;title;leadAgency/name;ogpValues;contacts/0/name;milestones/0/id;milestones/0/description;milestones/0/period/startDate;milestones/0/period/endDate";

    private static Task Check(string sheet)
    {
        var test = Verify.Analyzer<CommitmentDatasetAnalyzer>("class Empty { }");
        test.TestState.AdditionalFiles.Add(("/0/plan.commitments.csv", sheet));
        return test.RunAsync();
    }

    [Fact]
    public Task Findings_point_at_the_cells_of_the_sheet() => Check($$"""
        {{Header}}
        LU0001;Données ouvertes;Ministère d'État;"accessToInformation;civicParticipation";Service des médias;LU0001-1;Publication de 12 jeux de données sur data.public.lu;2019-08;2020-12
        LU0001;;;;;LU0001-2;{|OGP0001:Poursuite des travaux de sensibilisation|};2019-08;2020-12
        LU0001;;;;;LU0001-3;Publication du rapport annuel;{|OGP0002:2019-08|};
        """);

    [Fact]
    public Task Quoted_cells_commas_and_a_bom_are_read() => Check(
        "\uFEFFid,title,leadAgency/name,ogpValues,contacts/0/name,milestones/0/id,milestones/0/description,milestones/0/period/endDate\r\n" +
        "LU0002,\"Budget, ouvert\",Ministère,accessToInformation,Service,LU0002-1,{|OGP0001:\"Renforcer la \"\"coopération\"\" et poursuivre le dialogue\"|},2020-12\r\n");

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData(";;;\n;;;")]
    [InlineData("milestones/0/description\n\"unterminated")]
    [InlineData("id;milestones/x/0/y;milestones/0\nA;b;c\nA;;d")]
    [InlineData("id;id/x;ogpValues/0\nA;B;C")]
    public async Task Odd_sheets_never_make_the_analyzer_throw(string sheet)
    {
        var test = Verify.Analyzer<CommitmentDatasetAnalyzer>("class Empty { }");
        test.TestState.AdditionalFiles.Add(("/0/odd.commitments.csv", sheet));
        test.TestState.MarkupHandling = MarkupMode.None;
        var failure = await Record.ExceptionAsync(() => test.RunAsync());
        Assert.DoesNotContain("AD0001", failure?.Message ?? "");
    }
}

public class CommitmentSheetAgreesWithJsonTests
{
    [Fact]
    public void The_luxembourg_sheet_and_package_give_the_same_milestone_findings()
    {
        var json = File.ReadAllText(OgpData.Testing.SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json"));
        var csv = File.ReadAllText(OgpData.Testing.SharedData.InRepo("samples/luxembourg-2019-2021.commitments.csv"));
        var checker = OgpData.Quality.CommitmentChecker.Default;

        static List<string> MilestoneFindings(OgpData.Quality.CommitmentCheckResult result) => result.Findings
            .Where(f => f.Pointer.Contains("/milestones/", StringComparison.Ordinal))
            .Select(f => f.RuleId + " " + f.Pointer)
            .Order(StringComparer.Ordinal)
            .ToList();

        var fromJson = checker.Run(OgpData.Text.JsonTextParser.Parse(json));
        var fromCsv = checker.Run(OgpData.Text.CommitmentSheetReader.Read(csv));
        Assert.True(fromCsv.IsReadable);
        Assert.NotEmpty(MilestoneFindings(fromJson));
        Assert.Equal(MilestoneFindings(fromJson), MilestoneFindings(fromCsv));
    }
}
