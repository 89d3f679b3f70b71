using System.Collections.Frozen;

namespace OgpData.Validation;

/// <summary>
/// The project's own schemas and codelists, embedded in the library (from <c>schemas/</c> in the repository),
/// so validating a commitment package needs no file beside the program.
/// </summary>
public static class BundledSchemas
{
    private const string Prefix = "OgpData.schemas.";

    // Resource names carry the folder as MSBuild gave it ('/' or '\'); look them up with '/' everywhere.
    private static readonly FrozenDictionary<string, string> Resources =
        typeof(BundledSchemas).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[Prefix.Length..].Replace('\\', '/'), name => name, StringComparer.Ordinal);

    /// <summary>The canonical id of the commitment package schema.</summary>
    public const string CommitmentPackageSchemaId = "https://ogpdata.github.io/schemas/ogp/commitment-package.schema.json";

    /// <summary>The commitment package schema (<c>schemas/ogp/commitment-package.schema.json</c>), as UTF-8 bytes.</summary>
    public static byte[] CommitmentPackageSchema => Read("ogp/commitment-package.schema.json");

    /// <summary>The names of the bundled OGP codelists (<c>milestoneStatus</c>, <c>ogpValue</c>, ...).</summary>
    public static IEnumerable<string> CodelistNames =>
        Resources.Keys
            .Where(key => key.StartsWith("ogp/codelists/", StringComparison.Ordinal) && key.EndsWith(".csv", StringComparison.Ordinal))
            .Select(key => key["ogp/codelists/".Length..^".csv".Length])
            .Order(StringComparer.Ordinal);

    /// <summary>A bundled codelist's CSV text (<c>Code,Title,Description,Title_fr,Description_fr</c>).</summary>
    public static string CodelistText(string name) =>
        System.Text.Encoding.UTF8.GetString(Read($"ogp/codelists/{name}.csv"));

    /// <summary>A bundled file by its path under <c>schemas/</c>, with '/' separators.</summary>
    public static byte[] Read(string path)
    {
        if (!Resources.TryGetValue(path, out var name))
        {
            throw new ArgumentException($"No bundled schema file '{path}'.", nameof(path));
        }
        using var stream = typeof(BundledSchemas).Assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
