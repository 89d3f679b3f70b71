using Microsoft.CodeAnalysis.Testing;
using OgpData.Analyzers.Rules;
using OgpData.Analyzers.Tests.Verifiers;

namespace OgpData.Analyzers.Tests;

public class MilestoneNotMeasurableTests
{
    private const string Vague = "Poursuite des travaux de sensibilisation";
    private const string Measurable = "Publication de 12 jeux de données sur data.public.lu";

    private static Task Check(string code, string? editorConfig = null)
    {
        var test = Verify.Analyzer<MilestoneNotMeasurableAnalyzer>(code);
        test.TestState.Sources.Add(("Model.cs", ModelSource.Milestone));
        if (editorConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        return test.RunAsync();
    }

    [Fact]
    public Task A_vague_description_is_reported_at_the_literal() => Check($$"""
        using OgpData.Ogp;
        class Plan
        {
            Milestone A() => new Milestone { Id = "1", Description = {|OGP0001:"{{Vague}}"|} };
            Milestone B(Milestone m) => m with { Description = {|OGP0001:"{{Vague}}"|} };
            Milestone C() => new Milestone("2", {|OGP0001:"{{Vague}}"|});
            Milestone D() => new Milestone(description: {|OGP0001:@"{{Vague}}"|}, id: "3");
        }
        """);

    [Fact]
    public Task Measurable_descriptions_and_other_strings_are_not_reported() => Check($$"""
        using OgpData.Ogp;
        class Plan
        {
            Milestone A() => new Milestone { Id = "{{Vague}}", Description = "{{Measurable}}", Deliverable = "{{Vague}}" };
            Milestone B(string text) => new Milestone { Description = text };
            Milestone C() => new Milestone { Description = "" };
            string D() => "{{Vague}}";
            void E(string milestone) { }
            void F() => E("{{Vague}}");
        }
        """);

    [Fact]
    public Task Constants_interpolations_and_conditionals_are_judged() => Check($$"""
        using OgpData.Ogp;
        class Plan
        {
            const string Ongoing = "{{Vague}}";
            Milestone A() => new Milestone { Description = {|OGP0001:Ongoing|} };
            Milestone B() => new Milestone { Description = {|OGP0001:Ongoing + " et dialogue"|} };
            Milestone C(string who) => new Milestone { Description = {|OGP0001:$"Sensibilisation de {who}"|} };
            Milestone D(int count) => new Milestone { Description = $"Publication de {count} jeux de données" };
            Milestone E(bool b) => new Milestone { Description = b ? "{{Measurable}}" : {|OGP0001:"{{Vague}}"|} };
            Milestone F(string? s) => new Milestone { Description = s ?? {|OGP0001:"{{Vague}}"|} };
        }
        """);

    [Fact]
    public Task Anything_marked_as_milestone_text_is_judged() => Check($$"""
        using OgpData;
        class Plan
        {
            [MilestoneText] public string Text { get; set; } = {|OGP0001:"{{Vague}}"|};
            [MilestoneText] public string Other = "{{Measurable}}";
            static void Add([MilestoneText] string milestone, string note) { }
            void Use()
            {
                Add({|OGP0001:"{{Vague}}"|}, "{{Vague}}");
                Add("{{Measurable}}", "x");
                Text = {|OGP0001:"{{Vague}}"|};
            }
        }
        """);

    [Fact]
    public Task The_message_names_the_cues_and_the_language() =>
        ExpectOne(Vague, OgpData.Measurability.MeasurabilityOutcome.NotMeasurable, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);

    /// <summary>One milestone whose diagnostic carries the classifier's own explanation, at the severity of its outcome.</summary>
    private static Task ExpectOne(string text, OgpData.Measurability.MeasurabilityOutcome outcome, Microsoft.CodeAnalysis.DiagnosticSeverity severity)
    {
        var test = Verify.Analyzer<MilestoneNotMeasurableAnalyzer>($$"""
            using OgpData.Ogp;
            class Plan { Milestone A() => new Milestone { Description = {|#0:"{{text}}"|} }; }
            """);
        test.TestState.Sources.Add(("Model.cs", ModelSource.Milestone));
        var verdict = OgpData.Measurability.MeasurabilityClassifier.Default.Classify(text);
        Assert.Equal(outcome, verdict.Outcome);
        Assert.Equal("fr", verdict.Language);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("OGP0001", severity)
            .WithLocation(0)
            .WithArguments($"{verdict.Explanation} (read as fr, score {verdict.Score:0.00})"));
        return test.RunAsync();
    }

    [Fact]
    public Task The_threshold_comes_from_editorconfig() => Check($$"""
        using OgpData.Ogp;
        class Plan
        {
            Milestone A() => new Milestone { Description = {|OGP0001:"{{Measurable}}"|} };
        }
        """, """
        root = true
        [*.cs]
        ogpdata.OGP0001.threshold = 0.9999
        """);

    /// <summary>No word of any class: the classifier is unsure, and says so at info (OGP0001 warns only below the threshold).</summary>
    private const string Uncertain = "Les acteurs concernés par le thème";

    [Fact]
    public Task An_uncertain_milestone_is_reported_at_info() =>
        ExpectOne(Uncertain, OgpData.Measurability.MeasurabilityOutcome.Uncertain, Microsoft.CodeAnalysis.DiagnosticSeverity.Info);

    [Fact]
    public Task Uncertain_none_in_editorconfig_keeps_uncertain_milestones_quiet() => Check($$"""
        using OgpData.Ogp;
        class Plan
        {
            Milestone A() => new Milestone { Description = "{{Uncertain}}" };
            Milestone B() => new Milestone { Description = {|OGP0001:"{{Vague}}"|} };
        }
        """, """
        root = true
        [*.cs]
        ogpdata.OGP0001.uncertain = none
        """);

    [Fact]
    public Task The_uncertain_band_comes_from_editorconfig() => Check($$"""
        using OgpData.Ogp;
        class Plan { Milestone A() => new Milestone { Description = "{{Uncertain}}" }; }
        """, """
        root = true
        [*.cs]
        ogpdata.OGP0001.threshold = 0.2
        ogpdata.OGP0001.uncertain_below = 0.3
        """);

    [Fact]
    public Task The_editorconfig_of_the_rule_page_does_what_the_page_says()
    {
        // docs/rules/OGP0001.md, "Configure": severity error, uncertain milestones not reported.
        var page = File.ReadAllText(OgpData.Testing.SharedData.InRepo("docs/rules/OGP0001.md"));
        var ini = System.Text.RegularExpressions.Regex.Match(page, "```ini\\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("ogpdata.OGP0001.uncertain = none", ini);
        var editorConfig = "root = true\n" + string.Join("\n", ini.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Select(line => line == "[*]" ? "[*.cs]" : line)) + "\n";
        // The vague milestone is reported (the severity the compiler applies is its business), the uncertain one is not.
        return Check($$"""
            using OgpData.Ogp;
            class Plan
            {
                Milestone A() => new Milestone { Description = {|OGP0001:"{{Vague}}"|} };
                Milestone B() => new Milestone { Description = "{{Uncertain}}" };
            }
            """, editorConfig);
    }

    [Fact]
    public Task Severity_none_in_editorconfig_silences_the_rule() => Check($$"""
        using OgpData.Ogp;
        class Plan { Milestone A() => new Milestone { Description = "{{Vague}}" }; }
        """, """
        root = true
        [*.cs]
        dotnet_diagnostic.OGP0001.severity = none
        """);

    [Fact]
    public Task Generated_code_is_skipped() => Check($$"""
        // <auto-generated/>
        using OgpData.Ogp;
        class Plan { Milestone A() => new Milestone { Description = "{{Vague}}" }; }
        """);
}
