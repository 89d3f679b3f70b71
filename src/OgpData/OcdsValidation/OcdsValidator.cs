using OgpData.Json;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Channels;
using OgpData.Findings;
using OgpData.OcdsValidation.Checks;
using OgpData.Streaming;

namespace OgpData.OcdsValidation;

/// <summary>
/// Validates an OCDS input as it streams: detects the kind, reads releases or records one at a time, checks
/// them on all cores, and reports findings in file order with JSON Pointers and lines and columns in the file.
/// Memory stays flat as the file grows: only the items in flight and the (ocid, id) keys are held.
/// </summary>
public static class OcdsValidator
{
    /// <summary>
    /// Every check the walker runs on each value of an item, in rule id order. The rules about the input as a whole
    /// (OCDS0001, OCDS0009, OCDS0018, OCDS0019) are the <see cref="OcdsPackageCheck"/>s each run holds.
    /// </summary>
    private static readonly OcdsCheck[] AllChecks =
    [
        new ArrayItemWithoutIdCheck(), new EmptyFieldCheck(), new OcidPrefixCheck(), new DeprecatedFieldCheck(),
        new AdditionalFieldCheck(), new ClosedCodelistCheck(), new OpenCodelistCheck(), new PeriodCheck(),
        new TimelineCheck(), new NegativeAmountCheck(), new AmountWithoutCurrencyCheck(), new UnresolvedPartyReferenceCheck(),
        new PartyWithoutRoleCheck(), new ContractAwardCheck(), new NumberOfTenderersCheck(),
    ];

    /// <summary>
    /// Validates <paramref name="input"/> (JSON, JSON Lines, gzip-compressed or not). Inputs that are not OCDS
    /// come back with their kind and no findings. A broken file gives an <see cref="RuleIds.OcdsMalformedJson"/>
    /// finding and <see cref="OcdsValidationResult.Unreadable"/>, never an exception.
    /// </summary>
    public static async Task<OcdsValidationResult> ValidateAsync(Stream input, OcdsValidationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        DetectedInput detected;
        try
        {
            detected = await InputDetector.DetectAsync(input, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            return Unreadable(DocumentKind.Unknown, null, "The input is not a readable gzip file: " + e.Message, options);
        }
        await using (detected.ConfigureAwait(false))
        {
            if (!detected.Kind.IsOcds())
            {
                if (detected.Kind == DocumentKind.Unknown) return Unreadable(DocumentKind.Unknown, detected.Compression, "The input is not JSON.", options);
                return new OcdsValidationResult { Kind = detected.Kind, Compression = detected.Compression, Records = 0, Errors = 0, Warnings = 0, Infos = 0, Findings = [] };
            }
            var run = new Run(options, detected.Kind);
            run.NoteEncoding(options.SourceEncoding ?? detected.Encoding);
            await run.ExecuteAsync(detected.Content, cancellationToken).ConfigureAwait(false);
            return run.Result(detected.Kind, detected.Compression);
        }
    }

    private static OcdsValidationResult Unreadable(DocumentKind kind, string? compression, string reason, OcdsValidationOptions options) => new()
    {
        Kind = kind, Compression = compression, Records = 0, Errors = 1, Warnings = 0, Infos = 0,
        Findings = [new MalformedInputCheck(options).WholeInput(reason)], Unreadable = reason,
    };

    /// <summary>One unit of work, numbered in file order; <paramref name="Unreadable"/> when it is the reader's last word on a broken input.</summary>
    private sealed record Work(long Sequence, StreamedPart Part, PackageSchemas? Schemas, ImmutableArray<Finding> Ready, string? Unreadable = null);

    /// <summary>
    /// A finding whose pointer is still relative to its item: it is placed in the file (pointer, line, column)
    /// only if it is kept, so a file with a million findings does not pay a million lookups.
    /// </summary>
    private readonly record struct Pending(Finding Finding, Func<string, (string Pointer, TextPosition Position)>? Locate);

    /// <summary>What a worker found for one unit.</summary>
    private sealed record Done(long Sequence, ImmutableArray<Pending> Findings, bool IsItem, UInt128? UniqueKey, string? UniqueLabel,
        StreamedItem? Item, string? KeyPointer)
    {
        /// <summary>Findings only counted (the result was already full when they were found), by severity.</summary>
        public (int Errors, int Warnings, int Infos) Counted { get; init; }

        /// <summary>Set when the input is broken at this unit: it is the last one accepted, and says why.</summary>
        public string? Unreadable { get; init; }
    }

    /// <summary>The state of one validation: the reading side, the workers, and the ordered result.</summary>
    private sealed class Run(OcdsValidationOptions options, DocumentKind kind)
    {
        private readonly CheckList _checks = new(AllChecks.Where(c => options.SeverityOf(c.RuleId) != Severity.None));
        private CheckList? _metadataChecks;
        // Checks ask for their severity at every finding, a million times on a bad file: look it up once per rule.
        private readonly Func<string, Severity> _severityOf = SeverityTable(options);
        private readonly Severity _duplicateSeverity = options.SeverityOf(RuleIds.DuplicatePropertyName);
        private readonly OcdsSchemaResolver _resolver = new(options);
        private readonly UniqueIdCheck _uniqueIds = new(options);
        private readonly ExtensionCheck _extensionCheck = new(options);
        private readonly SchemaVersionCheck _versionCheck = new(options);
        private readonly MalformedInputCheck _malformed = new(options);
        private readonly Dictionary<int, PackageState> _packages = [];
        private readonly ImmutableArray<Finding>.Builder _findings = ImmutableArray.CreateBuilder<Finding>();
        private readonly FindingBudget _budget = new();
        private readonly HashSet<string> _extensionUrls = new(StringComparer.Ordinal);
        private readonly ImmutableArray<OcdsExtension>.Builder _extensions = ImmutableArray.CreateBuilder<OcdsExtension>();
        private readonly SemaphoreSlim _credits = new(Math.Max(1, options.MaxDegreeOfParallelism) * 16);
        private long _records, _errors, _warnings, _infos;
        private string? _unreadable;
        // Set on the accepting side once a unit said the input is broken there: the reader stops, later results are dropped.
        private volatile bool _halted;

        private sealed class PackageState
        {
            public List<string?> Extensions { get; } = [];
            public PackageSchemas? Schemas { get; set; }
            public MetadataProperty? ExtensionsProperty { get; set; }
            /// <summary>The package's <c>version</c> property, when it came before the items.</summary>
            public MetadataProperty? VersionProperty { get; set; }
            /// <summary>Its value, when it is a string.</summary>
            public string? DeclaredVersion { get; set; }
        }

        private static Func<string, Severity> SeverityTable(OcdsValidationOptions options)
        {
            var table = RuleCatalog.All.Select(rule => rule.Id).Concat(options.Severities.Keys).Distinct(StringComparer.Ordinal)
                .ToFrozenDictionary(id => id, options.SeverityOf, StringComparer.Ordinal);
            return id => table.TryGetValue(id, out var severity) ? severity : options.SeverityOf(id);
        }

        /// <summary>An input that is not UTF-8 is read and checked, and said not to be valid as published (OCDS0018).</summary>
        public void NoteEncoding(string encoding)
        {
            if (_malformed.InputNotUtf8(encoding) is { } finding) Keep(new Pending(finding, null));
        }

        public async Task ExecuteAsync(Stream content, CancellationToken cancellationToken)
        {
            var workers = Math.Max(1, options.MaxDegreeOfParallelism);
            var work = Channel.CreateBounded<Work>(new BoundedChannelOptions(workers * 8) { SingleWriter = true });
            var done = Channel.CreateUnbounded<Done>(new UnboundedChannelOptions { SingleReader = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            var producer = Task.Run(() => ProduceAsync(content, work.Writer, stop.Token), stop.Token);
            var workerTasks = Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(work.Reader, done.Writer, stop.Token), stop.Token)).ToArray();
            var finished = Task.WhenAll(workerTasks).ContinueWith(t => done.Writer.TryComplete(t.Exception), TaskScheduler.Default);

            // Results come back out of order; hold the early ones until their turn. In-flight units are bounded
            // by the work channel, so this buffer is too.
            var pending = new Dictionary<long, Done>();
            long next = 0;
            try
            {
                await foreach (var result in done.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    pending[result.Sequence] = result;
                    while (pending.Remove(next, out var ready))
                    {
                        Accept(ready);
                        next++;
                    }
                }
                await producer.ConfigureAwait(false);
                await finished.ConfigureAwait(false);
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        private async Task ProduceAsync(Stream content, ChannelWriter<Work> writer, CancellationToken cancellationToken)
        {
            long sequence = 0;
            try
            {
                // Items are cut out, not tokenised: each is parsed once, by the worker that checks it.
                var settings = new OcdsStreamReader.ReadSettings(OcdsStreamReader.DefaultBufferBytes,
                    new JsonChunkLimits(options.MaxDepth, options.MaxStringLength), ValidateItems: false);
                await foreach (var part in OcdsStreamReader.ReadAsync(content, kind, settings, cancellationToken).ConfigureAwait(false))
                {
                    if (_halted) break;
                    if (!_packages.TryGetValue(part.PackageIndex, out var package)) _packages[part.PackageIndex] = package = new PackageState();
                    switch (part)
                    {
                        case MetadataProperty property:
                            if (property.Name == "extensions") ReadExtensions(property, package);
                            else if (property.Name == "version" && !property.AfterItems) (package.VersionProperty, package.DeclaredVersion) = (property, StringValue(property));
                            continue;
                        case StreamedItem or PackageEnd:
                            var (schemas, problems) = part is StreamedItem && package.Schemas is { } known
                                ? (known, ImmutableArray<Finding>.Empty)
                                : await SchemasFor(package, part, cancellationToken).ConfigureAwait(false);
                            await SendAsync(writer, new Work(sequence++, part, schemas, problems), cancellationToken).ConfigureAwait(false);
                            break;
                    }
                }
            }
            catch (UnreadableInputException e)
            {
                await SendAsync(writer, new Work(sequence++, null!, null, [MalformedInputCheck.BrokenInput(e.Message, e.Position)], e.Message), cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                var reason = "The compressed input is corrupt: " + e.Message;
                await SendAsync(writer, new Work(sequence++, null!, null, [MalformedInputCheck.BrokenInput(reason, default)], reason), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                writer.TryComplete();
            }
        }

        /// <summary>
        /// Hands a unit to the workers once fewer than <see cref="_credits"/> units are between the reader and
        /// <see cref="Accept"/>. The work channel alone does not bound them: results wait, in file order, for a slow
        /// one, and each holds its item's (pooled) bytes until accepted.
        /// </summary>
        private async ValueTask SendAsync(ChannelWriter<Work> writer, Work work, CancellationToken cancellationToken)
        {
            await _credits.WaitAsync(cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }

        private static void ReadExtensions(MetadataProperty property, PackageState package)
        {
            package.ExtensionsProperty = property;
            if (property.AfterItems || package.Schemas is not null || JsonTrees.InvalidUtf8At(property.Utf8.Span) is not null) return;
            using var document = property.Parse();
            if (document.RootElement.ValueKind != JsonValueKind.Array) return;
            foreach (var entry in document.RootElement.EnumerateArray())
                package.Extensions.Add(entry.ValueKind == JsonValueKind.String ? entry.GetString() : null);
        }

        private static string? StringValue(MetadataProperty property)
        {
            using var document = property.Parse();
            return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
        }

        /// <summary>The package's schemas, merged with its extensions the first time an item of it arrives.</summary>
        private async Task<(PackageSchemas, ImmutableArray<Finding>)> SchemasFor(PackageState package, StreamedPart part, CancellationToken cancellationToken)
        {
            var problems = ImmutableArray<Finding>.Empty;
            if (package.Schemas is null)
            {
                var core = await _resolver.CoreSchemasAsync(package.DeclaredVersion, InPackage(part), cancellationToken).ConfigureAwait(false);
                var (schemas, extensionProblems) = await _resolver.WithExtensionsAsync(core, package.Extensions, cancellationToken).ConfigureAwait(false);
                package.Schemas = schemas;
                problems = extensionProblems.Select(p => _extensionCheck.NotApplied(package.ExtensionsProperty, p)).ToImmutableArray();
                // A version given before the items is judged now, so the finding keeps its place in file order.
                if (package.VersionProperty is { } version && core is not null && _versionCheck.Check(version, package.DeclaredVersion, core) is { } early)
                    problems = problems.Add(early);
                foreach (var extension in schemas.Schemas.Extensions)
                {
                    if (_extensionUrls.Add(extension.Url)) _extensions.Add(extension);
                }
            }
            if (part is PackageEnd && package.ExtensionsProperty is { AfterItems: true } late && package.Extensions.Count == 0)
            {
                problems = problems.Add(_extensionCheck.ListedAfterItems(late));
            }
            // A version after the items is judged at the end. A package with no version at all gets no finding
            // here: it was checked as 1.0 when the source holds 1.0, and otherwise the 1.1 schema, which requires
            // 'version', already says it is missing.
            if (part is PackageEnd end && package.VersionProperty is null && end.Properties.FirstOrDefault(p => p.Name == "version") is { } lateVersion
                && _versionCheck.Check(lateVersion, StringValue(lateVersion), package.Schemas.Schemas) is { } versionFinding)
            {
                problems = problems.Add(versionFinding);
            }
            return (package.Schemas, problems);
        }

        /// <summary>An item of a package, or a package's end, as opposed to a release or record that stands alone.</summary>
        private static bool InPackage(StreamedPart part) => part is PackageEnd || (part is StreamedItem item && item.ItemPointer != item.PackagePointer);

        private async Task WorkAsync(ChannelReader<Work> reader, ChannelWriter<Done> writer, CancellationToken cancellationToken)
        {
            CheckContext? context = null;
            await foreach (var unit in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var result = unit.Part switch
                {
                    StreamedItem item => CheckItem(unit, item, context ??= new CheckContext(unit.Schemas!.Schemas, _severityOf, _budget)),
                    PackageEnd end => CheckMetadata(unit, end),
                    _ => new Done(unit.Sequence, Placed(unit.Ready).ToImmutable(), false, null, null, null, null) { Unreadable = unit.Unreadable },
                };
                await writer.WriteAsync(result, cancellationToken).ConfigureAwait(false);
            }
        }

        private static ImmutableArray<Pending>.Builder Placed(ImmutableArray<Finding> ready)
        {
            var builder = ImmutableArray.CreateBuilder<Pending>(ready.Length);
            foreach (var finding in ready) builder.Add(new Pending(finding, null));
            return builder;
        }

        private Done CheckItem(Work unit, StreamedItem item, CheckContext context)
        {
            var findings = Placed(unit.Ready);
            // System.Text.Json reads invalid UTF-8 inside strings without a word and throws when a check decodes
            // them: refuse the item first. The check is vectorised, a small fraction of the parse.
            if (JsonTrees.InvalidUtf8At(item.Utf8.Span) is { } bad)
            {
                findings.Add(new Pending(_malformed.ItemNotUtf8(item, item.PositionAt(bad)), null));
                return new Done(unit.Sequence, findings.ToImmutable(), true, null, null, item, null);
            }
            JsonDocument document;
            try
            {
                document = ParseItem(item, findings);
            }
            catch (JsonException e)
            {
                if (item.BreaksInput)
                {
                    // The reader cut this item out unparsed: broken here, the input is unreadable from here on.
                    var reason = "The input is not well-formed JSON: " + e.Message;
                    return new Done(unit.Sequence, [new Pending(MalformedInputCheck.BrokenInput(reason, item.PositionAt(JsonChunkReader.ErrorOffset(item.Utf8.Span, e))), null)],
                        false, null, null, item, null) { Unreadable = reason };
                }
                findings.Add(new Pending(_malformed.ItemNotWellFormed(item, e.Message), null));
                return new Done(unit.Sequence, findings.ToImmutable(), true, null, null, item, null);
            }
            using (document)
            {
                var root = document.RootElement;
                context.Reset(unit.Schemas!.Schemas);
                try
                {
                    ItemWalker.WalkItem(root, item.Kind, _checks, context);
                }
                catch (InvalidOperationException e)
                {
                    // System.Text.Json refuses to read a name or string escaping a lone surrogate ("\ud800"): the
                    // checks stop at it, say so, and the schema step below still runs (found by the CLI fuzzer).
                    findings.Add(new Pending(_malformed.ItemNotReadable(item, e.Message), null));
                }
                foreach (var found in context.Findings) findings.Add(new Pending(ToFinding(found), item.Locate));
                if (_budget.Exhausted && unit.Schemas.SchemaCount is { } countSchemaErrors)
                {
                    // Past the cap: the schema's findings would only be counted, so only count them.
                    var severity = options.SeverityOf(RuleIds.Schema);
                    if (severity != Severity.None) context.Skip(severity, countSchemaErrors(root, item.Kind));
                }
                else if (unit.Schemas.SchemaCheck is { } schemaCheck)
                {
                    AddSchemaFindings(findings, schemaCheck(root, item.Kind), item.Locate, context);
                }
                // Placed here, on the worker, while the result still keeps findings: the accepting thread, which alone
                // takes results in file order, then only appends them.
                if (!_budget.Exhausted) LocateAll(item, findings);
                var (key, label, keyPointer) = UniqueIdCheck.KeyOf(root, item);
                return new Done(unit.Sequence, findings.ToImmutable(), true, key, label, item, keyPointer)
                {
                    Counted = (context.CountedErrors, context.CountedWarnings, context.CountedInfos),
                };
            }
        }

        private static void LocateAll(StreamedItem item, ImmutableArray<Pending>.Builder findings)
        {
            List<string>? pointers = null;
            foreach (var pending in findings)
            {
                if (pending.Locate is not null) (pointers ??= []).Add(pending.Finding.Pointer);
            }
            if (pointers is null) return;
            var located = item.LocateAll(pointers);
            var next = 0;
            for (var i = 0; i < findings.Count; i++)
            {
                if (findings[i].Locate is null) continue;
                var (pointer, position) = located[next++];
                findings[i] = new Pending(findings[i].Finding with { Pointer = pointer, Line = position.Line, Column = position.Column }, null);
            }
        }

        private static readonly JsonDocumentOptions ItemOptions = new() { MaxDepth = 4096 };
#if NET10_0_OR_GREATER
        private static readonly JsonDocumentOptions StrictItemOptions = new() { MaxDepth = 4096, AllowDuplicateProperties = false };
#endif

        /// <summary>
        /// Parses an item, the one tokenisation of its bytes. Names given twice in an object (JSON0001) are found by the
        /// parse itself; only then is the item read again to say where. A line of JSON Lines was not scanned by the
        /// reader, so its depth and string limits are applied here, and breaking them is a finding about that line.
        /// </summary>
        private JsonDocument ParseItem(StreamedItem item, ImmutableArray<Pending>.Builder findings)
        {
            var line = kind == DocumentKind.OcdsReleasesJsonLines && !item.BreaksInput;
            var lenient = line ? new JsonDocumentOptions { MaxDepth = options.MaxDepth } : ItemOptions;
            if (line && JsonValueScanner.FindLongString(item.Utf8.Span, new JsonChunkLimits(options.MaxDepth, options.MaxStringLength)) is { } tooLong)
                throw new JsonException(tooLong.Problem);
            if (_duplicateSeverity == Severity.None) return JsonDocument.Parse(item.Utf8, lenient);
#if NET10_0_OR_GREATER
            try
            {
                return JsonDocument.Parse(item.Utf8, line ? lenient with { AllowDuplicateProperties = false } : StrictItemOptions);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // Broken, or only a repeated name: the lenient parse below tells which (and throws for the first).
                // Comparing names decodes them, which a name escaping a lone surrogate refuses (InvalidOperationException):
                // the lenient parse keeps it, and the checks then report it.
            }
#endif
            // Before .NET 10 the parser cannot refuse repeated names: they are looked for in a second reading.
            var document = JsonDocument.Parse(item.Utf8, lenient);
            foreach (var duplicate in DuplicateNames.Find(item.Utf8.Span))
            {
                var at = item.PositionAt(duplicate.Offset);
                var first = item.PositionAt(duplicate.FirstOffset);
                findings.Add(new Pending(new Finding
                {
                    RuleId = RuleIds.DuplicatePropertyName, Severity = _duplicateSeverity, Pointer = item.Pointer + duplicate.Pointer,
                    Line = at.Line, Column = at.Column, Value = duplicate.Name,
                    Message = $"The property \"{duplicate.Name}\" is given again (first at line {first.Line}, column {first.Column}); readers disagree on which value counts, and only the last is checked.",
                }, null));
            }
            return document;
        }

        private Done CheckMetadata(Work unit, PackageEnd end)
        {
            var findings = Placed(unit.Ready);
            var metadata = end.ToUtf8Json();
            if (JsonTrees.InvalidUtf8At(metadata) is not null)
            {
                findings.Add(new Pending(_malformed.MetadataNotUtf8(end), null));
                return new Done(unit.Sequence, findings.ToImmutable(), false, null, null, null, null);
            }
            using var document = JsonDocument.Parse(metadata);
            var metadataKind = MetadataKindOf(end, document.RootElement);
            var context = new CheckContext(unit.Schemas!.Schemas, _severityOf, _budget);
            ItemWalker.WalkItem(document.RootElement, metadataKind, _metadataChecks ??= new CheckList(_checks.All.Where(c => c.AppliesToMetadata)), context);
            foreach (var found in context.Findings) findings.Add(new Pending(ToFinding(found), end.LocateInMetadata));
            if (unit.Schemas.SchemaCheck is { } schemaCheck) AddSchemaFindings(findings, schemaCheck(document.RootElement, metadataKind), end.LocateInMetadata, context);
            return new Done(unit.Sequence, findings.ToImmutable(), false, null, null, null, null)
            {
                Counted = (context.CountedErrors, context.CountedWarnings, context.CountedInfos),
            };
        }

        /// <summary>
        /// The reader learns a package holds records from a <c>records</c> array; a package whose <c>records</c> is
        /// not an array (and that has no <c>releases</c>) is still a record package, checked as one.
        /// </summary>
        private static OcdsItemKind MetadataKindOf(PackageEnd end, JsonElement metadata) =>
            end.MetadataKind == OcdsItemKind.ReleasePackageMetadata && metadata.TryGetProperty("records"u8, out _) && !metadata.TryGetProperty("releases"u8, out _)
                ? OcdsItemKind.RecordPackageMetadata
                : end.MetadataKind;

        private void AddSchemaFindings(ImmutableArray<Pending>.Builder findings, IReadOnlyList<Finding> found, Func<string, (string Pointer, TextPosition Position)> locate,
            CheckContext context)
        {
            foreach (var finding in found)
            {
                var severity = options.Severities.TryGetValue(finding.RuleId, out var configured) ? configured : finding.Severity;
                if (severity == Severity.None) continue;
                // Past the cap a finding is only counted: no pending entry to carry to the reading thread.
                if (context.Skip(severity)) continue;
                findings.Add(new Pending(severity == finding.Severity ? finding : finding with { Severity = severity }, locate));
            }
        }

        private static Finding ToFinding(ItemFinding found) => new()
        {
            RuleId = found.RuleId, Severity = found.Severity, Pointer = found.Pointer, Message = found.Message, Value = found.Value,
        };

        /// <summary>Runs on the single reading thread, in file order: counts, keeps, and detects duplicates.</summary>
        private void Accept(Done result)
        {
            if (!_halted)
            {
                AcceptFindings(result);
                if (result.Unreadable is { } reason)
                {
                    _unreadable = reason;
                    _halted = true;
                }
            }
            // Everything that reads the item's bytes (its document, the locators of its findings) is done with them.
            result.Item?.ReturnLentUtf8();
            _credits.Release();
        }

        private void AcceptFindings(Done result)
        {
            if (result.IsItem) _records++;
            _errors += result.Counted.Errors;
            _warnings += result.Counted.Warnings;
            _infos += result.Counted.Infos;
            foreach (var pending in result.Findings) Keep(pending);
            if (result.UniqueKey is null) return;
            if (_uniqueIds.Accept(result.UniqueKey.Value, _records - 1, result.UniqueLabel, result.KeyPointer!) is { } duplicate) Keep(new Pending(duplicate, result.Item!.Locate));
        }

        private void Keep(Pending pending)
        {
            switch (pending.Finding.Severity)
            {
                case Severity.Error: _errors++; break;
                case Severity.Warning: _warnings++; break;
                case Severity.Info: _infos++; break;
                default: return;
            }
            if (_findings.Count >= options.MaxFindings)
            {
                _budget.Exhaust();
                return;
            }
            if (pending.Locate is not { } locate)
            {
                _findings.Add(pending.Finding);
                return;
            }
            var (pointer, position) = locate(pending.Finding.Pointer);
            _findings.Add(pending.Finding with { Pointer = pointer, Line = position.Line, Column = position.Column });
        }

        public OcdsValidationResult Result(DocumentKind documentKind, string? compression) => new()
        {
            Kind = documentKind, Compression = compression, Records = _records, Errors = _errors, Warnings = _warnings, Infos = _infos,
            Findings = _findings.ToImmutable(), Extensions = _extensions.ToImmutable(), Unreadable = _unreadable,
        };
    }
}
