using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OgpData.OcdsValidation;

/// <summary>
/// The versions of the OCDS schema a source offers (<c>1.0.3</c>, <c>1.1.5</c>, ...), each loaded on first use.
/// A package says which version it follows in its <c>version</c> field (<c>1.0</c> or <c>1.1</c>, and 1.0 when
/// the field is absent); <see cref="Match"/> finds the schema for it.
/// </summary>
public sealed partial class OcdsSchemaVersions
{
    /// <summary>The latest patch of each version of the standard, as the official site names its schema folders.</summary>
    public static readonly ImmutableArray<string> OfficialVersions = ["1.0.3", "1.1.5"];

    /// <summary>Where the official schema folders are published: <c>&lt;root&gt;1__1__5/release-schema.json</c>.</summary>
    public static readonly Uri OfficialRoot = new("https://standard.open-contracting.org/schema/");

    private readonly ImmutableDictionary<string, OcdsSchemaSource> _sources;
    private readonly ConcurrentDictionary<string, Lazy<Task<OcdsSchemaSet>>> _loaded = new(StringComparer.Ordinal);

    private OcdsSchemaVersions(string description, ImmutableDictionary<string, OcdsSchemaSource> sources)
    {
        Description = description;
        _sources = sources;
        Available = [.. sources.Keys.OrderBy(v => v, VersionOrder.Instance)];
    }

    /// <summary>Where the schemas come from, for messages.</summary>
    public string Description { get; }

    /// <summary>The versions on offer, oldest first (full versions such as <c>1.1.5</c> where the schema says so).</summary>
    public ImmutableArray<string> Available { get; }

    /// <summary>The newest version on offer: what data that declares no version of a package is checked against.</summary>
    public string Latest => Available[^1];

    /// <summary>
    /// The schemas of a folder or a zip. The folder (or the zip's shallowest folder) holding
    /// <c>release-schema.json</c> is one version; otherwise each of its sub-folders that holds one is a
    /// version, so a folder with <c>1.0.3/</c> and <c>1.1.5/</c> offers both. The version is read from the
    /// release schema's <c>id</c> (<c>.../1__1__5/release-schema.json</c>), else from the folder's name.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path holds no release schema.</exception>
    public static OcdsSchemaVersions FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (File.Exists(full)) return FromZip(full);
        if (!Directory.Exists(full)) throw new FileNotFoundException($"The OCDS schema folder or zip '{path}' does not exist.", path);

        var sources = ImmutableDictionary.CreateBuilder<string, OcdsSchemaSource>(StringComparer.Ordinal);
        if (File.Exists(Path.Combine(full, "release-schema.json")))
        {
            sources[VersionOf(File.ReadAllBytes(Path.Combine(full, "release-schema.json")), Path.GetFileName(full))] = OcdsSchemaSource.FromDirectory(full);
        }
        else
        {
            foreach (var folder in Directory.GetDirectories(full).Order(StringComparer.Ordinal))
            {
                var release = Path.Combine(folder, "release-schema.json");
                if (File.Exists(release)) sources.TryAdd(VersionOf(File.ReadAllBytes(release), Path.GetFileName(folder)), OcdsSchemaSource.FromDirectory(folder));
            }
        }
        if (sources.Count == 0)
        {
            throw new FileNotFoundException($"'{path}' holds no release-schema.json, neither itself nor in a version sub-folder (such as 1.1.5/).", path);
        }
        return new OcdsSchemaVersions(full, sources.ToImmutable());
    }

    private static OcdsSchemaVersions FromZip(string zipPath)
    {
        var sources = ImmutableDictionary.CreateBuilder<string, OcdsSchemaSource>(StringComparer.Ordinal);
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var releases = zip.Entries.Where(e => e.Name == "release-schema.json" && e.Length <= OcdsSchemaSource.MaxZipEntryBytes)
                .OrderBy(e => e.FullName.Count(c => c == '/')).ThenBy(e => e.FullName, StringComparer.Ordinal);
            foreach (var release in releases)
            {
                var root = release.FullName[..^release.Name.Length];
                using var stream = release.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var folder = root.TrimEnd('/');
                sources.TryAdd(VersionOf(copy.ToArray(), folder[(folder.LastIndexOf('/') + 1)..]), OcdsSchemaSource.FromZip(zipPath, root));
            }
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{zipPath}' is not a readable zip: {e.Message}", e);
        }
        if (sources.Count == 0) throw new FileNotFoundException($"The zip '{zipPath}' holds no release-schema.json.", zipPath);
        return new OcdsSchemaVersions(zipPath, sources.ToImmutable());
    }

    /// <summary>
    /// The official schemas, downloaded into <paramref name="cacheDirectory"/> (one sub-folder per version) the
    /// first time a version is needed, and read from there afterwards. Nothing is fetched unless this is chosen.
    /// </summary>
    /// <param name="root">The folder holding the versions' folders; <see cref="OfficialRoot"/> or a mirror of it.</param>
    /// <param name="cacheDirectory">Where downloaded files are kept.</param>
    /// <param name="http">The client that downloads.</param>
    /// <param name="announce">Told, once per version and before any request, what is about to be downloaded and where to.</param>
    public static OcdsSchemaVersions Download(Uri root, string cacheDirectory, HttpClient http, Action<string>? announce = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(cacheDirectory);
        ArgumentNullException.ThrowIfNull(http);
        var folder = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        var sources = ImmutableDictionary.CreateBuilder<string, OcdsSchemaSource>(StringComparer.Ordinal);
        foreach (var version in OfficialVersions)
        {
            var name = version.Replace(".", "__", StringComparison.Ordinal); // 1.1.5 -> 1__1__5, as the official site names its folders
            var cache = Path.Combine(Path.GetFullPath(cacheDirectory), name);
            var baseUri = new Uri(folder, name + "/");
            sources[version] = OcdsSchemaSource.Download(baseUri, cache, http,
                announce is null ? null : () => announce($"Downloading the OCDS {version} schema from {baseUri} into {cache}."));
        }
        return new OcdsSchemaVersions(folder.AbsoluteUri, sources.ToImmutable());
    }

    /// <summary>The default cache of downloaded schemas: <c>ogpdata/ocds-schema</c> under the user's local application data.</summary>
    public static string DefaultCacheDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ogpdata", "ocds-schema");

    /// <summary>
    /// The newest version on offer that <paramref name="requested"/> names: <c>1.1</c> matches <c>1.1.5</c> (and any
    /// other 1.1.x, the newest winning), <c>1.1.5</c> matches only itself. Null when none does.
    /// </summary>
    public string? Match(string requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var wanted = requested.Trim();
        for (var i = Available.Length - 1; i >= 0; i--)
        {
            var version = Available[i];
            if (version == wanted || version.StartsWith(wanted + ".", StringComparison.Ordinal)) return version;
        }
        return null;
    }

    /// <summary>The schema set of one of the <see cref="Available"/> versions, loaded once and shared.</summary>
    /// <exception cref="ArgumentException">The version is not on offer.</exception>
    public Task<OcdsSchemaSet> LoadAsync(string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!_sources.TryGetValue(version, out var source))
        {
            throw new ArgumentException($"The OCDS schema source {Description} does not hold version {version}; it holds {string.Join(", ", Available)}.", nameof(version));
        }
        // The load is not tied to one caller's cancellation: it is shared by every caller that asks for the version.
        return _loaded.GetOrAdd(version, _ => new Lazy<Task<OcdsSchemaSet>>(() => OcdsSchemaSet.LoadAsync(source, CancellationToken.None))).Value
            .WaitAsync(cancellationToken);
    }

    /// <summary>The version a release schema declares in its id (<c>1__1__5</c>), else the folder's name when it reads as a version.</summary>
    internal static string VersionOf(byte[] releaseSchema, string folderName)
    {
        try
        {
            using var document = JsonDocument.Parse(releaseSchema);
            foreach (var keyword in (ReadOnlySpan<string>)["id", "$id"])
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(keyword, out var id)
                    && id.ValueKind == JsonValueKind.String && VersionIn(id.GetString()!) is { } version)
                {
                    return version;
                }
            }
        }
        catch (JsonException)
        {
            // An unreadable schema is reported when the set is loaded; here only its version is wanted.
        }
        return VersionIn(folderName) ?? folderName;
    }

    /// <summary>The first <c>1__1__5</c> or <c>1.1.5</c> in a URL or a name, as <c>1.1.5</c>; null when there is none.</summary>
    internal static string? VersionIn(string text) =>
        OfficialFolder().Match(text) is { Success: true } match ? $"{match.Groups[1].Value}.{match.Groups[2].Value}.{match.Groups[3].Value}" : null;

    [GeneratedRegex(@"(\d+)(?:__|\.)(\d+)(?:__|\.)(\d+)")]
    private static partial Regex OfficialFolder();

    /// <summary>Orders <c>1.0.3</c> before <c>1.1.5</c> before <c>1.10.0</c>; names that are not versions come first.</summary>
    private sealed class VersionOrder : IComparer<string>
    {
        public static readonly VersionOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var left = Version.TryParse(x, out var a) ? a : null;
            var right = Version.TryParse(y, out var b) ? b : null;
            if (left is null || right is null) return left is null && right is null ? string.CompareOrdinal(x, y) : left is null ? -1 : 1;
            return left.CompareTo(right);
        }
    }
}
