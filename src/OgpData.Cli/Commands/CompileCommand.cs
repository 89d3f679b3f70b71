using System.Text.Json;
using OgpData.Findings;
using OgpData.OcdsPublishing;
using OgpData.OcdsValidation;
using OgpData.Streaming;
using OgpData.Validation;

namespace OgpData.Cli.Commands;

/// <summary><c>ogpdata compile &lt;inputs...&gt; -o &lt;out&gt; [--package] [--versioned]</c>: releases to compiled releases or a record package.</summary>
internal static class CompileCommand
{
    internal static readonly string[] Valued =
        ["--output", "-o", "--schema", "--ocds-schema-dir", "--ocds-version", "--fail-on", "--uri", "--published-date", "--version", "--buffer-size", "--temp-dir"];
    internal static readonly string[] Flags = ["--package", "--versioned", "--pretty", "--help", "-h"];

    public const string Help = """
        Usage: ogpdata compile <inputs...> -o <out> [--package] [--versioned] [options]

        Merges the releases of each contracting process (ocid) into a compiled release, following the OCDS
        merging specification with the merge rules of the release schema in use (extensions declared by the
        packages included), as ocdskit compile and ocdsmerge do. Inputs: release packages, JSON Lines of
        releases or packages, arrays, gzip, folders; '-' reads standard input. Inputs larger than memory are
        grouped by ocid with an external sort (temporary files, bounded memory).

        Output (-o FILE, or '-' for standard output; written only when the whole input could be read):
          default        one compiled release per line (JSON Lines), ordered by ocid
          --versioned    one versioned release per line instead (with --package: both, in each record)
          --package      a record package: each record has its ocid, its releases (input order) and
                         compiledRelease (and versionedRelease with --versioned); publisher, license,
                         publicationPolicy, extensions and packages come from the input packages

        Options:
          --output FILE, -o FILE  where to write ('-' = standard output)
          --package               write a record package instead of JSON Lines
          --versioned             versioned releases (see above)
          --schema FILE           the release schema whose merge rules apply (as ocdskit's --schema);
                                  package extensions are then not applied
          --ocds-schema-dir PATH  the OCDS schemas (a folder like the standard's schema/ folder, or one
                                  holding several versions); default OGPDATA_OCDS_SCHEMA_DIR or the config
          --ocds-version V        the version whose schema applies (default: the first input's, else the newest)
          --uri URI               the record package's uri (default "")
          --published-date DATE   the record package's publishedDate (default "")
          --version V             the record package's version (default 1.1)
          --pretty                indent the output
          --buffer-size MB        memory for grouping releases before spilling to disk (default 64)
          --temp-dir DIR          where the spill files go (default the system's temporary folder)
          --fail-on LEVEL         error (default), warning or none: the lowest severity that makes exit 1

        Problems the reference merge stops at (a release without a date among several, a field that
        changes between object, array and value) are reported as MERGE0001-MERGE0005 and the merge goes on;
        see docs/ocds-compile.md.

        Exit codes: 0 compiled; 1 compiled, with findings at or above --fail-on; 2 bad usage or unusable
        input (nothing is written, an existing output is left untouched).

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (PublishingOptions.Begin("compile", args, Valued, Flags, Help, stdout, "at least one input") is not var (arguments, output)) return CommandLine.Success;
        var failOn = PublishingOptions.FailOn(arguments.Value("--fail-on"));
        var budget = (arguments.Int("--buffer-size", 1) ?? 64) * (1L << 20);
        var files = OcdsInputs.Expand(arguments.Positional);
        var schema = PublishingOptions.ReleaseSchemaSource(arguments);

        using var spool = new ReleaseSpool(budget, arguments.Value("--temp-dir"));
        var metadata = new PackageMetadata();
        var findings = new FindingPrinter(stderr);
        string? firstVersion = null;
        var firstItemInPackage = false;
        var sawItem = false;
        await foreach (var (input, path, part) in OcdsInputs.ReadAsync(files, "compile", cancellationToken).ConfigureAwait(false))
        {
            switch (part)
            {
                case StreamedItem item:
                    var utf8 = item.Utf8.Span;
                    string? ocid;
                    JsonTokenType root;
                    try
                    {
                        ocid = OcdsInputs.Ocid(utf8, out root);
                    }
                    catch (JsonException e)
                    {
                        throw new InputException($"{path}:{item.Position.Line}:{item.Position.Column}: not well-formed JSON ({item.Pointer}): {e.Message}", e);
                    }
                    if (!sawItem)
                    {
                        sawItem = true;
                        firstItemInPackage = item.ItemPointer.Contains("/releases/", StringComparison.Ordinal);
                        if (!firstItemInPackage) firstVersion = HasTopLevel(utf8, "parties"u8) ? "1.1" : "1.0";
                    }
                    if (root == JsonTokenType.Null) continue; // seen in real release packages; the reference skips it too
                    if (root != JsonTokenType.StartObject)
                    {
                        findings.Add(path, At(item, RuleIds.MergeNotAnObject, "this release is not a JSON object: it is left out."));
                        continue;
                    }
                    if (ocid is null)
                    {
                        findings.Add(path, At(item, RuleIds.MergeMissingOcid, "this release has no ocid (as a string), so it belongs to no contracting process: it is left out."));
                        continue;
                    }
                    spool.Add(ocid, utf8, new ReleaseOrigin(input, item.Pointer, item.Position.Line, item.Position.Column));
                    break;
                case PackageEnd packageEnd:
                    var version = metadata.Add(packageEnd);
                    if (firstItemInPackage && firstVersion is null) firstVersion = version;
                    break;
            }
        }

        var rules = await PublishingOptions.MergeRulesAsync(schema, arguments.Value("--ocds-version") ?? firstVersion, metadata.Extensions,
            files.Count > 0 && files[0] != "-" ? Path.GetDirectoryName(Path.GetFullPath(files[0])) : null, stderr, cancellationToken).ConfigureAwait(false);
        var merger = new OcdsMerger(rules);
        var package = arguments.Has("--package");
        var versioned = arguments.Has("--versioned");
        var outputs = package ? (versioned ? MergeOutputs.Both : MergeOutputs.Compiled) : (versioned ? MergeOutputs.Versioned : MergeOutputs.Compiled);
        var processes = 0;
        using (var outFiles = new OutputFiles(stdout))
        {
            await using (var stream = outFiles.Create(output))
            {
                using var writer = new Utf8JsonWriter(stream, PublishingOptions.WriterOptions(arguments.Has("--pretty")));
                if (package)
                {
                    metadata.WriteRecordPackageHead(writer, arguments.Value("--uri") ?? "", arguments.Value("--published-date") ?? "", arguments.Value("--version") ?? "1.1");
                    writer.WritePropertyName("records");
                    writer.WriteStartArray();
                }
                foreach (var process in spool.Processes())
                {
                    processes++;
                    var documents = new JsonDocument[process.Releases.Count];
                    try
                    {
                        var elements = new JsonElement[documents.Length];
                        for (var i = 0; i < documents.Length; i++)
                        {
                            documents[i] = JsonDocument.Parse(process.Releases[i].Utf8, new JsonDocumentOptions { MaxDepth = OcdsStreamReader.MaxDepth });
                            elements[i] = documents[i].RootElement;
                        }
                        var merged = merger.Merge(elements, outputs);
                        foreach (var problem in merged.Problems)
                        {
                            var (at, finding) = Locate(problem, process.Releases[problem.ReleaseIndex], files);
                            findings.Add(at, finding);
                        }
                        if (package)
                        {
                            writer.WriteStartObject();
                            writer.WriteString("ocid", process.Ocid);
                            writer.WritePropertyName("releases");
                            writer.WriteStartArray();
                            foreach (var release in process.Releases) Json.JsonTokenCopy.Write(writer, release.Utf8.Span);
                            writer.WriteEndArray();
                            writer.WritePropertyName("compiledRelease");
                            merged.WriteCompiledRelease(writer);
                            if (versioned)
                            {
                                writer.WritePropertyName("versionedRelease");
                                merged.WriteVersionedRelease(writer);
                            }
                            writer.WriteEndObject();
                            // A writer over a stream only writes out on Flush: without this the whole package would wait in memory.
                            if (writer.BytesPending > PublishingOptions.FlushThreshold) writer.Flush();
                        }
                        else
                        {
                            if (versioned) merged.WriteVersionedRelease(writer);
                            else merged.WriteCompiledRelease(writer);
                            writer.Flush();
                            stream.WriteByte((byte)'\n');
                            writer.Reset(stream);
                        }
                    }
                    finally
                    {
                        foreach (var document in documents) document?.Dispose();
                    }
                }
                if (package)
                {
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                    writer.Flush();
                    stream.WriteByte((byte)'\n');
                }
                writer.Flush();
            }
            outFiles.Commit();
        }
        return findings.Finish(failOn,
            $"ogpdata: compiled {spool.Count} release(s) into {processes} process(es){(spool.RunCount > 0 ? $" (grouped on disk in {spool.RunCount} run(s))" : "")}");
    }

    private static bool HasTopLevel(ReadOnlySpan<byte> release, ReadOnlySpan<byte> name)
    {
        var reader = new Utf8JsonReader(release, new JsonReaderOptions { MaxDepth = OcdsStreamReader.MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name)) return true;
            reader.Read();
            reader.Skip();
        }
        return false;
    }

    private static Finding At(StreamedItem item, string ruleId, string message) => new()
    {
        RuleId = ruleId,
        Severity = RuleCatalog.Get(ruleId).DefaultSeverity,
        Pointer = item.Pointer,
        Line = item.Position.Line,
        Column = item.Position.Column,
        Message = message,
    };

    private static (string, Finding) Locate(MergeProblem problem, SpooledRelease release, IReadOnlyList<string> files)
    {
        var start = new TextPosition(release.Origin.Line, release.Origin.Column);
        var offset = Json.JsonLocator.LocateNearest(release.Utf8.Span, problem.PointerInRelease);
        var position = start.Advance(release.Utf8.Span[..Math.Clamp(offset, 0, release.Utf8.Length)]);
        var path = files[release.Origin.Input] == "-" ? "(standard input)" : files[release.Origin.Input];
        return (path, new Finding
        {
            RuleId = problem.RuleId,
            Severity = problem.Severity,
            Pointer = release.Origin.Pointer + problem.PointerInRelease,
            Line = position.Line,
            Column = position.Column,
            Message = problem.Message,
        });
    }
}
