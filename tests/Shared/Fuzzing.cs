namespace OgpData.Testing;

/// <summary>
/// How long the property tests run. In the normal test run each property samples a small, fixed number of
/// inputs so the suite stays fast; setting CsCheck's own <c>CsCheck_Iter</c> (a count) or <c>CsCheck_Time</c>
/// (seconds) turns them into long fuzzing runs, and <c>CsCheck_Seed</c> replays a failure (see docs/fuzzing.md).
/// </summary>
internal static class Fuzzing
{
    /// <summary>The <c>iter</c> argument for CsCheck's <c>Sample</c>: <paramref name="normal"/>, unless the environment asks for more.</summary>
    public static long Iterations(long normal) =>
        IsSet("CsCheck_Iter") || IsSet("CsCheck_Time") ? -1 : normal;

    private static bool IsSet(string name) => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name));
}
