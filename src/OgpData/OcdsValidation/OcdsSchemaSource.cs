using System.IO.Compression;
using OgpData.IO;

namespace OgpData.OcdsValidation;

/// <summary>
/// Where the official OCDS schemas and codelists come from: a directory, a zip of the standard, or an explicit
/// download into a local cache. Files are named as in the standard's <c>schema/</c> folder
/// (<c>release-schema.json</c>, <c>codelists/currency.csv</c>, ...).
/// </summary>
public abstract class OcdsSchemaSource
{
    /// <summary>The package and release schema files a source is expected to hold.</summary>
    public static readonly IReadOnlyList<string> SchemaFiles =
        ["release-schema.json", "release-package-schema.json", "record-package-schema.json", "versioned-release-validation-schema.json"];

    /// <summary>A short description for messages (the directory, zip or URL).</summary>
    public abstract string Description { get; }

    /// <summary>The bytes of a file of the standard's schema folder, or null when the source lacks it.</summary>
    public abstract Task<byte[]?> ReadAsync(string relativePath, CancellationToken cancellationToken = default);

    /// <summary>The codelist file names the source holds (<c>currency.csv</c>, ...).</summary>
    public abstract Task<IReadOnlyList<string>> ListCodelistsAsync(CancellationToken cancellationToken = default);

    /// <summary>A folder laid out like the standard's <c>schema/</c> folder (tests use <c>../shared/data/ocds/schema/1.1.5/</c>).</summary>
    public static OcdsSchemaSource FromDirectory(string directory) => new DirectorySource(Path.GetFullPath(directory));

    /// <summary>A zip of the standard: the folder holding <c>release-schema.json</c> is found inside it.</summary>
    public static OcdsSchemaSource FromZip(string zipPath) => new ZipSource(Path.GetFullPath(zipPath), null);

    /// <summary>A zip's folder <paramref name="root"/> (ending in <c>/</c>), for zips that hold several versions.</summary>
    internal static OcdsSchemaSource FromZip(string zipPath, string root) => new ZipSource(Path.GetFullPath(zipPath), root);

    /// <summary>No file of the standard is near this size; a zip entry above it is never inflated.</summary>
    internal const long MaxZipEntryBytes = 64L << 20;

    /// <summary>
    /// Downloads the schema files from <paramref name="baseUri"/> (for example the standard's
    /// <c>schema/1__1__5/</c> URL) into <paramref name="cacheDirectory"/> on first use, then reads them from
    /// there. Nothing is fetched unless this source is chosen: downloading is always explicit.
    /// </summary>
    public static OcdsSchemaSource Download(Uri baseUri, string cacheDirectory, HttpClient http) =>
        new DownloadSource(baseUri, Path.GetFullPath(cacheDirectory), http, null);

    /// <summary>As <see cref="Download(Uri, string, HttpClient)"/>, calling <paramref name="announce"/> once before the first request.</summary>
    internal static OcdsSchemaSource Download(Uri baseUri, string cacheDirectory, HttpClient http, Action? announce) =>
        new DownloadSource(baseUri, Path.GetFullPath(cacheDirectory), http, announce);

    private sealed class DirectorySource(string directory) : OcdsSchemaSource
    {
        public override string Description => directory;

        public override async Task<byte[]?> ReadAsync(string relativePath, CancellationToken cancellationToken = default)
        {
            var path = Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
        }

        public override Task<IReadOnlyList<string>> ListCodelistsAsync(CancellationToken cancellationToken = default)
        {
            var folder = Path.Combine(directory, "codelists");
            IReadOnlyList<string> names = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
                : [];
            return Task.FromResult(names);
        }
    }

    // A whole OCDS release (schemas, codelists, docs) inflates to a few MB; these caps stop a zip bomb long before memory runs out.
    private const long MaxZipTotalBytes = 256L << 20;

    private sealed class ZipSource(string zipPath, string? root) : OcdsSchemaSource
    {
        private readonly Lazy<Dictionary<string, byte[]>> _files = new(() => ReadZip(zipPath, root));

        public override string Description => zipPath;

        public override Task<byte[]?> ReadAsync(string relativePath, CancellationToken cancellationToken = default) =>
            Task.FromResult(_files.Value.TryGetValue(relativePath, out var bytes) ? bytes : null);

        public override Task<IReadOnlyList<string>> ListCodelistsAsync(CancellationToken cancellationToken = default)
        {
            IReadOnlyList<string> names = _files.Value.Keys.Where(k => k.StartsWith("codelists/", StringComparison.Ordinal) && k.EndsWith(".csv", StringComparison.Ordinal))
                .Select(k => k["codelists/".Length..]).Where(k => !k.Contains('/')).Order(StringComparer.Ordinal).ToList();
            return Task.FromResult(names);
        }

        private static Dictionary<string, byte[]> ReadZip(string path, string? root)
        {
            using var zip = ZipFile.OpenRead(path);
            if (root is null)
            {
                // The standard's archives nest the schema folder (e.g. standard-1.1.5/schema/); find it by its release schema.
                var release = zip.Entries.Where(e => e.Name == "release-schema.json")
                    .OrderBy(e => e.FullName.Count(c => c == '/')).FirstOrDefault()
                    ?? throw new InvalidDataException($"{path} holds no release-schema.json.");
                root = release.FullName[..^release.Name.Length];
            }
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.StartsWith(root, StringComparison.Ordinal) || entry.Name.Length == 0) continue;
                if (entry.Length > MaxZipEntryBytes) continue; // no schema file is that big; never inflate a zip bomb
                // The sizes in a zip's directory are the archive's word, not a promise: count what really inflates.
                var bytes = Inflate(entry, path, MaxZipTotalBytes - total);
                total += bytes.Length;
                files[entry.FullName[root.Length..]] = bytes;
            }
            return files;
        }

        private static byte[] Inflate(ZipArchiveEntry entry, string path, long budget)
        {
            var cap = Math.Min(MaxZipEntryBytes, budget);
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (copy.Length + read > cap)
                {
                    throw new InvalidDataException(cap < MaxZipEntryBytes
                        ? $"{path}: the schema files inflate to more than {MaxZipTotalBytes >> 20} MB in all; not a schema archive."
                        : $"{path}: '{entry.FullName}' inflates to more than {MaxZipEntryBytes >> 20} MB; not a schema file.");
                }
                copy.Write(chunk, 0, read);
            }
            return copy.ToArray();
        }
    }

    private sealed class DownloadSource(Uri baseUri, string cacheDirectory, HttpClient http, Action? announce) : OcdsSchemaSource
    {
        private int _announced;

        private static readonly IReadOnlyList<string> CoreCodelists =
        [
            "awardCriteria.csv", "awardStatus.csv", "contractStatus.csv", "currency.csv", "documentType.csv",
            "extendedProcurementCategory.csv", "initiationType.csv", "itemClassificationScheme.csv", "method.csv",
            "milestoneStatus.csv", "milestoneType.csv", "partyRole.csv", "procurementCategory.csv", "relatedProcess.csv",
            "relatedProcessScheme.csv", "releaseTag.csv", "submissionMethod.csv", "tenderStatus.csv", "unitClassificationScheme.csv",
        ];

        public override string Description => baseUri.ToString();

        public override async Task<byte[]?> ReadAsync(string relativePath, CancellationToken cancellationToken = default)
        {
            var cached = Path.Combine(cacheDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(cached)) return await File.ReadAllBytesAsync(cached, cancellationToken).ConfigureAwait(false);
            if (announce is not null && Interlocked.Exchange(ref _announced, 1) == 0) announce();
            using var response = await http.GetAsync(new Uri(baseUri, relativePath), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return null;
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            // Written beside and moved in, so a cancelled download or two runs at once never leave half a file in the cache.
            await AtomicFile.WriteAsync(cached, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), cancellationToken).ConfigureAwait(false);
            return bytes;
        }

        public override Task<IReadOnlyList<string>> ListCodelistsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(CoreCodelists);
    }
}
