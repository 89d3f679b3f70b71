using OgpData.Reporting;
using OgpData.Streaming;
using OgpData.Validation;

namespace OgpData.Cli.Commands;

/// <summary><c>ogpdata detect &lt;path&gt;...</c>: what each file is, as validate would see it.</summary>
internal static class DetectCommand
{
    public const string Help = """
        Usage: ogpdata detect <path>...

        Prints, for each file (folders and globs as for validate), its kind — ogp-commitment-package,
        ocds-release-package, ocds-record-package, ocds-release, ocds-releases-jsonl, csv, json or unknown —
        then its compression and encoding when they are not plain UTF-8.

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse("detect", args, [], ["--help", "-h"]);
        if (arguments.Has("--help") || arguments.Has("-h"))
        {
            stdout.Write(Help);
            return CommandLine.Success;
        }
        if (arguments.Positional.Count == 0) throw new UsageException("detect needs at least one file or folder; run 'ogpdata detect --help'.");
        foreach (var path in InputFiles.Expand(arguments.Positional))
        {
            stdout.WriteLine($"{path}\t{await DescribeAsync(path, cancellationToken).ConfigureAwait(false)}");
        }
        return CommandLine.Success;
    }

    private static async Task<string> DescribeAsync(string path, CancellationToken cancellationToken)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return DocumentKinds.Csv;
        // A workbook is a sheet like a CSV (validate reports it so); its format is in its name.
        if (OgpData.Spreadsheets.WorkbookFormats.Of(path) is { } workbook) return $"{DocumentKinds.Csv} ({workbook.ToString().ToLowerInvariant()} workbook)";
        try
        {
            await using var detected = await InputDetector.DetectAsync(File.OpenRead(path), cancellationToken: cancellationToken).ConfigureAwait(false);
            var notes = new List<string>();
            if (detected.Compression is { } compression) notes.Add(compression);
            if (detected.Encoding != "utf-8") notes.Add(detected.Encoding);
            return detected.Kind.ToName() + (notes.Count > 0 ? "\t" + string.Join(", ", notes) : "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new InputException($"cannot read '{path}': {e.Message}", e);
        }
    }
}
