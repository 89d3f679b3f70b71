using OgpData.Testing;

namespace OgpData.Cli.Tests.Hostile;

/// <summary>
/// Found by the CLI mutation fuzzer (<see cref="CliFuzzTests"/>): each was an "internal error" before, and is now
/// a placed refusal (exit 2) or a finding.
/// </summary>
public sealed class FuzzFindingsTests : HostileFiles
{
    private string Output => Path.Combine(Folder, "out.csv");

    private static string Refused(params string[] args)
    {
        var outcome = Cli.Run(args);
        Assert.Equal(2, outcome.ExitCode);
        Assert.DoesNotContain("internal error", outcome.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("ogpdata: ", outcome.Stderr, StringComparison.Ordinal);
        return outcome.Stderr;
    }

    [Fact]
    public void A_repeated_key_in_a_commitment_package_is_refused_by_convert_naming_the_key()
    {
        var package = Write("plan.json", Package.Replace("\"member\": \"LU\",", "\"member\": \"LU\",\n \"member\": \"FR\","));
        Assert.Matches(@"plan\.json: not well-formed JSON: Duplicate property 'member'", Refused("convert", package, "-o", Output));
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void A_lone_surrogate_in_a_commitment_package_is_refused_by_convert_at_its_line()
    {
        var package = Write("plan.json", Package.Replace("\"title\": \"Données ouvertes\"", "\"title\": \"Donn\\ud800es\""));
        Assert.Matches(@"plan\.json:1:\d+: not well-formed JSON: A string escapes a lone surrogate", Refused("convert", package, "-o", Output));
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void A_lone_surrogate_in_a_property_name_of_streamed_ocds_is_a_finding_not_a_crash()
    {
        var release = Write("releases.json", ReleasePackage.Replace("\"tender\": {", "\"tender\": {\"\\ud800\": 1,"));
        var outcome = Cli.Run("validate", release, "--format", "json");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("OCDS0018", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("surrogate", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_in_a_decp_entry_is_refused_at_its_line()
    {
        var decp = Write("decp.json", "{\"marches\": {\"marche\": [\n{\"id\": \"2024-001\",\n \"objet\": \"Travaux \\udc00\", \"acheteur\": {\"id\": \"21750001630066\"}}]}}");
        var output = Write("ocds.json", "previous");
        Assert.Matches(@"decp\.json:3:\d+: A string escapes a lone surrogate", Refused("convert", decp, "-o", output, "--from", "decp"));
        Assert.Equal("previous", File.ReadAllText(output));
    }

    [Fact]
    public void A_root_member_name_escaping_a_lone_surrogate_is_refused_at_its_place_by_every_streaming_reader()
    {
        // Found with OGPDATA_FUZZ_SEED=7 OGPDATA_FUZZ_CASE=222: the readers of big files took a root member's name
        // with GetString, which throws on such a name.
        var release = Write("releases.json", "{\"\\ud800\": 1, " + ReleasePackage.TrimStart()[1..]);
        var validated = Cli.Run("validate", release, "--format", "json");
        Assert.DoesNotContain("internal error", validated.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"releases\.json:1:\d+: .*not valid text", Refused("validate", release));
        Assert.Matches(@"releases\.json.*not valid text", Refused("convert", release, "-o", Path.Combine(Folder, "sheets")));
        var decp = Write("decp.json", "{\"\\ud800\": 1, \"marches\": {\"marche\": []}}");
        Assert.Matches(@"decp\.json:1:\d+: .*not valid text", Refused("convert", decp, "-o", Path.Combine(Folder, "ocds.json"), "--from", "decp"));
    }
}
