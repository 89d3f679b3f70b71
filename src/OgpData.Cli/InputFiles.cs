namespace OgpData.Cli;

/// <summary>Turns the paths a user gave (files, folders, simple globs) into the list of files to read.</summary>
internal static class InputFiles
{
    private static readonly string[] DataExtensions = [".json", ".jsonl", ".json.gz", ".jsonl.gz", ".csv", ".xlsx", ".ods"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (path.IndexOfAny(['*', '?']) >= 0)
            {
                var matches = Glob(path);
                if (matches.Count == 0) throw new UsageException($"no file matches '{path}'.");
                files.AddRange(matches);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsDataFile)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0) throw new UsageException($"the folder '{path}' holds no .json, .jsonl, .json.gz, .csv, .xlsx or .ods file.");
                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new Validation.InputException($"'{path}' does not exist.");
            }
        }
        return files;
    }

    public static bool IsDataFile(string path) =>
        DataExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    // A glob in the file name part ("data/*.json") or "**" for any depth ("data/**/*.json").
    private static List<string> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var firstWildcard = normalized.IndexOfAny(['*', '?']);
        var slash = normalized.LastIndexOf('/', firstWildcard);
        var root = slash >= 0 ? normalized[..slash] : ".";
        var rest = slash >= 0 ? normalized[(slash + 1)..] : normalized;
        if (!Directory.Exists(root)) return [];
        var recursive = rest.Contains("**", StringComparison.Ordinal);
        var regex = new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Escape(rest).Replace(@"\*\*/", "(.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        return Directory.EnumerateFiles(root, "*", recursive || rest.Contains('/') ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(file => regex.IsMatch(Path.GetRelativePath(root, file).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
