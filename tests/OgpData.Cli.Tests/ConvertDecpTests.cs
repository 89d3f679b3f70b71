using System.Text.Json.Nodes;
using OgpData.Testing;

namespace OgpData.Cli.Tests;

public sealed class ConvertDecpTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-decp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string In(string name) => Path.Combine(_folder, name);

    [SkippableFact]
    public void Convert_from_decp_writes_a_release_package_that_validate_accepts()
    {
        var decp = SharedData.Require("decp/v2.0.3/examples/json/marches_concessions.json");
        var outcome = Cli.Run("convert", decp, "-o", In("ocds.json"), "--from", "decp", "--ocid-prefix", "ocds-abc123");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("converted 4 of 4", outcome.Stderr);
        // The example's invalid SIRETs are warnings naming file, line and column.
        Assert.Contains($"{decp}:234:27: warning DECP0003", outcome.Stderr);

        var package = JsonNode.Parse(File.ReadAllText(In("ocds.json")))!;
        Assert.Equal(4, package["releases"]!.AsArray().Count);
        Assert.StartsWith("ocds-abc123-", package["releases"]![0]!["ocid"]!.GetValue<string>());

        var schemas = SharedData.Require("ocds/schema/1.1.5");
        var validate = Cli.Run("validate", In("ocds.json"), "--ocds-schema-dir", schemas);
        Assert.True(validate.ExitCode == 0, validate.Stdout + validate.Stderr);
    }

    [Fact]
    public void Convert_from_decp_exit_codes_for_errors_and_unusable_input()
    {
        File.WriteAllText(In("no-id.json"), """{"marches": {"marche": [{"acheteur": {"id": "21750001630066"}}]}}""");
        var errors = Cli.Run("convert", In("no-id.json"), "-o", In("a.json"), "--from", "decp");
        Assert.Equal(1, errors.ExitCode);
        Assert.Contains("error DECP0001", errors.Stderr);

        File.WriteAllText(In("broken.json"), "{\"marches\": [");
        Assert.Equal(2, Cli.Run("convert", In("broken.json"), "-o", In("b.json"), "--from", "decp").ExitCode);
        Assert.Equal(2, Cli.Run("convert", In("no-id.json"), "-o", In("c.json"), "--from", "xml").ExitCode);
        Assert.Equal(2, Cli.Run("convert", In("no-id.json"), "-o", In("d.json"), "--from", "decp", "--ocid-prefix", "FR-123").ExitCode);
    }
}
