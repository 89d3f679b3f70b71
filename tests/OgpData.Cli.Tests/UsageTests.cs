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

    [Fact]
    public void An_unknown_command_is_one_line_on_stderr_and_exit_2()
    {
        var outcome = Cli.Run("validat");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("ogpdata: unknown command 'validat'; run 'ogpdata --help' for the list of commands.\n", outcome.Stderr);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public void Rules_lists_every_rule_with_its_help_link()
    {
        var outcome = Cli.Run("rules");
        Assert.Equal(0, outcome.ExitCode);
        foreach (var rule in OgpData.Findings.RuleCatalog.All)
        {
            Assert.Contains(rule.Id, outcome.Stdout);
            Assert.Contains(rule.HelpUri, outcome.Stdout);
        }
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
