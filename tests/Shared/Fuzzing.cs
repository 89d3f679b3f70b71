namespace OgpData.Testing;

/// <summary>
/// How long the fuzzers run. In the normal test run each property samples a small, fixed number of inputs so
/// the suite stays fast; setting CsCheck's own <c>CsCheck_Iter</c> (a count) or <c>CsCheck_Time</c> (seconds)
/// turns them into long fuzzing runs, and <c>CsCheck_Seed</c> replays a failure (see docs/fuzzing.md). The
/// mutation fuzzer of the CLI reads the same two settings, and its own seed from <c>OGPDATA_FUZZ_SEED</c>.
/// </summary>
internal static class Fuzzing
{
    /// <summary>The <c>iter</c> argument for CsCheck's <c>Sample</c>: <paramref name="normal"/>, unless the environment asks for more.</summary>
    public static long Iterations(long normal) =>
        IsSet("CsCheck_Iter") || IsSet("CsCheck_Time") ? -1 : normal;

    /// <summary>
    /// The budget of a fuzzer that draws its own cases: <paramref name="normal"/> cases from the fixed seed
    /// <paramref name="seed"/>, unless <c>CsCheck_Iter</c> gives another count, <c>CsCheck_Time</c> a number of
    /// seconds (cases are drawn until it runs out), or <c>OGPDATA_FUZZ_SEED</c> another seed.
    /// </summary>
    public static (long Cases, TimeSpan? Time, int Seed) Budget(long normal, int seed)
    {
        var cases = long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iter) && iter > 0 ? iter : normal;
        TimeSpan? time = double.TryParse(Environment.GetEnvironmentVariable("CsCheck_Time"), System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds) : null;
        if (time is not null && !IsSet("CsCheck_Iter")) cases = long.MaxValue;
        var chosen = int.TryParse(Environment.GetEnvironmentVariable("OGPDATA_FUZZ_SEED"), out var s) ? s : seed;
        return (cases, time, chosen);
    }

    private static bool IsSet(string name) => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name));
}
