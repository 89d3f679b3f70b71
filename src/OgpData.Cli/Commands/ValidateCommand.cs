using System.Collections.Immutable;
using OgpData.Findings;
using OgpData.IO;
using OgpData.Reporting;
using OgpData.Validation;

namespace OgpData.Cli.Commands;

/// <summary><c>ogpdata validate &lt;path&gt;... [options]</c></summary>
internal static class ValidateCommand
{
    internal static readonly string[] Valued =
    [
        "--schema", "--ocds-schema-dir", "--ocds-schema-cache", "--ocds-schema-url", "--ocds-version", "--format", "--output", "-o",
        "--max-errors", "--fail-on", "--rules", "--max-depth", "--max-string-length", "--max-file-size",
    ];
    internal static readonly string[] Flags = ["--help", "-h", "--ocds-schema-download", "--download-extensions"];

    public const string Help = """
        Usage: ogpdata validate <path>... [options]

        Checks each file against its schema and the data-quality rules. A path is a file or a folder
        (its .json, .jsonl, .json.gz and .csv files, recursively). The kind of each file is detected:
        OGP commitment package, OCDS release package, record package, single release, JSON Lines of
        releases, CSV.

        Options:
          --schema FILE           validate every input against this JSON Schema instead
          --ocds-schema-dir PATH  the OCDS schemas: a folder like the standard's schema/ folder
                                  (release-schema.json, codelists/), a folder of such folders, one
                                  per version (1.0.3/, 1.1.5/), or a zip of either;
                                  default: $OGPDATA_OCDS_SCHEMA_DIR
          --ocds-schema-download  without --ocds-schema-dir: download the official schemas on first
                                  use (said on standard error) and keep them in the cache
          --ocds-schema-cache DIR where downloaded schemas are kept (default: ogpdata/ocds-schema
                                  in the user's local application data folder)
          --ocds-schema-url URL   download from this mirror of the standard's schema folder instead
          --ocds-version V        check OCDS data against version V (1.0 or 1.1) whatever packages
                                  declare; by default each package's "version" decides (1.0 when absent)
          --download-extensions   fetch the http(s) extensions packages list (otherwise reported
                                  as not applied); local extension paths are always read
          --format FORMAT         text (default), json, sarif, github or html
          --output FILE, -o FILE  write the report to FILE instead of standard output
          --max-errors N          list at most N findings per file (counts stay totals)
          --fail-on LEVEL         error (default), warning or none: the lowest severity that fails the run
          --rules ID=LEVEL,...    set rules' severities, e.g. OGP0009=none,OGP0001=error (none turns a rule off)
                                  and OGP0001's scores: OGP0001.threshold=0.35 (warn below), OGP0001.uncertainBelow=0.6,
                                  OGP0001.uncertain=info|none (how milestones in between are reported)
          --max-depth N           refuse objects and arrays nested deeper than N levels (default 256, at most 512)
          --max-string-length N   refuse strings longer than N characters (default 67108864)
          --max-file-size SIZE    refuse inputs larger than SIZE, e.g. 500MB or 2GB (default: 256MB for files
                                  read whole, no limit for streamed OCDS data)

        Settings can also live in ogpdata.json in the working folder (rules, failOn, maxErrors,
        ocdsSchemaDir, ocdsVersion, format, measurability); the command line wins.

        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad usage or unreadable input.

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Progress progress, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse("validate", args, Valued, Flags);
        if (arguments.Has("--help") || arguments.Has("-h"))
        {
            stdout.Write(Help);
            return CommandLine.Success;
        }
        if (arguments.Positional.Count == 0) throw new UsageException("validate needs at least one file or folder; run 'ogpdata validate --help'.");

        var config = CliConfig.Load(Directory.GetCurrentDirectory());
        var formatName = arguments.Value("--format") ?? config.Format ?? "text";
        if (!ReportWriters.TryParse(formatName, out var format))
        {
            throw new UsageException($"unknown --format '{formatName}'; use text, json, sarif, github or html.");
        }
        var failOn = ReadFailOn(arguments.Value("--fail-on") ?? config.FailOn);
        var output = arguments.Value("--output") ?? arguments.Value("-o");
        if (format == ReportFormat.Html && output is null)
        {
            throw new UsageException("--format html writes a page: give it a file with --output report.html.");
        }

        var schemaDirectory = arguments.Value("--ocds-schema-dir") ?? config.OcdsSchemaDir ?? NullIfEmpty(Environment.GetEnvironmentVariable("OGPDATA_OCDS_SCHEMA_DIR"));
        var download = arguments.Has("--ocds-schema-download");
        if (download && arguments.Value("--ocds-schema-dir") is not null)
        {
            throw new UsageException("--ocds-schema-dir and --ocds-schema-download both say where the OCDS schemas come from; give one.");
        }
        var options = new ValidationOptions
        {
            SchemaPath = arguments.Value("--schema"),
            OcdsSchemaDirectory = download ? null : schemaDirectory,
            OcdsSchemaDownload = download,
            OcdsSchemaCacheDirectory = arguments.Value("--ocds-schema-cache"),
            OcdsSchemaUrl = ReadUrl(arguments.Value("--ocds-schema-url")),
            OcdsVersion = ReadVersion(arguments.Value("--ocds-version") ?? config.OcdsVersion),
            DownloadExtensions = arguments.Has("--download-extensions"),
            MaxFindings = arguments.Int("--max-errors", 0) ?? config.MaxErrors,
            Severities = config.RulesWith(CliConfig.ParseRules(arguments.Values("--rules"))),
            Measurability = config.WithMeasurability(arguments.Values("--rules")),
            MaxDepth = ReadMaxDepth(arguments.Int("--max-depth", 1)),
            MaxStringLength = arguments.Int("--max-string-length", 0) ?? ValidationOptions.DefaultMaxStringLength,
            MaxFileSize = arguments.Size("--max-file-size"),
            Notice = message =>
            {
                progress.Clear();
                stderr.WriteLine("ogpdata: " + message);
            },
        };
        var files = InputFiles.Expand(arguments.Positional);
        ImmutableArray<FileReport> reports;
        try
        {
            reports = await ValidateAllAsync(new DocumentValidator(options), files, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            progress.Clear();
        }
        var report = new ValidationReport { ToolVersion = CommandLine.Version, Files = reports };
        WriteReport(report, format, output, stdout);
        return failOn != Severity.None && report.HighestSeverity >= failOn ? CommandLine.FindingsAtThreshold : CommandLine.Success;
    }

    /// <summary>
    /// Validates the files side by side, as many at a time as there are cores, and reports them in the order given.
    /// One big OCDS file keeps every core busy on its own (its releases are checked in parallel); a folder of small
    /// files, or of commitment packages and sheets, which are checked on one thread each, would leave cores idle one
    /// file at a time. Each file's memory stays bounded, so the peak is at most that many files'. The first file (in
    /// the order given) that cannot be read stops the run with its error, as when the files were read one by one.
    /// </summary>
    private static async Task<ImmutableArray<FileReport>> ValidateAllAsync(DocumentValidator validator, IReadOnlyList<string> files, Progress progress,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        var running = new Task<FileReport>[files.Count];
        // Task.Run: a commitment file is checked synchronously, and would otherwise run to its end before the next starts.
        for (var i = 0; i < files.Count; i++)
        {
            var index = i;
            running[i] = Task.Run(() => ValidateOneAsync(index), stop.Token);
        }
        var reports = ImmutableArray.CreateBuilder<FileReport>(files.Count);
        try
        {
            foreach (var task in running) reports.Add(await task.ConfigureAwait(false));
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(running).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }
        return reports.MoveToImmutable();

        async Task<FileReport> ValidateOneAsync(int index)
        {
            await slots.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                var file = progress.Track(DocumentValidator.OpenFile(files[index]), files[index], index + 1, files.Count);
                await using (file.ConfigureAwait(false))
                {
                    return await validator.ValidateAsync(files[index], file, stop.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                slots.Release();
            }
        }
    }

    internal static Severity ReadFailOn(string? text)
    {
        if (text is null) return Severity.Error;
        return text.ToLowerInvariant() switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "info" => Severity.Info,
            "none" => Severity.None,
            _ => throw new UsageException($"unknown --fail-on '{text}'; use error, warning or none."),
        };
    }

    private static void WriteReport(ValidationReport report, ReportFormat format, string? output, TextWriter stdout)
    {
        var writer = ReportWriters.For(format);
        if (output is not null)
        {
            try
            {
                // Written beside the destination and moved in once complete: a failed run never truncates the last report.
                AtomicFile.Write(output, file => writer.Write(report, file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"cannot write the report to '{output}': {e.Message}");
            }
            return;
        }
        using var buffer = new MemoryStream();
        writer.Write(report, buffer);
        stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        stdout.Flush();
    }

    private static Uri? ReadUrl(string? text)
    {
        if (text is null) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new UsageException($"--ocds-schema-url wants an http(s) URL of a folder holding 1__1__5/ and the like, not '{text}'.");
    }

    private static string? ReadVersion(string? text)
    {
        if (text is null) return null;
        var parts = text.Split('.');
        return parts.Length is 2 or 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            ? text
            : throw new UsageException($"--ocds-version wants a version of the standard such as 1.1 or 1.0, not '{text}'.");
    }

    private static int ReadMaxDepth(int? depth) => depth switch
    {
        null => ValidationOptions.DefaultMaxDepth,
        > ValidationOptions.MaxDepthCeiling => throw new UsageException($"--max-depth is at most {ValidationOptions.MaxDepthCeiling}, not {depth}."),
        _ => depth.Value,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
