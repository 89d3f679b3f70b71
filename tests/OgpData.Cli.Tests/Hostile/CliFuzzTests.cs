using System.Diagnostics;
using System.Text;
using System.Text.Json;
using OgpData.Testing;

namespace OgpData.Cli.Tests.Hostile;

/// <summary>
/// The mutation fuzzer: real files — OCDS packages, JSON Lines, commitment packages and sheets, DECP — damaged
/// by <see cref="Mutator"/> and run through <c>validate</c> and <c>convert</c> in-process. Every run must end
/// with exit 0, 1 or 2; a message for 1 and 2; a parseable JSON report for 0 and 1; no stack trace or internal
/// error; no hang; and no half-written output — on exit 2 the previous output is untouched, and no temporary
/// file is ever left behind. A fixed seed and a few hundred cases here; long runs in docs/fuzzing.md.
/// </summary>
public sealed class CliFuzzTests : HostileFiles
{
    private const int NormalCases = 300;
    private const int NormalSeed = 20261206;
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);
    private const string Sentinel = "the previous run's good output";

    /// <summary>A file to damage and how to convert it: the arguments after <c>convert &lt;in&gt; -o &lt;out&gt;</c>, and whether the output is a folder.</summary>
    private sealed record Seed(string Name, byte[] Bytes, string Output, string[] Options, bool Folder = false, string? Beside = null);

    private List<Seed> Seeds()
    {
        var seeds = new List<Seed>
        {
            new("plan.json", File.ReadAllBytes(SharedData.InRepo("samples/luxembourg-2019-2021.commitments.json")), "plan.csv", [], Beside: "plan.base.json"),
            new("flawed.json", File.ReadAllBytes(SharedData.InRepo("samples/flawed.commitments.json")), "flawed.csv", [], Beside: "flawed.base.json"),
            new("plan.csv", File.ReadAllBytes(SharedData.InRepo("samples/luxembourg-2019-2021.commitments.csv")), "plan.json", []),
        };
        void Shared(string name, string path, string output, string[] options, bool folder = false, int lines = 0)
        {
            if (SharedData.TryGet(path) is not { } full) return;
            var bytes = lines == 0 ? File.ReadAllBytes(full)
                : Encoding.UTF8.GetBytes(string.Join('\n', File.ReadLines(full).Take(lines)) + "\n");
            seeds.Add(new Seed(name, bytes, output, options, folder));
        }
        Shared("releases.json", "ocds/fixtures/cove-ocds/tenders_releases_2_releases.json", "sheets", [], folder: true);
        Shared("record.json", "ocds/fixtures/cove-ocds/full_record.json", "sheets", [], folder: true);
        Shared("releases.jsonl", "ocds/samples/paraguay.releases.jsonl", "out.json", [], lines: 3);
        Shared("decp2.json", "decp/v2.0.3/examples/json/marches_concessions.json", "ocds.json", ["--from", "decp"]);
        Shared("decp15.json", "decp/v1.5/examples/json/paquet.json", "ocds.json", ["--from", "decp"]);
        Shared("decp-consolidated.json", "decp/consolidated-tests/decp_test_2022.json", "ocds.json", ["--from", "decp"]);
        return seeds;
    }

    [Fact]
    public void Damaged_real_files_through_validate_and_convert_keep_the_contract()
    {
        var seeds = Seeds();
        var (cases, time, seed) = Fuzzing.Budget(NormalCases, NormalSeed);
        var only = long.TryParse(Environment.GetEnvironmentVariable("OGPDATA_FUZZ_CASE"), out var replay) ? replay : -1;
        var clock = Stopwatch.StartNew();
        var exits = new int[3];
        var failures = new List<string>();
        for (long n = only >= 0 ? only : 0; n < cases && (time is null || clock.Elapsed < time); n++)
        {
            // Each case has its own generator, so one case replays alone (OGPDATA_FUZZ_CASE) with the same seed.
            var random = new Random(unchecked(seed * 1_000_003 + (int)n));
            var original = seeds[random.Next(seeds.Count)];
            var (bytes, recipe) = Mutator.Mutate(original.Bytes, random);
            var what = $"case {n} (OGPDATA_FUZZ_SEED={seed} OGPDATA_FUZZ_CASE={n}): {original.Name}, {recipe}";
            try
            {
                exits[RunCase(n, original, bytes)]++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var kept = Path.Combine(Path.GetTempPath(), "ogpdata-fuzz-failures", $"case-{seed}-{n}-{original.Name}");
                Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
                File.WriteAllBytes(kept, bytes);
                // Every failure of the run is listed (a long run goes on past the first), up to twenty.
                failures.Add($"{what}\ninput kept at {kept}\n{e.Message}");
                if (failures.Count == 20) break;
            }
            if (only >= 0) break;
        }
        Assert.True(failures.Count == 0, $"{failures.Count} case(s) broke the contract:\n\n" + string.Join("\n\n", failures));
        // The damage must reach every answer, or the fuzzer only ever tries the refusal path.
        if (only < 0 && time is null) Assert.All(exits, count => Assert.True(count > 0, $"exits 0/1/2: {string.Join('/', exits)}"));
    }

    /// <summary>Runs validate and convert on one damaged file; returns validate's exit code.</summary>
    private int RunCase(long n, Seed original, byte[] bytes)
    {
        var folder = Path.Combine(Folder, "case-" + n);
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, original.Name);
        File.WriteAllBytes(input, bytes);

        var validated = Run("validate", input, "--format", "json");
        Contract(validated, report: true);

        var output = Path.Combine(folder, "out", original.Output);
        var beside = original.Beside is null ? null : Path.Combine(folder, "out", original.Beside);
        PutPrevious(output, original.Folder);
        if (beside is not null) File.WriteAllText(beside, Sentinel);
        var converted = Run(["convert", input, "-o", output, .. original.Options]);
        Contract(converted, report: false);
        if (converted.ExitCode == 2)
        {
            AssertPrevious(output, original.Folder);
            if (beside is not null) Assert.Equal(Sentinel, File.ReadAllText(beside));
        }
        else
        {
            AssertComplete(output, original.Folder);
            if (beside is not null) JsonDocument.Parse(File.ReadAllBytes(beside)).Dispose();
        }
        var leftovers = Directory.GetFileSystemEntries(Path.Combine(folder, "out")).Select(Path.GetFileName).Where(name => name!.StartsWith('.')).ToArray();
        Assert.True(leftovers.Length == 0, "temporary files left behind: " + string.Join(", ", leftovers));
        Directory.Delete(folder, recursive: true);
        return validated.ExitCode;
    }

    private static Cli.Outcome Run(params string[] args)
    {
        var run = Task.Run(() => Cli.Run(args));
        Assert.True(run.Wait(Hang), $"'{string.Join(' ', args)}' still runs after {Hang.TotalSeconds} s");
        return run.Result;
    }

    private static void Contract(Cli.Outcome outcome, bool report)
    {
        Assert.InRange(outcome.ExitCode, 0, 2);
        foreach (var text in new[] { outcome.Stdout, outcome.Stderr })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", text, StringComparison.Ordinal);
        }
        if (outcome.ExitCode == 2)
        {
            Assert.StartsWith("ogpdata: ", outcome.Stderr, StringComparison.Ordinal);
            return;
        }
        if (report)
        {
            using var parsed = JsonDocument.Parse(outcome.Stdout);
            Assert.Equal(JsonValueKind.Array, parsed.RootElement.GetProperty("files").ValueKind);
        }
        else if (outcome.ExitCode == 1)
        {
            Assert.NotEqual("", outcome.Stderr);
        }
    }

    private static void PutPrevious(string output, bool folder)
    {
        if (folder)
        {
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "releases.csv"), Sentinel);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, Sentinel);
        }
    }

    private static void AssertPrevious(string output, bool folder)
    {
        if (folder)
        {
            Assert.Equal(["releases.csv"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
            Assert.Equal(Sentinel, File.ReadAllText(Path.Combine(output, "releases.csv")));
        }
        else
        {
            Assert.Equal(Sentinel, File.ReadAllText(output));
        }
    }

    private static void AssertComplete(string output, bool folder)
    {
        if (folder)
        {
            JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "meta.json"))).Dispose();
            Assert.NotEqual(Sentinel, File.ReadAllText(Path.Combine(output, "releases.csv")));
        }
        else if (output.EndsWith(".json", StringComparison.Ordinal))
        {
            JsonDocument.Parse(File.ReadAllBytes(output)).Dispose();
        }
        else
        {
            Assert.NotEqual(Sentinel, File.ReadAllText(output));
        }
    }
}
