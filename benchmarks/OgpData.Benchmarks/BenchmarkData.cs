namespace OgpData.Benchmarks;

/// <summary>Finds the reference data under <c>../shared/data</c> beside the checkout (or <c>OGPDATA_SHARED_DATA</c>).</summary>
internal static class BenchmarkData
{
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OGPDATA_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (File.Exists(Path.Combine(dir.FullName, "OgpData.sln")) && Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new InvalidOperationException("../shared/data not found beside the checkout (or set OGPDATA_SHARED_DATA).");
    }
}
