using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Streaming;

namespace OgpData.OcdsValidation;

/// <summary>
/// The OCDS schemas and codelists ready for validation: the release schema (with any extensions merged in),
/// the package schemas, every codelist, and a map from the schemas' absolute <c>$ref</c> URLs (http or https,
/// any version folder) to these documents, so the schema engine never fetches anything.
/// </summary>
public sealed class OcdsSchemaSet
{
    private readonly ImmutableDictionary<string, JsonElement> _documents;

    private OcdsSchemaSet(OcdsSchemaSource source, ImmutableDictionary<string, JsonElement> documents,
        ImmutableDictionary<string, ImmutableHashSet<string>> codelists, ImmutableDictionary<string, ImmutableHashSet<string>> coreCodelists,
        ImmutableArray<OcdsExtension> extensions)
    {
        Source = source;
        _documents = documents;
        Codelists = codelists;
        CoreCodelists = coreCodelists;
        Extensions = extensions;
        Version = OcdsSchemaVersions.VersionIn(ReleaseSchemaUri);
        CodeSets = codelists.ToDictionary(pair => pair.Key, pair => new HashSet<string>(pair.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var builder = new SchemaFactsBuilder(uri => ResolveDocument(uri));
        ReleaseFacts = builder.Build(ReleaseSchema, ReleaseSchemaUri);
        RecordFacts = RecordPackageSchema is { } recordPackage && recordPackage.TryGetProperty("definitions", out var definitions)
            && definitions.TryGetProperty("record", out var record)
            ? builder.Build(record, RecordPackageSchemaUri)
            : new SchemaNode();
        ReleasePackageFacts = ReleasePackageSchema is { } releasePackage ? builder.Build(releasePackage, ReleasePackageSchemaUri) : new SchemaNode();
        RecordPackageFacts = RecordPackageSchema is { } recordPackageSchema ? builder.Build(recordPackageSchema, RecordPackageSchemaUri) : new SchemaNode();
    }

    /// <summary>A set that knows no schema: the checks that need one stay quiet.</summary>
    internal static OcdsSchemaSet Empty { get; } = CreateEmpty();

    private static OcdsSchemaSet CreateEmpty()
    {
        using var document = JsonDocument.Parse("{}");
        return new OcdsSchemaSet(new NoSource(), ImmutableDictionary<string, JsonElement>.Empty.Add("release-schema.json", document.RootElement.Clone()),
            ImmutableDictionary<string, ImmutableHashSet<string>>.Empty, ImmutableDictionary<string, ImmutableHashSet<string>>.Empty, []);
    }

    private sealed class NoSource : OcdsSchemaSource
    {
        public override string Description => "(no OCDS schema)";
        public override Task<byte[]?> ReadAsync(string relativePath, CancellationToken cancellationToken = default) => Task.FromResult<byte[]?>(null);
        public override Task<IReadOnlyList<string>> ListCodelistsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<string>>([]);
    }

    /// <summary>The version of the standard the release schema belongs to (<c>1.1.5</c>), read from its id; null when it does not say.</summary>
    public string? Version { get; }

    /// <summary>Where the core schemas came from.</summary>
    public OcdsSchemaSource Source { get; }

    /// <summary>The release schema, with the extensions merged in (JSON Merge Patch).</summary>
    public JsonElement ReleaseSchema => _documents["release-schema.json"];

    /// <summary>The release package schema, or null when the source lacks it.</summary>
    public JsonElement? ReleasePackageSchema => _documents.TryGetValue("release-package-schema.json", out var schema) ? schema : null;

    /// <summary>The record package schema (the record itself is its <c>#/definitions/record</c>), or null when absent.</summary>
    public JsonElement? RecordPackageSchema => _documents.TryGetValue("record-package-schema.json", out var schema) ? schema : null;

    /// <summary>The release schema's own URL (its <c>id</c>), which the package schemas <c>$ref</c>.</summary>
    public string ReleaseSchemaUri => IdOf(ReleaseSchema, "release-schema.json");

    /// <summary>The release package schema's own URL.</summary>
    public string ReleasePackageSchemaUri => ReleasePackageSchema is { } s ? IdOf(s, "release-package-schema.json") : "release-package-schema.json";

    /// <summary>The record package schema's own URL; the record schema is this plus <c>#/definitions/record</c>.</summary>
    public string RecordPackageSchemaUri => RecordPackageSchema is { } s ? IdOf(s, "record-package-schema.json") : "record-package-schema.json";

    /// <summary>Every codelist by file name (<c>currency.csv</c>), with extension codelists applied.</summary>
    public ImmutableDictionary<string, ImmutableHashSet<string>> Codelists { get; }

    /// <summary>The codelists of the standard itself, before extensions.</summary>
    public ImmutableDictionary<string, ImmutableHashSet<string>> CoreCodelists { get; }

    /// <summary>The extensions merged into this set, in order.</summary>
    public ImmutableArray<OcdsExtension> Extensions { get; }

    /// <summary>
    /// <see cref="Codelists"/> as hash sets, for the codelist checks' lookups of every coded value (an immutable
    /// set is a tree, and cannot be searched with a span). Read-only once built, so shared by all threads.
    /// </summary>
    internal Dictionary<string, HashSet<string>> CodeSets { get; }

    internal SchemaNode ReleaseFacts { get; }
    internal SchemaNode RecordFacts { get; }
    internal SchemaNode ReleasePackageFacts { get; }
    internal SchemaNode RecordPackageFacts { get; }

    /// <summary>
    /// The document an absolute (or bare) schema URL names, matched by file name, so
    /// <c>https://standard.open-contracting.org/schema/1__1__5/release-schema.json</c> and its http twin both
    /// give the merged release schema. Null for any other URL: nothing is fetched.
    /// </summary>
    public JsonElement? ResolveDocument(string uri)
    {
        var path = uri;
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0) path = path[..hash];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) path = path[..query];
        var name = path[(path.LastIndexOf('/') + 1)..];
        return _documents.TryGetValue(name, out var document) ? document : null;
    }

    /// <summary>
    /// A package schema without its items array (<c>releases</c> or <c>records</c>) beyond "is an array" and
    /// without requiring it, to validate the package metadata that the streaming reader hands out apart from
    /// the items.
    /// </summary>
    public JsonElement? PackageMetadataSchema(OcdsItemKind metadataKind)
    {
        var (package, items) = metadataKind == OcdsItemKind.RecordPackageMetadata ? (RecordPackageSchema, "records") : (ReleasePackageSchema, "releases");
        if (package is not { } schema) return null;
        var node = JsonNode.Parse(schema.GetRawText())!.AsObject();
        // An items array is streamed apart and never reaches the metadata; a `releases` or `records` that does
        // reach it is not an array ("releases": {}), and must fail as the whole package schema would fail it.
        if (node["properties"] is JsonObject properties && properties.ContainsKey(items)) properties[items] = new JsonObject { ["type"] = "array" };
        if (node["required"] is JsonArray required)
        {
            foreach (var entry in required.Where(e => e?.GetValue<string>() == items).ToList()) required.Remove(entry);
        }
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    /// <summary>Loads the core schemas and codelists from a source. Throws when the source has no release schema.</summary>
    public static async Task<OcdsSchemaSet> LoadAsync(OcdsSchemaSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var documents = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var file in OcdsSchemaSource.SchemaFiles)
        {
            var bytes = await source.ReadAsync(file, cancellationToken).ConfigureAwait(false);
            if (bytes is null) continue;
            using var document = JsonDocument.Parse(bytes);
            documents[file] = document.RootElement.Clone();
        }
        if (!documents.ContainsKey("release-schema.json"))
            throw new FileNotFoundException($"No release-schema.json in the OCDS schema source {source.Description}.");
        var codelists = ImmutableDictionary.CreateBuilder<string, ImmutableHashSet<string>>(StringComparer.Ordinal);
        foreach (var name in await source.ListCodelistsAsync(cancellationToken).ConfigureAwait(false))
        {
            var bytes = await source.ReadAsync("codelists/" + name, cancellationToken).ConfigureAwait(false);
            if (bytes is not null && CodelistCsv.ReadCodes(bytes) is { } codes) codelists[name] = codes;
        }
        var core = codelists.ToImmutable();
        return new OcdsSchemaSet(source, documents.ToImmutable(), core, core, []);
    }

    /// <summary>
    /// This set with a package's <c>extensions</c> applied in order: each extension's
    /// <c>release-schema.json</c> merged into the release schema (JSON Merge Patch) and its codelists applied
    /// (<c>+name.csv</c> adds codes, <c>-name.csv</c> removes them, <c>name.csv</c> replaces or adds a codelist).
    /// An extension that cannot be read is reported in the result, never thrown.
    /// </summary>
    public async Task<OcdsExtensionResult> WithExtensionsAsync(IReadOnlyList<string?> extensionUrls, OcdsExtensionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extensionUrls);
        ArgumentNullException.ThrowIfNull(options);
        var release = JsonNode.Parse(ReleaseSchema.GetRawText());
        var codelists = Codelists.ToBuilder();
        var applied = ImmutableArray.CreateBuilder<OcdsExtension>();
        var problems = ImmutableArray.CreateBuilder<OcdsExtensionProblem>();
        var fetcher = new ExtensionFetcher(options);
        for (var index = 0; index < extensionUrls.Count; index++)
        {
            var url = extensionUrls[index];
            if (string.IsNullOrWhiteSpace(url)) continue;
            var extension = await fetcher.LoadAsync(index, url, cancellationToken).ConfigureAwait(false);
            problems.AddRange(extension.Problems);
            if (extension.Descriptor is null) continue;
            if (extension.ReleaseSchemaPatch is { } patch) release = JsonMergePatch.Apply(release, patch);
            foreach (var (name, codes) in extension.Codelists)
            {
                var core = name.TrimStart('+', '-');
                if (name[0] is '+' or '-')
                {
                    if (!codelists.TryGetValue(core, out var existing))
                    {
                        problems.Add(new OcdsExtensionProblem(index, url, $"codelist {name} amends {core}, which does not exist."));
                        continue;
                    }
                    codelists[core] = name[0] == '+' ? existing.Union(codes) : existing.Except(codes);
                }
                else
                {
                    codelists[name] = codes;
                }
            }
            applied.Add(new OcdsExtension(index, url, extension.Name));
        }
        var documents = _documents;
        if (applied.Count > 0)
        {
            using var merged = JsonDocument.Parse(release!.ToJsonString());
            documents = documents.SetItem("release-schema.json", merged.RootElement.Clone());
        }
        var set = applied.Count == 0 ? this : new OcdsSchemaSet(Source, documents, codelists.ToImmutable(), CoreCodelists, applied.ToImmutable());
        return new OcdsExtensionResult(set, problems.ToImmutable());
    }

    private static string IdOf(JsonElement schema, string fallback)
    {
        foreach (var keyword in (ReadOnlySpan<string>)["$id", "id"])
        {
            if (schema.TryGetProperty(keyword, out var id) && id.ValueKind == JsonValueKind.String) return id.GetString()!;
        }
        return fallback;
    }
}

/// <summary>An extension merged into a schema set: its place in the package's list, where it came from, its name.</summary>
public sealed record OcdsExtension(int Index, string Url, string? Name);

/// <summary>Why an extension (or one of its codelists) could not be applied.</summary>
public sealed record OcdsExtensionProblem(int Index, string Url, string Message);

/// <summary>The schema set with the extensions that could be applied, and what went wrong with the others.</summary>
public sealed record OcdsExtensionResult(OcdsSchemaSet Schemas, ImmutableArray<OcdsExtensionProblem> Problems);

/// <summary>How extensions are fetched. Nothing leaves the machine unless <see cref="Http"/> is given.</summary>
public sealed record OcdsExtensionOptions
{
    /// <summary>The folder of the data file: relative extension paths are read from it, and never from outside it. Null refuses local paths.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The client that downloads http(s) extensions; null (the default) means remote extensions are not fetched and are reported.</summary>
    public HttpClient? Http { get; init; }

    /// <summary>The largest extension file accepted, in bytes.</summary>
    public int MaxFileBytes { get; init; } = 8 << 20;
}
