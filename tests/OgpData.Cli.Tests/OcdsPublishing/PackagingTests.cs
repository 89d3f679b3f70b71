using OgpData.Testing;

namespace OgpData.Cli.Tests.OcdsPublishing;

/// <summary><c>ogpdata upgrade</c>, <c>package</c>, <c>combine</c> and <c>split</c> against ocdskit's golden outputs.</summary>
public sealed class PackagingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-packaging-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Cases() =>
        PeerGolden.Ids(e => e.ExitCode == 0 && e.Argv[0] is "upgrade" or "package-releases" or "combine-release-packages" or "split-release-packages");

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Matches_ocdskit(string id)
    {
        var entry = PeerGolden.Get(id);
        var lines = entry.Output.Replace(".gz", "", StringComparison.Ordinal).EndsWith(".jsonl", StringComparison.Ordinal);
        var output = Path.Combine(_folder, lines ? "out.jsonl" : "out.json");
        string[] args = entry.Argv[0] switch
        {
            "package-releases" => ["package", .. entry.Inputs, .. entry.Argv[1..], "-o", output],
            "combine-release-packages" => ["combine", .. entry.Inputs, "-o", output],
            "upgrade" => ["upgrade", .. entry.Inputs, .. entry.Argv.Where(a => a == "--no-reorder"), "-o", output],
            _ => ["split", .. entry.Inputs, "--size", entry.Argv[1], "-o", output],
        };
        var outcome = Cli.Run(args);
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        PeerGolden.AssertSameValues(entry.Output, output);
    }

    [SkippableFact]
    public void Split_into_a_folder_writes_one_file_per_package()
    {
        var input = SharedData.Require("ocds/samples/paraguay.release-package.json");
        var folder = Path.Combine(_folder, "parts");
        var outcome = Cli.Run("split", input, "--size", "25", "-o", folder);
        Assert.Equal(0, outcome.ExitCode);
        var files = Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "paraguay.release-package-1.json", "paraguay.release-package-2.json", "paraguay.release-package-3.json" }, files);
        Assert.Contains("\tocds-release-package", Cli.Run("detect", Path.Combine(folder, files[2])).Stdout);
    }

    [Fact]
    public void Unusable_input_writes_no_package()
    {
        var input = Path.Combine(_folder, "broken.jsonl");
        File.WriteAllText(input, "{\"ocid\": \"ocds-abcdef-1\", \"id\": \"1\", \"date\": \"2020-01-01\"}\n{\"ocid\": \"ocds-abcdef-2\", \"id\": \n");
        var output = Path.Combine(_folder, "package.json");
        Assert.Equal(2, Cli.Run("package", input, "-o", output).ExitCode);
        Assert.False(File.Exists(output));
    }
}
