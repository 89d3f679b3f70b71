using System.Collections.Immutable;
using System.Text.Json;
using OgpData.Streaming;

namespace OgpData.OcdsValidation;

/// <summary>The schemas and the schema check for one package: one version of the standard with one distinct list of extensions.</summary>
internal sealed record PackageSchemas(OcdsSchemaSet Schemas, OcdsSchemaCheck? SchemaCheck)
{
    /// <summary>The schema check's counting twin, when it has one (the checks of <see cref="OcdsSchemaChecks"/> do).</summary>
    public Func<JsonElement, OcdsItemKind, int>? SchemaCount { get; } = SchemaCheck is null ? null : OcdsSchemaChecks.CounterOf(SchemaCheck);
}

/// <summary>
/// The one place that decides which schemas check an input: the version of the standard (the one a package
/// declares, 1.0 when it declares none, or the one the options fix) and the package's extensions merged into
/// it. <c>ogpdata validate</c> (through <see cref="Validation.DocumentValidator"/>) and a library caller of
/// <see cref="OcdsValidator"/> both resolve here.
/// </summary>
internal sealed class OcdsSchemaResolver(OcdsValidationOptions options)
{
    /// <summary>What the standard says a package without a <c>version</c> follows.</summary>
    public const string DefaultPackageVersion = "1.0";

    // Used by the single reading thread only: one merge per distinct (version, extensions).
    private readonly Dictionary<string, Task<(PackageSchemas, ImmutableArray<OcdsExtensionProblem>)>> _merged = new(StringComparer.Ordinal);

    /// <summary>
    /// The version that checks inputs declaring none (a release, JSON Lines), and every input when
    /// <paramref name="fixedVersion"/> is given: that version when the source holds it (null when it does not),
    /// otherwise the newest on offer.
    /// </summary>
    public static string? StandaloneVersion(OcdsSchemaVersions versions, string? fixedVersion) =>
        fixedVersion is null ? versions.Latest : versions.Match(fixedVersion);

    /// <summary>
    /// The core schemas for a package: the version it declares (1.0 when it declares none) when the options
    /// offer several versions and fix none; otherwise the options' own set, or the standalone version.
    /// </summary>
    public async Task<OcdsSchemaSet?> CoreSchemasAsync(string? declaredVersion, bool inPackage, CancellationToken cancellationToken)
    {
        if (options.Versions is not { } versions) return options.Schemas;
        if (options.Version is null && inPackage && versions.Match(declaredVersion ?? DefaultPackageVersion) is { } declared)
        {
            return await versions.LoadAsync(declared, cancellationToken).ConfigureAwait(false);
        }
        return options.Schemas ?? await versions.LoadAsync(StandaloneVersion(versions, options.Version) ?? versions.Latest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The core schemas with a package's extensions merged in, and the extensions that could not be applied;
    /// merged once per distinct version and list of extensions, and shared by every package that lists them.
    /// </summary>
    public Task<(PackageSchemas Schemas, ImmutableArray<OcdsExtensionProblem> Problems)> WithExtensionsAsync(OcdsSchemaSet? core, List<string?> extensions,
        CancellationToken cancellationToken)
    {
        var key = core?.Version + "\n" + string.Join('\n', extensions);
        if (!_merged.TryGetValue(key, out var task)) _merged[key] = task = MergeAsync(core, extensions, cancellationToken);
        return task;
    }

    private async Task<(PackageSchemas, ImmutableArray<OcdsExtensionProblem>)> MergeAsync(OcdsSchemaSet? core, List<string?> extensions, CancellationToken cancellationToken)
    {
        var merged = core ?? OcdsSchemaSet.Empty;
        var problems = ImmutableArray<OcdsExtensionProblem>.Empty;
        if (extensions.Count > 0 && core is not null)
        {
            (merged, problems) = await core.WithExtensionsAsync(extensions, options.Extensions, cancellationToken).ConfigureAwait(false);
        }
        // Without core schemas there is nothing to validate against: only the checks that need no schema run.
        return (new PackageSchemas(merged, core is null ? null : options.SchemaCheckFactory?.Invoke(merged)), problems);
    }
}
