using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using OgpData.Findings;
using OgpData.OcdsValidation;
using OgpData.Quality;
using OgpData.Reporting;
using OgpData.Schema;
using OgpData.Streaming;

namespace OgpData.Validation;

/// <summary>
/// The library's front door. Validates files the way <c>ogpdata validate</c> does: detects what each file is
/// (commitment package or sheet, OCDS package, release, record, JSON Lines, gzip, workbook), then runs its
/// schema and its quality rules, and returns one <see cref="FileReport"/> per file. Schemas are compiled once
/// per validator and shared by every file and thread. The pieces it runs are public on their own: typed
/// models through <see cref="OgpData.Serialization.OgpJson"/> and <see cref="OgpData.Serialization.OcdsJson"/>,
/// the schema engine <see cref="OgpData.Schema.JsonSchema"/>, the commitment rules
/// <see cref="OgpData.Quality.CommitmentChecker"/>, the OCDS checks <see cref="OgpData.OcdsValidation.OcdsValidator"/>.
/// </summary>
public sealed class DocumentValidator
{
    private static readonly Lazy<CompiledSchema> CommitmentSchema = new(() =>
        JsonSchema.Compile(Encoding.UTF8.GetString(BundledSchemas.CommitmentPackageSchema)));

    private readonly ValidationOptions _options;
    private readonly Lazy<CompiledSchema> _commitmentSchema;
    private readonly Lazy<CommitmentChecker> _commitmentChecker;
    private readonly Lazy<CompiledSchema?> _userSchema;
    private readonly Lazy<Task<OcdsSchemaSet>?> _ocdsSchemas;
    private readonly Lazy<OcdsSchemaVersions?> _ocdsVersions;
    private bool _ocdsSchemasFromCache;

    // One client for every download of a run: schemas and extensions. Only used when downloads are asked for.
    private static readonly Lazy<HttpClient> Http = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>A validator with these options.</summary>
    public DocumentValidator(ValidationOptions? options = null)
    {
        _options = options ?? new ValidationOptions();
        // OGP0001 with the configured thresholds; the shared default checker when none are configured.
        _commitmentChecker = new Lazy<CommitmentChecker>(() => _options.Measurability is { } measurability && measurability != OgpData.Measurability.MeasurabilityOptions.Default
            ? new CommitmentChecker(CommitmentRules.With(new OgpData.Measurability.MeasurabilityClassifier(measurability)))
            : CommitmentChecker.Default);
        if (_options.MaxDepth is < 1 or > ValidationOptions.MaxDepthCeiling)
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxDepth, $"MaxDepth must be between 1 and {ValidationOptions.MaxDepthCeiling}.");
        if (_options.MaxStringLength < 0) throw new ArgumentOutOfRangeException(nameof(options), _options.MaxStringLength, "MaxStringLength must not be negative.");
        if (_options.MaxFileSize < 0) throw new ArgumentOutOfRangeException(nameof(options), _options.MaxFileSize, "MaxFileSize must not be negative.");
        _commitmentSchema = _options.MaxDepth == SchemaOptions.Default.MaxDepth
            ? CommitmentSchema
            : new(() => JsonSchema.Compile(Encoding.UTF8.GetString(BundledSchemas.CommitmentPackageSchema), SchemaOptions.Default with { MaxDepth = _options.MaxDepth }));
        _userSchema = new(() => _options.SchemaPath is null ? null : LoadUserSchema(_options.SchemaPath));
        _ocdsVersions = new(OpenOcdsSchemaVersions);
        _ocdsSchemas = new(() => _ocdsVersions.Value is { } versions ? versions.LoadAsync(ChooseOcdsVersion(versions)) : null);
    }

    /// <summary>
    /// Validates one file. Throws <see cref="InputException"/> when the file cannot be read at all (missing,
    /// not JSON, truncated); every problem inside a readable file is a finding.
    /// </summary>
    public async Task<FileReport> ValidateFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = OpenFile(path);
        await using (file.ConfigureAwait(false))
        {
            return await ValidateAsync(path, file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens a file for reading from start to end, or throws <see cref="InputException"/> saying why it cannot be read.</summary>
    public static Stream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read '{path}': {e.Message}", e);
        }
    }

    /// <summary>Validates a document read from <paramref name="content"/>; <paramref name="displayPath"/> names it in the report.</summary>
    public async Task<FileReport> ValidateAsync(string displayPath, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (_options.MaxFileSize is { } cap && content.CanSeek && content.Length > cap) throw TooLarge(displayPath, content.Length);
        if (_options.SchemaPath is null && OgpData.Spreadsheets.WorkbookFormats.Of(displayPath) is { } workbook)
        {
            return ValidateCommitmentWorkbook(displayPath, workbook, await ReadWholeAsync(displayPath, content, cancellationToken).ConfigureAwait(false));
        }
        if (_options.SchemaPath is null && displayPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateCommitmentSheet(displayPath, await ReadWholeAsync(displayPath, content, cancellationToken).ConfigureAwait(false));
        }
        DetectedInput detected;
        try
        {
            detected = await InputDetector.DetectAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{displayPath}: not a readable gzip file ({e.Message})", e);
        }
        await using (detected.ConfigureAwait(false))
        {
            if (_userSchema.Value is { } schema)
            {
                var bytes = await ReadWholeAsync(displayPath, detected.Content, cancellationToken).ConfigureAwait(false);
                return ValidateAgainst(displayPath, bytes, schema, DocumentKinds.Json);
            }
            switch (detected.Kind)
            {
                case DocumentKind.OgpCommitmentPackage:
                    var bytes = await ReadWholeAsync(displayPath, detected.Content, cancellationToken).ConfigureAwait(false);
                    return ValidateCommitmentPackage(displayPath, bytes);
                case var kind when kind.IsOcds():
                    return await ValidateOcdsAsync(displayPath, detected, cancellationToken).ConfigureAwait(false);
                case DocumentKind.Unknown:
                    throw await NotJsonAsync(displayPath, detected.Content, cancellationToken).ConfigureAwait(false);
                default:
                    throw new InputException($"{displayPath}: a JSON document that is neither an OGP commitment package nor OCDS data; give its schema with --schema FILE.");
            }
        }
    }

    /// <summary>Validates the UTF-8 text of a commitment package: the bundled schema, then the commitment rules.</summary>
    public FileReport ValidateCommitmentPackage(string displayPath, ReadOnlyMemory<byte> utf8)
    {
        var tree = ParseText(displayPath, utf8);
        var check = CheckCommitments(displayPath, tree, "not well-formed JSON");
        using var document = ParseJson(displayPath, utf8);
        var findings = new List<Finding>(_commitmentSchema.Value.Validate(document.RootElement).ToFindings(utf8.Span));
        findings.AddRange(check.Findings);
        AddDuplicateMembers(findings, tree);
        return Report(displayPath, DocumentKinds.OgpCommitmentPackage, findings, CountCommitments(tree)) with
        {
            Checks = [CheckOutcome.Done(CheckNames.Schema, "the commitment-package schema bundled with ogpdata"), CommitmentRulesRan, DuplicatePropertiesRan],
        };
    }

    /// <summary>
    /// Checks a commitments sheet (one row per milestone, flatten-tool headers) with the commitment rules; each
    /// finding's line and column are those of the cell in the sheet. UTF-8 (with or without BOM) or Windows-1252.
    /// </summary>
    public FileReport ValidateCommitmentSheet(string displayPath, byte[] content)
    {
        using var seekable = new MemoryStream(content, writable: false);
        var text = OgpData.Csv.CsvEncoding.Detect(seekable).GetString(content);
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length));
        if (firstLine.Contains("ocid", StringComparison.Ordinal))
        {
            throw new InputException($"{displayPath}: a flattened OCDS sheet; turn its folder back into JSON with 'ogpdata convert <folder> -o releases.json', then validate that.");
        }
        var sheet = OgpData.Text.CommitmentSheetReader.Read(text);
        var check = CheckCommitments(displayPath, sheet, "not a commitments sheet");
        return Report(displayPath, DocumentKinds.Csv, check.Findings, CountCommitments(sheet)) with
        {
            Checks =
            [
                CheckOutcome.Skipped(CheckNames.Schema, "a sheet is checked with the commitment rules; convert it with 'ogpdata convert' and validate the JSON to check the commitment-package schema"),
                CommitmentRulesRan,
            ],
        };
    }

    /// <summary>
    /// Checks the commitments sheet of a workbook (<c>.xlsx</c> or <c>.ods</c>: the sheet named <c>commitments</c>,
    /// else the first) with the commitment rules, as <see cref="ValidateCommitmentSheet"/> checks a CSV. Each finding
    /// names its cell (<c>commitments!C4: ...</c>); its line and column are the cell's row and column number.
    /// Formulas are read by their saved value and reported (CSV0011).
    /// </summary>
    public FileReport ValidateCommitmentWorkbook(string displayPath, OgpData.Spreadsheets.WorkbookFormat format, byte[] content)
    {
        var problems = new List<OgpData.Csv.CsvProblem>();
        OgpData.Spreadsheets.WorkbookSheetText sheet;
        try
        {
            sheet = OgpData.Spreadsheets.WorkbookSheetText.Read(new MemoryStream(content, writable: false), format, problems);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{displayPath}: {e.Message}", e);
        }
        if (Array.IndexOf(sheet.Headers, "ocid") >= 0)
        {
            throw new InputException($"{displayPath}: a flattened OCDS workbook; turn it back into JSON with 'ogpdata convert {Path.GetFileName(displayPath)} -o releases.json', then validate that.");
        }
        var tree = OgpData.Text.CommitmentSheetReader.Read(sheet.Text);
        var check = CheckCommitments(displayPath, tree, "not a commitments sheet");
        var findings = new List<Finding>();
        foreach (var problem in problems) findings.Add(problem.ToFinding());
        foreach (var finding in check.Findings)
        {
            if (sheet.CellAt(finding.Line, finding.Column) is not var (row, column))
            {
                findings.Add(finding);
                continue;
            }
            var cell = OgpData.Csv.CsvProblem.CellAddress(sheet.Sheet, row, column);
            findings.Add(finding with { Line = row, Column = column, Span = null, Message = $"{cell}: {finding.Message}" });
        }
        return Report(displayPath, DocumentKinds.Csv, findings, CountCommitments(tree));
    }

    // The commitment rules on a package read as a text tree (from JSON or from a sheet); unreadable text is exit 2.
    private CommitmentCheckResult CheckCommitments(string displayPath, OgpData.Text.JsonTextDocument tree, string whatItIsNot)
    {
        if (tree.Error is { } error) throw Unreadable(displayPath, error, whatItIsNot);
        return _commitmentChecker.Value.Run(tree, new CommitmentRuleOptions { Severities = _options.Severities });
    }

    private FileReport ValidateAgainst(string displayPath, ReadOnlyMemory<byte> utf8, CompiledSchema schema, string kind)
    {
        // The text tree gives the limits, the positions of a syntax error and the duplicate names; the schema
        // runs on the JsonDocument.
        var tree = ParseText(displayPath, utf8);
        if (tree.Error is { } error) throw Unreadable(displayPath, error, "not well-formed JSON");
        using var document = ParseJson(displayPath, utf8);
        var findings = new List<Finding>(schema.Validate(document.RootElement).ToFindings(utf8.Span));
        AddDuplicateMembers(findings, tree);
        return Report(displayPath, kind, findings, 1) with
        {
            Checks =
            [
                CheckOutcome.Done(CheckNames.Schema, "the schema " + _options.SchemaPath),
                CheckOutcome.Skipped(CheckNames.Rules, "--schema checks the schema only"),
                DuplicatePropertiesRan,
            ],
        };
    }

    private static readonly CheckOutcome CommitmentRulesRan = CheckOutcome.Done(CheckNames.Rules, "the commitment rules OGP0001–OGP0011");
    private static readonly CheckOutcome DuplicatePropertiesRan = CheckOutcome.Done(CheckNames.DuplicateProperties, "JSON0001");

    private OgpData.Text.JsonTextDocument ParseText(string displayPath, ReadOnlyMemory<byte> utf8) =>
        OgpData.Text.JsonTextParser.Parse(DecodeUtf8(displayPath, utf8.Span), _options.MaxDepth, _options.MaxStringLength);

    // One finding per repeated name, at the repeat, naming the line of the first.
    private static void AddDuplicateMembers(List<Finding> findings, OgpData.Text.JsonTextDocument tree)
    {
        foreach (var member in tree.DuplicateMembers)
        {
            var first = member.Parent!.Children.First(m => m.Name == member.Name);
            var at = tree.GetPosition(member.NameSpan!.Value.Start);
            var firstAt = tree.GetPosition(first.NameSpan!.Value.Start);
            findings.Add(new Finding
            {
                RuleId = RuleIds.DuplicatePropertyName,
                Severity = RuleCatalog.Get(RuleIds.DuplicatePropertyName).DefaultSeverity,
                Pointer = member.Pointer,
                Line = at.Line,
                Column = at.Column,
                Message = $"The property \"{member.Name}\" is given again (first at line {firstAt.Line}, column {firstAt.Column}); readers disagree on which value counts, and only the last is checked.",
                Value = member.Name,
            });
        }
    }

    // Unreadable text: a syntax error, or a limit exceeded (then the message names the limit and how to raise it).
    private static InputException Unreadable(string displayPath, OgpData.Text.JsonTextError error, string whatItIsNot)
    {
        var where = $"{displayPath}:{error.Line}:{error.Column}";
        return error.Limit switch
        {
            OgpData.Text.JsonTextLimit.Depth => new InputException($"{where}: {error.Message}, the maximum depth; raise it with --max-depth N (ValidationOptions.MaxDepth)."),
            OgpData.Text.JsonTextLimit.StringLength => new InputException($"{where}: {error.Message}, the maximum string length; raise it with --max-string-length N (ValidationOptions.MaxStringLength)."),
            _ => new InputException($"{where}: {whatItIsNot}: {error.Message}"),
        };
    }

    private async Task<FileReport> ValidateOcdsAsync(string displayPath, DetectedInput detected, CancellationToken cancellationToken)
    {
        var options = new OcdsValidationOptions
        {
            Schemas = _ocdsSchemas.Value is { } loading ? await LoadingOcdsSchemas(loading).ConfigureAwait(false) : null,
            Versions = _ocdsVersions.Value,
            Version = _options.OcdsVersion,
            Extensions = new OcdsExtensionOptions
            {
                BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(displayPath)),
                Http = _options.DownloadExtensions ? Http.Value : null,
            },
            MaxFindings = _options.MaxFindings ?? int.MaxValue,
            Severities = _options.Severities,
            SourceEncoding = detected.Encoding,
            MaxDepth = _options.MaxDepth,
            MaxStringLength = _options.MaxStringLength,
        };
        var result = await OcdsValidator.ValidateAsync(detected.Content, options, cancellationToken).ConfigureAwait(false);
        if (result.Unreadable is { } reason)
        {
            // The finding that stopped the reading holds the position of the cut.
            var stop = result.Findings.FirstOrDefault(f => f.RuleId == RuleIds.OcdsMalformedJson && f.Message == reason);
            var where = stop is { Line: > 0 } ? $":{stop.Line}:{stop.Column}" : "";
            if (reason.Contains("maximum configured depth", StringComparison.Ordinal))
                throw new InputException($"{displayPath}{where}: objects and arrays are nested deeper than {_options.MaxDepth} levels, the maximum depth; raise it with --max-depth N (ValidationOptions.MaxDepth).");
            throw new InputException($"{displayPath}{where}: {FirstSentence(reason)}");
        }
        var counts = new FindingCounts { Errors = result.Errors, Warnings = result.Warnings, Infos = result.Infos, Records = result.Records };
        var findings = result.Findings;
        var rulesRan = CheckOutcome.Done(CheckNames.Rules, "the OCDS checks that need no schema: ids, ocid prefixes, empty fields, periods, timeline, amounts, party references");
        ImmutableArray<CheckOutcome> checks;
        if (_ocdsVersions.Value is { } versions)
        {
            var source = _ocdsSchemasFromCache ? $"the OCDS schemas downloaded earlier into {versions.Description} (used without downloading)" : "the OCDS schemas from " + versions.Description;
            checks = [CheckOutcome.Done(CheckNames.Schema, source), CheckOutcome.Done(CheckNames.SchemaRules, "codelists, deprecated and additional fields, extensions, from " + versions.Description), rulesRan];
        }
        else
        {
            const string noSource = "no OCDS schema source; give --ocds-schema-dir DIR (or OGPDATA_OCDS_SCHEMA_DIR) or --ocds-schema-download";
            checks = [CheckOutcome.Skipped(CheckNames.Schema, noSource), CheckOutcome.Skipped(CheckNames.SchemaRules, noSource), rulesRan];
            (counts, findings) = WithSchemaNotChecked(counts, findings);
        }
        return new FileReport { Path = displayPath, Kind = result.Kind.ToName(), Counts = counts, Findings = findings, Checks = checks };
    }

    // OCDS0020, first in the list: a file whose schema was never read must not look validated.
    private (FindingCounts, ImmutableArray<Finding>) WithSchemaNotChecked(FindingCounts counts, ImmutableArray<Finding> findings)
    {
        var severity = _options.SeverityOf(RuleIds.OcdsSchemaNotChecked, RuleCatalog.Get(RuleIds.OcdsSchemaNotChecked).DefaultSeverity);
        if (severity == Severity.None) return (counts, findings);
        var finding = new Finding
        {
            RuleId = RuleIds.OcdsSchemaNotChecked,
            Severity = severity,
            Pointer = "",
            Message = "The OCDS schema, codelists and deprecated and additional fields were not checked: no schema source was given. "
                + "Give --ocds-schema-dir DIR (the standard's schema folder, a folder of versions or a zip) or --ocds-schema-download.",
        };
        counts = severity switch
        {
            Severity.Error => counts with { Errors = counts.Errors + 1 },
            Severity.Warning => counts with { Warnings = counts.Warnings + 1 },
            _ => counts with { Infos = counts.Infos + 1 },
        };
        // The cap on listed findings holds: the reminder takes the place of the last one listed.
        var listed = _options.MaxFindings is { } max && findings.Length >= max && max > 0 ? findings.RemoveAt(findings.Length - 1) : findings;
        return (counts, _options.MaxFindings is 0 ? listed : listed.Insert(0, finding));
    }

    // Applies the configured severities (dropping rules turned off), sorts by position and caps the list.
    private FileReport Report(string displayPath, string kind, IEnumerable<Finding> findings, long records)
    {
        var kept = new List<Finding>();
        foreach (var finding in findings)
        {
            var severity = _options.SeverityOf(finding.RuleId, finding.Severity);
            if (severity == Severity.None) continue;
            kept.Add(severity == finding.Severity ? finding : finding with { Severity = severity });
        }
        kept.Sort(static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line)
            : a.Column != b.Column ? a.Column.CompareTo(b.Column)
            : string.CompareOrdinal(a.RuleId, b.RuleId));
        var counts = FindingCounts.Of(kept, records);
        var listed = _options.MaxFindings is { } max && kept.Count > max ? kept.GetRange(0, max) : kept;
        return new FileReport { Path = displayPath, Kind = kind, Counts = counts, Findings = [.. listed] };
    }

    private static long CountCommitments(OgpData.Text.JsonTextDocument tree)
    {
        long count = 0;
        if (tree.Root?["actionPlans"] is { IsArray: true } plans)
        {
            foreach (var plan in plans.Children)
            {
                if (plan["commitments"] is { IsArray: true } commitments) count += commitments.Count;
            }
        }
        return count;
    }

    private CompiledSchema LoadUserSchema(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the schema '{path}': {e.Message}", e);
        }
        using var document = ParseJson(path, bytes);
        try
        {
            return JsonSchema.Compile(document.RootElement.Clone(), new Uri(Path.GetFullPath(path)), SchemaOptions.Default with { MaxDepth = _options.MaxDepth });
        }
        catch (SchemaCompileException e)
        {
            throw new InputException($"the schema '{path}' cannot be used: {e.Message}", e);
        }
    }

    private OcdsSchemaVersions? OpenOcdsSchemaVersions()
    {
        if (_options.OcdsSchemaDirectory is { } path)
        {
            try
            {
                return OcdsSchemaVersions.FromPath(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                throw new InputException($"the OCDS schemas cannot be read: {e.Message}", e);
            }
        }
        if (!_options.OcdsSchemaDownload) return CachedOcdsSchemaVersions();
        return OcdsSchemaVersions.Download(_options.OcdsSchemaUrl ?? OcdsSchemaVersions.OfficialRoot,
            _options.OcdsSchemaCacheDirectory ?? OcdsSchemaVersions.DefaultCacheDirectory, Http.Value, _options.Notice);
    }

    // Schemas an earlier --ocds-schema-download left in the cache are used without asking (nothing is fetched),
    // and the notice says so; the file reports' checks say where the schemas came from.
    private OcdsSchemaVersions? CachedOcdsSchemaVersions()
    {
        var cache = _options.OcdsSchemaCacheDirectory ?? OcdsSchemaVersions.DefaultCacheDirectory;
        if (!Directory.Exists(cache)) return null;
        OcdsSchemaVersions cached;
        try
        {
            cached = OcdsSchemaVersions.FromPath(cache);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null; // an empty or broken cache is no schema source: the reports say the schema was not checked
        }
        _ocdsSchemasFromCache = true;
        _options.Notice?.Invoke($"Using the OCDS {string.Join(" and ", cached.Available)} schemas downloaded earlier into {cache}; nothing is downloaded.");
        return cached;
    }

    /// <summary>
    /// The version used for inputs that declare none, as <see cref="OcdsSchemaResolver"/> chooses it (the one asked
    /// for, else the newest on offer); a version asked for that the source does not hold is bad usage.
    /// </summary>
    private string ChooseOcdsVersion(OcdsSchemaVersions versions) =>
        OcdsSchemaResolver.StandaloneVersion(versions, _options.OcdsVersion)
            ?? throw new InputException($"the OCDS schemas in {versions.Description} hold {string.Join(", ", versions.Available)}, not {_options.OcdsVersion}; give a source that holds it, or another --ocds-version.");

    private static async Task<OcdsSchemaSet> LoadingOcdsSchemas(Task<OcdsSchemaSet> loading)
    {
        try
        {
            return await loading.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or JsonException or HttpRequestException or TaskCanceledException)
        {
            throw new InputException($"the OCDS schemas cannot be loaded: {e.Message}", e);
        }
    }

    private JsonDocument ParseJson(string displayPath, ReadOnlyMemory<byte> utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = _options.MaxDepth });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $":{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new InputException($"{displayPath}{where}: not well-formed JSON: {FirstSentence(e.Message)}", e);
        }
    }

    private static string DecodeUtf8(string displayPath, ReadOnlySpan<byte> utf8)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException($"{displayPath}: not valid UTF-8 at byte {e.Index}; save the file as UTF-8.", e);
        }
    }

    // Reads an input that is processed whole, up to the size cap: a gzip bomb stops at the cap, not at the memory's end.
    private async Task<byte[]> ReadWholeAsync(string displayPath, Stream stream, CancellationToken cancellationToken)
    {
        var cap = _options.WholeFileCap;
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            if (buffer.Length + read > cap) throw TooLarge(displayPath, null);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private InputException TooLarge(string displayPath, long? size)
    {
        var cap = _options.MaxFileSize ?? ValidationOptions.DefaultMaxWholeFileSize;
        var actual = size is { } bytes ? $" ({bytes:N0} bytes)" : "";
        return new InputException($"{displayPath}: larger than {cap:N0} bytes{actual}, the maximum file size; raise it with --max-file-size SIZE (ValidationOptions.MaxFileSize).");
    }

    // Why an input the detector could not read as JSON is not JSON: empty, too deep, or a syntax error at a place.
    private async Task<InputException> NotJsonAsync(string displayPath, Stream content, CancellationToken cancellationToken)
    {
        var head = new byte[InputDetector.DefaultPeekBytes];
        var length = 0;
        while (length < head.Length)
        {
            var read = await content.ReadAsync(head.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
        }
        if (head.AsSpan(0, length).Trim(" \t\r\n"u8).IsEmpty) return new InputException($"{displayPath}: the file is empty; a JSON document or a CSV sheet was expected.");
        return DiagnoseJson(displayPath, head.AsSpan(0, length), isWhole: length < head.Length, _options.MaxDepth)
            ?? new InputException($"{displayPath}: not JSON (nor gzip-compressed JSON); check the file, or its extension if it is a spreadsheet.");
    }

    private static InputException? DiagnoseJson(string displayPath, ReadOnlySpan<byte> utf8, bool isWhole, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, isWhole, new JsonReaderState(new JsonReaderOptions { MaxDepth = maxDepth }));
        try
        {
            while (reader.Read())
            {
            }
            return null;
        }
        catch (JsonException e)
        {
            var where = $"{displayPath}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}";
            // The reader stops on the bracket that would open one level too many.
            return reader.CurrentDepth >= maxDepth - 1
                ? new InputException($"{where}: objects and arrays are nested deeper than {maxDepth} levels, the maximum depth; raise it with --max-depth N (ValidationOptions.MaxDepth).", e)
                : new InputException($"{where}: not well-formed JSON: {FirstSentence(e.Message)}", e);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).Trim();
    }
}
