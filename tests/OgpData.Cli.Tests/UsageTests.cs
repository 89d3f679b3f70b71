namespace OgpData.Cli.Tests;

public class UsageTests
{
    [Fact]
    public void No_arguments_prints_usage_on_stderr_and_exits_2()
    {
        var outcome = Cli.Run();
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Usage:", outcome.Stderr);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public void Help_goes_to_stdout_and_exits_0()
    {
        var outcome = Cli.Run("--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("ogpdata validate", outcome.Stdout);
    }

    public static TheoryData<string, string> CommandOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var option in Commands.ValidateCommand.Valued.Concat(Commands.ValidateCommand.Flags)) data.Add("validate", option);
        foreach (var option in Commands.ConvertCommand.Valued.Concat(Commands.ConvertCommand.Flags)) data.Add("convert", option);
        foreach (var option in Commands.CompileCommand.Valued.Concat(Commands.CompileCommand.Flags)) data.Add("compile", option);
        foreach (var option in Commands.UpgradeCommand.Valued.Concat(Commands.UpgradeCommand.Flags)) data.Add("upgrade", option);
        foreach (var option in Commands.PackageCommand.Valued.Concat(Commands.PackageCommand.Flags)) data.Add("package", option);
        foreach (var option in Commands.CombineCommand.Valued.Concat(Commands.CombineCommand.Flags)) data.Add("combine", option);
        foreach (var option in Commands.SplitCommand.Valued.Concat(Commands.SplitCommand.Flags)) data.Add("split", option);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandOptions))]
    public void Every_option_a_command_accepts_is_in_its_help(string command, string option)
    {
        var help = Cli.Run(command, "--help");
        Assert.Equal(0, help.ExitCode);
        if (option is "--help" or "-h") return;
        Assert.Matches($@"(^|[\s,]){System.Text.RegularExpressions.Regex.Escape(option)}([\s,=]|$)", help.Stdout);
    }

    [Fact]
    public void An_unknown_command_is_one_line_on_stderr_and_exit_2()
    {
        var outcome = Cli.Run("validat");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("ogpdata: unknown command 'validat'; run 'ogpdata --help' for the list of commands.\n", outcome.Stderr);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public void Rules_lists_every_rule_and_no_invented_link()
    {
        var outcome = Cli.Run("rules");
        Assert.Equal(0, outcome.ExitCode);
        foreach (var rule in OgpData.Findings.RuleCatalog.All)
        {
            Assert.Contains($"{rule.Id} ", outcome.Stdout);
            Assert.Contains(rule.Title, outcome.Stdout);
        }
        // No documentation address is configured in this build: no link at all.
        Assert.DoesNotContain("http", outcome.Stdout);
        Assert.Contains("'ogpdata rules ID' prints a rule's page.", outcome.Stdout);
    }

    [Theory]
    [InlineData("OGP0001")]
    [InlineData("ocds0020")]
    [InlineData("schema")]
    public void Rules_with_an_id_prints_the_page_from_docs_rules(string id)
    {
        var outcome = Cli.Run("rules", id);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(File.ReadAllText(OgpData.Testing.SharedData.InRepo($"docs/rules/{id.ToUpperInvariant().Replace("SCHEMA", "schema")}.md")), outcome.Stdout);
    }

    [Fact]
    public void Rules_with_an_unknown_id_is_a_usage_error()
    {
        var outcome = Cli.Run("rules", "OGP9999");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("'OGP9999' is not a rule id", outcome.Stderr);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var outcome = Cli.Run("rules", "--colour");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("unknown option '--colour'", outcome.Stderr);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var outcome = Cli.Run("--version");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", outcome.Stdout);
    }
}

public sealed class DetectAndConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-detect-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Detect_names_the_kind_of_each_file()
    {
        var outcome = Cli.Run("detect", OgpData.Testing.SharedData.InRepo("samples"));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("luxembourg-2019-2021.commitments.json\togp-commitment-package", outcome.Stdout);
        Assert.Contains("luxembourg-2019-2021.commitments.csv\tcsv", outcome.Stdout);
    }

    [SkippableFact]
    public void Detect_sees_through_gzip()
    {
        var file = OgpData.Testing.SharedData.Require("ocds/large/canada-buyandsell-2014.tenders_releases.json.gz");
        var outcome = Cli.Run("detect", file);
        Assert.EndsWith("\tocds-release-package\tgzip\n", outcome.Stdout);
    }

    [Fact]
    public void Rules_option_changes_severities_and_turns_rules_off()
    {
        var sample = OgpData.Testing.SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json");
        Assert.Equal(1, Cli.Run("validate", sample).ExitCode);
        Assert.Equal(0, Cli.Run("validate", sample, "--rules", "OGP0003=warning").ExitCode);
        var quiet = Cli.Run("validate", sample, "--format", "json", "--rules", "OGP0001=none,OGP0003=none", "--rules", "OGP0009=error");
        Assert.DoesNotContain("\"OGP0001\"", quiet.Stdout);
        Assert.Contains("\"OGP0009\"", quiet.Stdout);
        Assert.Equal(1, quiet.ExitCode);
        var typo = Cli.Run("validate", sample, "--rules", "OGP0099=none");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("'OGP0099' is not a rule id", typo.Stderr);
    }

    [Fact]
    public void The_config_file_sets_rules_and_defaults_and_rejects_unknown_settings()
    {
        File.WriteAllText(Path.Combine(_folder, "ogpdata.json"), """
            { // a CI job's settings
              "rules": { "OGP0009": "none", "OGP0001": "error" }, "failOn": "warning", "maxErrors": 5, "ocdsSchemaDir": "schema" }
            """);
        var config = CliConfig.Load(_folder);
        Assert.Equal(OgpData.Findings.Severity.None, config.Rules["OGP0009"]);
        Assert.Equal("warning", config.FailOn);
        Assert.Equal(5, config.MaxErrors);
        Assert.Equal(Path.Combine(_folder, "schema"), config.OcdsSchemaDir);
        var merged = config.RulesWith(CliConfig.ParseRules(["OGP0001=info"]));
        Assert.Equal(OgpData.Findings.Severity.Info, merged["OGP0001"]);

        File.WriteAllText(Path.Combine(_folder, "ogpdata.json"), """{ "failOnn": "warning" }""");
        Assert.Throws<UsageException>(() => CliConfig.Load(_folder));
        Assert.Empty(CliConfig.Load(Path.Combine(_folder, "..", Path.GetRandomFileName())).Rules);
    }

    [Fact]
    public void OGP0001_thresholds_come_from_the_config_file_and_the_command_line_wins()
    {
        File.WriteAllText(Path.Combine(_folder, "ogpdata.json"), """
            { "measurability": { "threshold": 0.3, "uncertainBelow": 0.5, "uncertain": "none" } }
            """);
        var config = CliConfig.Load(_folder);
        Assert.Equal(0.3, config.Measurability.Threshold);
        Assert.Equal(0.5, config.Measurability.UncertainBelow);
        Assert.False(config.Measurability.ReportUncertain);

        var merged = config.WithMeasurability(["OGP0001.threshold=0.2,OGP0009=none", "OGP0001.uncertain=info"]);
        Assert.Equal(0.2, merged.Threshold);
        Assert.Equal(0.5, merged.UncertainBelow);
        Assert.True(merged.ReportUncertain);
        // The severities ignore the OGP0001 settings, and the settings ignore the severities.
        Assert.Equal(["OGP0009"], CliConfig.ParseRules(["OGP0001.threshold=0.2,OGP0009=none"]).Keys);

        Assert.Throws<UsageException>(() => config.WithMeasurability(["OGP0001.threshold=2"]));
        Assert.Throws<UsageException>(() => config.WithMeasurability(["OGP0001.treshold=0.2"]));
        File.WriteAllText(Path.Combine(_folder, "ogpdata.json"), """{ "measurability": { "uncertain": "warning" } }""");
        Assert.Throws<UsageException>(() => CliConfig.Load(_folder));
    }

    [Fact]
    public void The_CLI_settings_of_the_OGP0001_page_read_as_the_page_says()
    {
        var page = File.ReadAllText(OgpData.Testing.SharedData.InRepo("docs/rules/OGP0001.md"));
        var json = System.Text.RegularExpressions.Regex.Match(page, "```json\\n\\s*(\\{ \"rules\".*?)```", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        File.WriteAllText(Path.Combine(_folder, "ogpdata.json"), json);
        var config = CliConfig.Load(_folder);
        Assert.Equal(OgpData.Findings.Severity.Error, config.Rules["OGP0001"]);
        Assert.Equal(new OgpData.Measurability.MeasurabilityOptions { Threshold = 0.35, UncertainBelow = 0.6, ReportUncertain = false }, config.Measurability);

        var rules = System.Text.RegularExpressions.Regex.Match(page, "`--rules ([^`]+)`").Groups[1].Value;
        Assert.Equal(config.Measurability, new CliConfig().WithMeasurability([rules]));
        Assert.Equal(OgpData.Findings.Severity.Error, CliConfig.ParseRules([rules])["OGP0001"]);
    }

    [Fact]
    public void OGP0001_threshold_on_the_command_line_changes_what_validate_reports()
    {
        var package = Path.Combine(_folder, "plan.json");
        File.WriteAllText(package, """
            {"actionPlans":[{"id":"P","language":"fr","commitments":[{"id":"C","milestones":[
              {"id":"M1","description":"Publication du rapport annuel sur le portail"}]}]}]}
            """);
        var lenient = Cli.Run("validate", package, "--format", "json");
        Assert.DoesNotContain("\"OGP0001\"", lenient.Stdout);
        var strict = Cli.Run("validate", package, "--format", "json", "--rules", "OGP0001.threshold=0.9999");
        Assert.Contains("\"OGP0001\"", strict.Stdout);
    }
}
