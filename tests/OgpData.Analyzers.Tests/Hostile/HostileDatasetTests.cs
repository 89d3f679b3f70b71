using System.Text;
using Microsoft.CodeAnalysis.Testing;
using OgpData.Analyzers.Rules;
using OgpData.Analyzers.Tests.Verifiers;

namespace OgpData.Analyzers.Tests.Hostile;

/// <summary>
/// The dataset analyzer on the worst files there are: an exception escaping it would be AD0001 and break the
/// user's build, so every case asserts there is none, and that an unreadable file is one OGP0000 instead.
/// </summary>
public class HostileDatasetTests
{
    private const string Package = """
        {"version": "1.0", "actionPlans": [{"id": "LU-2019-2021", "member": "LU", "commitments": [{"id": "LU0001", "title": "Données ouvertes",
          "milestones": [{"id": "LU0001-1", "description": "Poursuite des travaux", "period": {"endDate": "2021-08"}}]}]}]}
        """;

    /// <summary>Runs the analyzer over the files and returns the ids it reported (AD0001 included, if any).</summary>
    private static async Task<string> Run(params (string Path, string Text)[] files)
    {
        var test = Verify.Analyzer<CommitmentDatasetAnalyzer>("class Empty { }");
        foreach (var file in files) test.TestState.AdditionalFiles.Add(file);
        test.TestState.MarkupHandling = MarkupMode.None;
        var failure = await Record.ExceptionAsync(() => test.RunAsync());
        var reported = failure?.Message ?? "";
        Assert.DoesNotContain("AD0001", reported, StringComparison.Ordinal);
        return reported;
    }

    [Fact]
    public async Task Two_hundred_thousand_nested_arrays_or_objects_are_one_unreadable_file_diagnostic()
    {
        var arrays = new string('[', 200_000) + new string(']', 200_000);
        var objects = string.Concat(Enumerable.Repeat("{\"a\":", 200_000)) + "1" + new string('}', 200_000);
        var inside = Package.Replace("\"title\": \"Données ouvertes\"", "\"title\": \"Données ouvertes\", \"x\": " + arrays);
        var reported = await Run(("/0/a.commitments.json", arrays), ("/0/b.commitments.json", objects), ("/0/c.commitments.json", inside));
        Assert.Equal(3, CountOf(reported, "OGP0000"));
        Assert.Contains("nested deeper than 256 levels", reported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_dataset_with_odd_text_is_checked_without_failing()
    {
        var milestones = string.Join(",\n", Enumerable.Range(0, 5_000).Select(i =>
            $$"""{"id": "M{{i}}", "description": "Publication \ud83d\ude00 \ud800 n°{{i}} \u0000", "period": {"endDate": "{{(i % 3 == 0 ? "1e400" : "2021-13")}}"}, "id": "dup"}"""));
        var big = Package.Replace("""[{"id": "LU0001-1", "description": "Poursuite des travaux", "period": {"endDate": "2021-08"}}]""", "[" + milestones + "]");
        Assert.True(big.Length > 500_000);
        var reported = await Run(("/0/big.commitments.json", big));
        Assert.Contains("OGP0007", reported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ragged_cut_and_empty_sheets_are_unreadable_file_diagnostics()
    {
        var reported = await Run(
            ("/0/ragged.commitments.csv", "id;title;milestones/0/id\nC1;Un\nC2;Deux;M1;oublié\n"),
            ("/0/cut.commitments.csv", "id;title\nC1;\"Une description\nsur deux lignes"),
            ("/0/wide.commitments.csv", string.Join(";", Enumerable.Range(0, 20_000).Select(i => "c" + i)) + "\n1\n"));
        Assert.Equal(3, CountOf(reported, "OGP0000"));
    }

    [Fact]
    public async Task Mutations_of_a_package_never_make_the_analyzer_throw()
    {
        // One compilation, many files: cheap, and every mutation is a fresh parse.
        var random = new Random(8);
        var pieces = new[] { "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "1e400", "\"\\ud800\"", "\uFEFF", "\u0000", "[[[[", "}}}}", "\"id\": 1" };
        var files = Enumerable.Range(0, 60).Select(n =>
        {
            var at = random.Next(Package.Length);
            var text = Package[..at] + pieces[random.Next(pieces.Length)] + Package[Math.Min(Package.Length, at + random.Next(0, 8))..];
            return ($"/0/m{n}.commitments.json", text);
        }).ToArray();
        var reported = await Run(files);
        // The verifier's message lists what was reported, so an AD0001 would be seen: some mutations must be unreadable.
        Assert.True(CountOf(reported, "OGP0000") > 0, "no mutation was reported unreadable; the run's diagnostics were not seen");
    }

    private static int CountOf(string text, string id)
    {
        var count = 0;
        for (var at = text.IndexOf(id + ":", StringComparison.Ordinal); at >= 0; at = text.IndexOf(id + ":", at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
