using System.Text.Json;
using OgpData.Findings;
using OgpData.Schema;
using OgpData.Streaming;

namespace OgpData.OcdsValidation;

/// <summary>
/// Plugs the schema engine into OCDS validation: compiles, once per schema set (core schemas plus a
/// package's extensions), the release schema, the record schema and the package metadata schemas, and
/// validates each streamed item against the one its kind calls for. Their <c>$ref</c>s to the published
/// URLs resolve inside the set; nothing is fetched.
/// </summary>
public static class OcdsSchemaChecks
{
    // One compiled check per schema set, for as long as the set lives: a validator that reads many files with
    // the same schemas compiles the release schema once, not once per file.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OcdsSchemaSet, OcdsSchemaCheck> Compiled = new();

    // Beside each check, the same validation that only counts errors, for a result that is already full.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OcdsSchemaCheck, Func<JsonElement, OcdsItemKind, int>> Counters = new();

    /// <summary>The counting twin of a check made here: how many findings it would return, none of them built.</summary>
    internal static Func<JsonElement, OcdsItemKind, int>? CounterOf(OcdsSchemaCheck check) =>
        Counters.TryGetValue(check, out var counter) ? counter : null;

    /// <summary>The schema check for one schema set; thread-safe, as the validator calls it from every core.</summary>
    public static OcdsSchemaCheck Create(OcdsSchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        return Compiled.GetValue(schemas, Build);
    }

    private static OcdsSchemaCheck Build(OcdsSchemaSet schemas)
    {
        var registry = new SchemaRegistry();
        var options = new SchemaOptions
        {
            Registry = registry,
            DefaultDraft = SchemaDraft.Draft4,
            Resolver = uri => schemas.ResolveDocument(uri.OriginalString),
        };
        registry.Register(new Uri(schemas.ReleaseSchemaUri), schemas.ReleaseSchema);
        if (schemas.RecordPackageSchema is { } recordPackage) registry.Register(new Uri(schemas.RecordPackageSchemaUri), recordPackage);

        var release = new Lazy<CompiledSchema>(() => registry.Compile(new Uri(schemas.ReleaseSchemaUri), options));
        var record = new Lazy<CompiledSchema?>(() => schemas.RecordPackageSchema is null ? null
            : registry.Compile(new Uri(schemas.RecordPackageSchemaUri + "#/definitions/record"), options));
        var releaseMetadata = new Lazy<CompiledSchema?>(() => CompileMetadata(schemas, OcdsItemKind.ReleasePackageMetadata, options));
        var recordMetadata = new Lazy<CompiledSchema?>(() => CompileMetadata(schemas, OcdsItemKind.RecordPackageMetadata, options));

        CompiledSchema? SchemaFor(OcdsItemKind kind) => kind switch
        {
            OcdsItemKind.Release => release.Value,
            OcdsItemKind.Record => record.Value,
            OcdsItemKind.ReleasePackageMetadata => releaseMetadata.Value,
            OcdsItemKind.RecordPackageMetadata => recordMetadata.Value,
            _ => null,
        };
        var readings = new Lazy<OcdsSchemaReadings>(() => OcdsSchemaReadings.For(schemas, registry, options));

        OcdsSchemaCheck check = (item, kind) =>
        {
            if (SchemaFor(kind) is not { } schema) return [];
            var result = schema.Validate(item);
            IReadOnlyList<Finding> engine = result.IsValid ? [] : result.ToFindings();
            // Releases and records are read as lib-cove-ocds reads the OCDS schema (see OcdsSchemaReadings);
            // package metadata is plain JSON Schema.
            return kind switch
            {
                OcdsItemKind.Release => readings.Value.Refine(item, false, schemas.ReleaseFacts, engine),
                OcdsItemKind.Record => readings.Value.Refine(item, true, schemas.RecordFacts, engine),
                _ => engine,
            };
        };
        // Past the cap, findings are only counted. The readings change the count: a release's by the duplicate ids
        // the engine does not see (counted without building a finding); a record's also by the errors of a releases
        // branch in place of one oneOf, so records, far fewer, are checked in full.
        Counters.AddOrUpdate(check, (item, kind) => kind switch
        {
            OcdsItemKind.Record => check(item, kind).Count,
            OcdsItemKind.Release => release.Value.CountErrors(item) + OcdsSchemaReadings.CountDelta(item, schemas.ReleaseFacts),
            _ => SchemaFor(kind)?.CountErrors(item) ?? 0,
        });
        return check;
    }

    private static CompiledSchema? CompileMetadata(OcdsSchemaSet schemas, OcdsItemKind kind, SchemaOptions options) =>
        schemas.PackageMetadataSchema(kind) is { } metadata ? JsonSchema.Compile(metadata, null, options) : null;
}
