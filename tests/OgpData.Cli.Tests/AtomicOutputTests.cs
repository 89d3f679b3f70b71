using System.Text;
using OgpData.Testing;

namespace OgpData.Cli.Tests;

/// <summary>
/// A failed run never costs the previous output: every file and folder the CLI writes is built beside its
/// destination and moved in only when complete (<see cref="IO.AtomicFile"/>).
/// </summary>
public sealed class AtomicOutputTests : HostileFiles
{
    private const string Yesterday = "yesterday's good conversion";

    /// <summary>The folder's entries, so that a leftover temporary file or folder shows.</summary>
    private string[] Entries() => [.. Directory.GetFileSystemEntries(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static string Failed(params string[] args)
    {
        var outcome = Cli.Run(args);
        Assert.Equal(2, outcome.ExitCode);
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
        return outcome.Stderr;
    }

    [Fact]
    public void A_cut_decp_file_leaves_the_previous_conversion_intact_and_names_where_it_stopped()
    {
        var cut = Write("cut.json", """{"marches": {"marche": [{"id": "2024-001", "acheteur": {"id": "21750001630066"}, "montant": 1""");
        var output = Write("ocds.json", Yesterday);
        var message = Failed("convert", cut, "-o", output, "--from", "decp");
        Assert.Matches(@"cut\.json:1:\d+: ", message);
        Assert.Equal(Yesterday, File.ReadAllText(output));
        Assert.Equal(["cut.json", "ocds.json"], Entries());
    }

    [Fact]
    public void A_conversion_that_succeeds_replaces_the_previous_output()
    {
        var sheet = SharedData.InRepo("samples/luxembourg-2019-2021.commitments.csv");
        var output = Write("plan.json", Yesterday);
        var baseFile = Write("plan.base.json", Encoding.UTF8.GetBytes(Package.Replace("\"commitments\": [", "\"commitments\": [], \"x\": [")));
        var outcome = Cli.Run("convert", sheet, "-o", output);
        Assert.True(outcome.ExitCode is 0 or 1, outcome.Stderr);
        Assert.StartsWith("{", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(["plan.base.json", "plan.json"], Entries());
        _ = baseFile;
    }

    [Fact]
    public void A_cut_commitment_package_leaves_the_sheet_and_its_base_as_they_were()
    {
        var cut = Write("cut.json", Package[..(Package.Length / 2)]);
        var sheet = Write("plan.csv", Yesterday);
        var baseFile = Write("plan.base.json", Yesterday);
        var message = Failed("convert", cut, "-o", sheet);
        Assert.Contains("cut.json", message, StringComparison.Ordinal);
        Assert.Equal(Yesterday, File.ReadAllText(sheet));
        Assert.Equal(Yesterday, File.ReadAllText(baseFile));
        Assert.Equal(["cut.json", "plan.base.json", "plan.csv"], Entries());
    }

    [Fact]
    public void A_sheets_folder_is_swapped_in_whole_and_kept_whole_when_the_package_is_cut()
    {
        var package = Write("releases.json", ReleasePackage);
        var sheets = Path.Combine(Folder, "sheets");
        Directory.CreateDirectory(sheets);
        File.WriteAllText(Path.Combine(sheets, "stale_from_an_older_layout.csv"), "id\n");
        Assert.Equal(0, Cli.Run("convert", package, "-o", sheets).ExitCode);
        var written = Directory.GetFiles(sheets).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("releases.csv", written);
        Assert.Contains("meta.json", written);
        Assert.DoesNotContain("stale_from_an_older_layout.csv", written);
        var before = Directory.GetFiles(sheets).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

        var cut = Write("cut-releases.json", ReleasePackage[..(ReleasePackage.Length - 20)]);
        var message = Failed("convert", cut, "-o", sheets);
        Assert.Contains("cut-releases.json", message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(sheets).ToDictionary(f => Path.GetFileName(f), File.ReadAllText));
        Assert.Equal(["cut-releases.json", "releases.json", "sheets"], Entries());
    }

    [Fact]
    public void A_folder_of_other_files_is_never_replaced_by_sheets()
    {
        var package = Write("releases.json", ReleasePackage);
        var mine = Path.Combine(Folder, "documents");
        Directory.CreateDirectory(Path.Combine(mine, "photos"));
        File.WriteAllText(Path.Combine(mine, "thesis.txt"), "mine");
        var message = Failed("convert", package, "-o", mine);
        Assert.Contains("not a sheet", message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(mine, "thesis.txt")));
        Assert.True(Directory.Exists(Path.Combine(mine, "photos")));
        Assert.Equal(["documents", "releases.json"], Entries());
    }

    [Fact]
    public void A_report_is_written_whole_or_not_at_all()
    {
        var report = Write("report.json", Yesterday);
        var package = Write("plan.json", Package);
        Assert.Equal(0, Cli.Run("validate", package, "--format", "json", "-o", report).ExitCode);
        Assert.Contains("\"files\"", File.ReadAllText(report), StringComparison.Ordinal);
        var previous = File.ReadAllText(report);

        var cut = Write("cut.json", Package[..40]);
        Failed("validate", cut, "--format", "json", "-o", report);
        Assert.Equal(previous, File.ReadAllText(report));
        Assert.Equal(["cut.json", "plan.json", "report.json"], Entries());
    }
}
