using System.Text.Json;
using OgpData.Findings;
using OgpData.OcdsPublishing;
using OgpData.OcdsValidation;
using OgpData.Validation;

namespace OgpData.Cli.Commands;

/// <summary>What the OCDS publishing commands (compile, upgrade, package, combine, split) share: options, schema, writer, report.</summary>
internal static class PublishingOptions
{
    /// <summary>Where the merge rules come from: a release schema file, or a folder of the standard's schemas.</summary>
    internal sealed record SchemaChoice(string? ReleaseSchemaFile, string? SchemaDirectory);

    /// <summary>
    /// Parses a publishing command's arguments: prints its help (and returns null) when asked, otherwise
    /// checks that it has inputs and an output (<c>-o</c>, <c>-</c> for standard output).
    /// </summary>
    public static (Arguments Arguments, string Output)? Begin(string command, IReadOnlyList<string> args, string[] valued, string[] flags, string help, TextWriter stdout, string inputs)
    {
        var arguments = Arguments.Parse(command, args, valued, flags);
        if (arguments.Has("--help") || arguments.Has("-h"))
        {
            stdout.Write(help);
            return null;
        }
        if (arguments.Positional.Count == 0) throw new UsageException($"{command} needs {inputs}; run 'ogpdata {command} --help'.");
        var output = arguments.Value("--output") ?? arguments.Value("-o")
            ?? throw new UsageException($"{command} needs -o <out> ('-' for standard output); run 'ogpdata {command} --help'.");
        return (arguments, output);
    }

    public static Severity FailOn(string? text) => ValidateCommand.ReadFailOn(text ?? CliConfig.Load(Directory.GetCurrentDirectory()).FailOn);

    public static SchemaChoice ReleaseSchemaSource(Arguments arguments)
    {
        var file = arguments.Value("--schema");
        var directory = arguments.Value("--ocds-schema-dir");
        if (file is not null && directory is not null) throw new UsageException("--schema and --ocds-schema-dir both say which schema applies; give one.");
        if (file is not null)
        {
            if (!File.Exists(file)) throw new InputException($"the release schema '{file}' does not exist.");
            return new SchemaChoice(file, null);
        }
        directory ??= CliConfig.Load(Directory.GetCurrentDirectory()).OcdsSchemaDir;
        var fromEnvironment = Environment.GetEnvironmentVariable("OGPDATA_OCDS_SCHEMA_DIR");
        if (directory is null && !string.IsNullOrWhiteSpace(fromEnvironment)) directory = fromEnvironment;
        if (directory is null)
        {
            throw new UsageException($"{arguments.Command} needs the release schema for its merge rules: --ocds-schema-dir PATH, --schema FILE or OGPDATA_OCDS_SCHEMA_DIR.");
        }
        return new SchemaChoice(null, directory);
    }

    /// <summary>
    /// The merge rules: from the schema file as it is, or from the schema folder's version (the one asked for,
    /// else the newest) with the packages' extensions applied. An extension that cannot be read is reported on
    /// standard error and left out, as the reference does offline.
    /// </summary>
    public static async Task<MergeRules> MergeRulesAsync(SchemaChoice choice, string? version, IReadOnlyList<string> extensions, string? baseDirectory, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (choice.ReleaseSchemaFile is { } file)
        {
            try
            {
                using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
                if (extensions.Count > 0) stderr.WriteLine($"ogpdata: the input declares {extensions.Count} extension(s); with --schema they are not applied (use --ocds-schema-dir to apply them).");
                return MergeRules.FromReleaseSchema(document.RootElement.Clone());
            }
            catch (JsonException e)
            {
                throw new InputException($"the release schema '{file}' is not well-formed JSON: {e.Message}", e);
            }
        }
        OcdsSchemaVersions versions;
        try
        {
            versions = OcdsSchemaVersions.FromPath(choice.SchemaDirectory!);
        }
        catch (FileNotFoundException e)
        {
            throw new InputException(e.Message, e);
        }
        var chosen = (version is null ? null : versions.Match(version)) ?? versions.Latest;
        var schemas = await versions.LoadAsync(chosen, cancellationToken).ConfigureAwait(false);
        if (extensions.Count > 0)
        {
            var result = await schemas.WithExtensionsAsync([.. extensions], new OcdsExtensionOptions { BaseDirectory = baseDirectory }, cancellationToken).ConfigureAwait(false);
            foreach (var problem in result.Problems) stderr.WriteLine($"ogpdata: extension {problem.Url} not applied: {problem.Message}");
            schemas = result.Schemas;
        }
        return MergeRules.FromSchemaSet(schemas);
    }

    /// <summary>How much a writer over a stream may hold before it is flushed: it writes nothing out on its own.</summary>
    public const int FlushThreshold = 1 << 16;

    /// <summary>Compact (or indented) UTF-8 without escaping non-ASCII text, several root values allowed (JSON Lines).</summary>
    public static JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = indented,
        SkipValidation = true,
        MaxDepth = 4096,
    };

}

/// <summary>
/// Prints each finding of a publishing command on standard error as it is found (so memory does not grow
/// with their number), and remembers only how many there were and the worst severity.
/// </summary>
internal sealed class FindingPrinter(TextWriter stderr)
{
    private Severity _worst = Severity.None;

    public long Count { get; private set; }

    public void Add(string path, Finding finding)
    {
        var at = finding.Line > 0 ? $"{path}:{finding.Line}:{finding.Column}" : path;
        stderr.WriteLine($"{at}: {finding.Severity.ToName()} {finding.RuleId}: {finding.Message} ({finding.Pointer})");
        Count++;
        if (finding.Severity > _worst) _worst = finding.Severity;
    }

    /// <summary>Prints the summary line; the exit code for the threshold.</summary>
    public int Finish(Severity failOn, string summary)
    {
        stderr.WriteLine($"{summary}; {Count} problem(s).");
        return failOn != Severity.None && Count > 0 && _worst >= failOn ? CommandLine.FindingsAtThreshold : CommandLine.Success;
    }
}
