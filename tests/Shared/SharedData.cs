namespace OgpData.Testing;

/// <summary>
/// Finds the reference data under <c>../shared/data</c> beside the checkout. The data is never copied into
/// the project; a test that needs it skips, with the reason, when it is absent.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding OgpData.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The full path of a file or folder under <c>../shared/data</c>, skipping the test when it is absent.</summary>
    public static string Require(string relativePath)
    {
        Skip.If(Root.Value is null, "../shared/data is not beside the checkout; this test reads reference data from it.");
        var path = Path.Combine(Root.Value!, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"{relativePath} is absent from ../shared/data.");
        return path;
    }

    /// <summary>The full path under <c>../shared/data</c>, or null when absent (for data-driven member data).</summary>
    public static string? TryGet(string relativePath)
    {
        if (Root.Value is null) return null;
        var path = Path.Combine(Root.Value, relativePath.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>A path in this repository, from its root.</summary>
    public static string InRepo(string relativePath) =>
        Path.Combine(RepoRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OgpData.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("OgpData.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OGPDATA_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment)) return fromEnvironment;
        var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
        return Directory.Exists(beside) ? beside : null;
    }
}
