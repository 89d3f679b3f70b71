using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.Conversion;
using OgpData.Csv;
using OgpData.Decp;
using OgpData.Findings;
using OgpData.IO;
using OgpData.Spreadsheets;
using OgpData.Streaming;
using OgpData.Validation;

namespace OgpData.Cli.Commands;

/// <summary><c>ogpdata convert &lt;in&gt; -o &lt;out&gt;</c>: spreadsheets to standard JSON and back.</summary>
internal static class ConvertCommand
{
    internal static readonly string[] Valued = ["--output", "-o", "--base", "--delimiter", "--ocds-schema-dir", "--from", "--ocid-prefix"];
    internal static readonly string[] Flags = ["--help", "-h"];

    public const string Help = """
        Usage: ogpdata convert <in> -o <out> [options]

        Converts between the spreadsheet and JSON forms of the same data, losing nothing:
          plan.commitments.csv  -> plan.json      a commitments sheet (one row per milestone) to a commitment package
          plan.json             -> plan.csv       a commitment package to a commitments sheet (and plan.base.json
                                                  beside it, with the package and plan metadata, for --base)
          releases.json         -> folder/        an OCDS release package to one CSV per sheet (flatten-tool layout)
          folder/               -> releases.json  the sheets back to a release package
          plan.xlsx, plan.ods   <-> plan.json     the same, with a workbook instead of the CSV (a commitments
          releases.json        <-> releases.xlsx  sheet; for OCDS one worksheet per table, the folder's layout);
                                                  the format is chosen by the file name
          decp.json --from decp -> ocds.json      French DECP (données essentielles, format 2.0 or the 1.x
                                                  consolidated lists) to an OCDS 1.1 release package, one
                                                  release per marché and per concession

        Free-text date cells ("Septembre 2019", "T1 2022", "en continu") go through the partial-date parser; the
        words are kept in startText/endText. Every problem names the row and the column.

        Options:
          --output FILE, -o FILE  where to write (a folder for an OCDS package to sheets)
          --base FILE             commitment package whose single action plan gives the package and plan
                                  metadata when reading a commitments sheet
          --delimiter CHAR        ',' (default) or ';' when writing CSV (French Excel expects ';')
          --ocds-schema-dir DIR   OCDS schemas, to type the columns of hand-made sheets
          --from decp             read the input as DECP (see docs/formats/decp-to-ocds.md)
          --ocid-prefix PREFIX    with --from decp: your registered ocid prefix (ocds-xxxxxx); the default,
                                  ocds-decpfr, is not registered. Each ocid is PREFIX-<buyer SIRET>-<DECP id>

        Exit codes: 0 converted; 1 converted with errors reported; 2 bad usage or unreadable input.

        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = Arguments.Parse("convert", args, Valued, Flags);
        if (arguments.Has("--help") || arguments.Has("-h"))
        {
            stdout.Write(Help);
            return CommandLine.Success;
        }
        if (arguments.Positional.Count != 1) throw new UsageException("convert takes one input; run 'ogpdata convert --help'.");
        var input = arguments.Positional[0];
        var output = arguments.Value("--output") ?? arguments.Value("-o")
            ?? throw new UsageException("convert needs -o <out>; run 'ogpdata convert --help'.");
        if (arguments.Value("--from") is { } from) return ConvertFrom(from, input, output, arguments.Value("--ocid-prefix"), stderr);
        if (arguments.Value("--ocid-prefix") is not null) throw new UsageException("--ocid-prefix goes with --from decp.");
        var csv = new CsvWriteOptions { Delimiter = ReadDelimiter(arguments.Value("--delimiter")) };

        CsvConversionResult result;
        if (WorkbookFormats.Of(input) is not null && File.Exists(input))
        {
            result = ConvertWorkbook(input, output, arguments.Value("--base"), arguments.Value("--ocds-schema-dir"));
        }
        else if (Directory.Exists(input))
        {
            using var json = Create(output);
            try
            {
                result = OcdsCsv.ReadFolder(input, json.Stream, new OcdsCsvOptions { ReleaseSchema = ReleaseSchema(arguments.Value("--ocds-schema-dir")), Csv = csv });
            }
            catch (JsonException e)
            {
                throw new InputException($"{input}: a JSON file of the folder (meta.json, aside.jsonl) is not well-formed: {e.Message}", e);
            }
            Commit(json);
        }
        else if (!File.Exists(input))
        {
            throw new InputException($"'{input}' does not exist.");
        }
        else if (input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var sheet = File.OpenRead(input);
            using var json = Create(output);
            result = CommitmentCsv.ReadPackage(sheet, json.Stream, new CommitmentCsvOptions { Base = ReadBase(arguments.Value("--base")), PackageSchema = CommitmentSchema(), Csv = csv });
            Commit(json);
        }
        else
        {
            result = ConvertJson(input, output, csv);
        }

        foreach (var problem in result.Problems)
        {
            stderr.WriteLine($"{input}: {problem.Severity.ToName()} {problem.RuleId}: {problem.Message}");
        }
        var written = result.Files.Length > 0 ? string.Join(", ", result.Files) : output;
        stderr.WriteLine($"ogpdata: converted {result.Records} record(s) to {written}; {result.Problems.Length} problem(s).");
        return result.Succeeded ? CommandLine.Success : CommandLine.FindingsAtThreshold;
    }

    // A workbook holds either a commitments sheet or flattened releases; its sheets say which.
    private static CsvConversionResult ConvertWorkbook(string input, string output, string? basePath, string? schemaDirectory)
    {
        if (WorkbookFormats.Of(output) is not null || output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException("a workbook converts to JSON; convert that JSON to another sheet format.");
        }
        try
        {
            if (OcdsCsv.IsReleaseWorkbook(input))
            {
                var schema = ReleaseSchema(schemaDirectory);
                using var json = Create(output);
                var releases = OcdsCsv.ReadWorkbook(input, json.Stream, new OcdsCsvOptions { ReleaseSchema = schema });
                Commit(json);
                return releases;
            }
            var options = new CommitmentCsvOptions { Base = ReadBase(basePath), PackageSchema = CommitmentSchema() };
            using var package = Create(output);
            var commitments = CommitmentCsv.ReadWorkbook(input, package.Stream, options);
            Commit(package);
            return commitments;
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{input}: {e.Message}", e);
        }
    }

    private static CsvConversionResult ConvertJson(string input, string output, CsvWriteOptions csv)
    {
        DocumentKind kind;
        using (var probe = File.OpenRead(input))
        {
            using var detected = InputDetector.DetectAsync(probe).GetAwaiter().GetResult();
            kind = detected.Kind;
        }
        try
        {
            switch (kind)
            {
                case DocumentKind.OcdsReleasePackage when WorkbookFormats.Of(output) is not null:
                    return OcdsCsv.WriteWorkbook(input, output);
                case DocumentKind.OgpCommitmentPackage when WorkbookFormats.Of(output) is not null:
                    using (var package = File.OpenRead(input))
                    using (var baseFile = Create(BasePathFor(output)))
                    {
                        var workbook = CommitmentCsv.WriteWorkbook(package, output, baseFile.Stream, new CommitmentCsvOptions());
                        Commit(baseFile);
                        return workbook;
                    }
                case DocumentKind.OcdsReleasePackage:
                    try
                    {
                        return OcdsCsv.WriteFolder(input, output, new OcdsCsvOptions { Csv = csv });
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw new InputException($"cannot write the sheets to '{output}': {e.Message}", e);
                    }
                case DocumentKind.OgpCommitmentPackage:
                    using (var package = File.OpenRead(input))
                    using (var sheet = Create(output))
                    using (var baseFile = Create(BasePathFor(output)))
                    {
                        var written = CommitmentCsv.Write(package, sheet.Stream, baseFile.Stream, new CommitmentCsvOptions { Csv = csv });
                        // The sheet and its base go in together, after both are complete.
                        Commit(sheet);
                        Commit(baseFile);
                        return written;
                    }
                default:
                    throw new InputException($"'{input}' is {kind.ToName()}; convert reads a commitment package, an OCDS release package, a commitments .csv or a folder of sheets.");
            }
        }
        catch (JsonException e)
        {
            // A package is parsed whole, so the reader's line and column are the file's; the release reader
            // parses one release at a time, and its positions are not (yet) the file's.
            var at = kind == DocumentKind.OgpCommitmentPackage && e.LineNumber is { } line ? $"{input}:{line + 1}:{e.BytePositionInLine + 1}" : input;
            throw new InputException($"{at}: not well-formed JSON: {e.Message}", e);
        }
    }

    private static int ConvertFrom(string from, string input, string output, string? ocidPrefix, TextWriter stderr)
    {
        if (!from.Equals("decp", StringComparison.OrdinalIgnoreCase)) throw new UsageException($"--from takes 'decp', not '{from}'.");
        var prefix = ocidPrefix ?? DecpConversionOptions.DefaultOcidPrefix;
        if (!IsOcidPrefix(prefix)) throw new UsageException($"--ocid-prefix must be 'ocds-' and six lower-case letters or digits, not '{prefix}'.");
        if (!File.Exists(input)) throw new InputException($"'{input}' does not exist.");
        DecpConversionResult result;
        using (var decp = File.OpenRead(input))
        using (var ocds = Create(output))
        {
            try
            {
                result = DecpToOcdsConverter.Convert(decp, ocds.Stream, new DecpConversionOptions { OcidPrefix = prefix, Indented = true });
            }
            catch (UnreadableInputException e)
            {
                throw new InputException($"{input}:{e.Position.Line}:{e.Position.Column}: {e.Message}", e);
            }
            Commit(ocds);
        }
        foreach (var finding in result.Findings)
        {
            var at = finding.Line > 0 ? $"{input}:{finding.Line}:{finding.Column}" : input;
            stderr.WriteLine($"{at}: {finding.Severity.ToName()} {finding.RuleId}: {finding.Message} ({finding.Pointer})");
        }
        var problems = result.Errors + result.Warnings + result.Infos;
        var shown = result.FindingsTruncated ? $" (the first {result.Findings.Length} shown)" : "";
        stderr.WriteLine($"ogpdata: converted {result.Releases} of {result.Entries} marché(s) and concession(s) to {output}; {problems} problem(s){shown}.");
        return result.Succeeded ? CommandLine.Success : CommandLine.FindingsAtThreshold;
    }

    private static bool IsOcidPrefix(string prefix) =>
        prefix.Length == 11 && prefix.StartsWith("ocds-", StringComparison.Ordinal)
        && prefix.AsSpan(5).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789") < 0;

    // plan.csv -> plan.base.json: the package without its commitments, which --base takes to rebuild it.
    private static string BasePathFor(string csvPath)
    {
        var folder = Path.GetDirectoryName(csvPath) ?? "";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(csvPath) + ".base.json");
    }

    private static JsonObject? ReadBase(string? path)
    {
        if (path is null) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new InputException($"--base '{path}' is not a JSON object.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read --base '{path}': {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new InputException($"--base '{path}' is not well-formed JSON: {e.Message}", e);
        }
    }

    private static JsonElement CommitmentSchema()
    {
        using var schema = JsonDocument.Parse(BundledSchemas.CommitmentPackageSchema);
        return schema.RootElement.Clone();
    }

    private static JsonElement? ReleaseSchema(string? directory)
    {
        directory ??= Environment.GetEnvironmentVariable("OGPDATA_OCDS_SCHEMA_DIR");
        if (string.IsNullOrWhiteSpace(directory)) return null;
        var path = Path.Combine(directory, "release-schema.json");
        if (!File.Exists(path)) throw new InputException($"no release-schema.json in the OCDS schema folder '{directory}'.");
        using var schema = JsonDocument.Parse(File.ReadAllBytes(path));
        return schema.RootElement.Clone();
    }

    private static char ReadDelimiter(string? text) => text switch
    {
        null or "," => ',',
        ";" => ';',
        "tab" or "\t" => '\t',
        _ => throw new UsageException($"--delimiter must be ',', ';' or tab, not '{text}'."),
    };

    // Every output goes through AtomicFile: written beside its destination and moved in only once complete,
    // so a failed conversion leaves yesterday's output as it was and no half file behind.
    private static AtomicFile Create(string path)
    {
        try
        {
            return AtomicFile.Create(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write '{path}': {e.Message}", e);
        }
    }

    private static void Commit(AtomicFile file)
    {
        try
        {
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write '{file.Path}': {e.Message}", e);
        }
    }
}
