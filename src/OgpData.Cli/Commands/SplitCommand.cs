using System.Text.Json;
using OgpData.Streaming;

namespace OgpData.Cli.Commands;

/// <summary><c>ogpdata split &lt;package&gt; -o &lt;folder&gt; --size N</c>: a release package into packages of N releases, as ocdskit split-release-packages.</summary>
internal static class SplitCommand
{
    internal static readonly string[] Valued = ["--output", "-o", "--size"];
    internal static readonly string[] Flags = ["--pretty", "--help", "-h"];

    public const string Help = """
        Usage: ogpdata split <package> -o <folder> --size N

        Splits release packages (a file, JSON Lines of packages, gzip; '-' reads standard input) into packages
        of at most N releases, each keeping its package's metadata in place, as ocdskit
        split-release-packages. One package is held in memory at a time.

        Output:
          -o FOLDER        one file per package: <input name>-1.json, <input name>-2.json, ...
          -o FILE.jsonl    the packages one per line (as ocdskit prints them); '-' = standard output

        Options:
          --output PATH, -o PATH  where to write (see above)
          --size N                the most releases per package (required)
          --pretty                indent the output

        Exit codes: 0 written; 2 bad usage or unusable input (nothing is written).

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (PublishingOptions.Begin("split", args, Valued, Flags, Help, stdout, "a release package") is not var (arguments, output)) return CommandLine.Success;
        var size = arguments.Int("--size", 1) ?? throw new UsageException("split needs --size N; run 'ogpdata split --help'.");
        var files = OcdsInputs.Expand(arguments.Positional);
        var lines = output == OutputFiles.StandardOutput || output.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        var options = PublishingOptions.WriterOptions(arguments.Has("--pretty"));
        var written = 0;
        var held = new List<ReadOnlyMemory<byte>>();
        using (var outFiles = new OutputFiles(stdout))
        {
            Stream? linesStream = lines ? outFiles.Create(output) : null;
            try
            {
                await foreach (var (input, path, part) in OcdsInputs.ReadAsync(files, "split", cancellationToken).ConfigureAwait(false))
                {
                    switch (part)
                    {
                        case StreamedItem item when !item.ItemPointer.Contains("/releases/", StringComparison.Ordinal):
                            throw new Validation.InputException($"{path}:{item.Position.Line}:{item.Position.Column}: a release outside a package ({item.Pointer}); split reads release packages.");
                        case StreamedItem item:
                            held.Add(item.Utf8.ToArray());
                            break;
                        case PackageEnd package:
                            for (var start = 0; start < held.Count; start += size)
                            {
                                written++;
                                var stream = linesStream ?? outFiles.Create(Path.Combine(output, $"{Stem(path, input)}-{written}.json"));
                                using (var writer = new Utf8JsonWriter(stream, options))
                                {
                                    WritePackage(writer, package, held, start, Math.Min(size, held.Count - start));
                                }
                                stream.WriteByte((byte)'\n');
                                if (linesStream is null) await stream.DisposeAsync().ConfigureAwait(false);
                            }
                            held.Clear();
                            break;
                    }
                }
            }
            finally
            {
                if (linesStream is not null) await linesStream.DisposeAsync().ConfigureAwait(false);
            }
            outFiles.Commit();
        }
        stderr.WriteLine($"ogpdata: wrote {written} package(s).");
        return CommandLine.Success;
    }

    /// <summary>The package's members in their order, <c>releases</c> (where it stood) holding this slice.</summary>
    private static void WritePackage(Utf8JsonWriter writer, PackageEnd package, List<ReadOnlyMemory<byte>> releases, int start, int count)
    {
        writer.WriteStartObject();
        var releasesWritten = false;
        foreach (var property in package.Properties)
        {
            if (property.AfterItems && !releasesWritten)
            {
                WriteReleases(writer, releases, start, count);
                releasesWritten = true;
            }
            writer.WritePropertyName(property.Name);
            Json.JsonTokenCopy.Write(writer, property.Utf8.Span);
        }
        if (!releasesWritten) WriteReleases(writer, releases, start, count);
        writer.WriteEndObject();
    }

    private static void WriteReleases(Utf8JsonWriter writer, List<ReadOnlyMemory<byte>> releases, int start, int count)
    {
        writer.WritePropertyName("releases");
        writer.WriteStartArray();
        for (var i = start; i < start + count; i++) Json.JsonTokenCopy.Write(writer, releases[i].Span);
        writer.WriteEndArray();
    }

    private static string Stem(string path, int input)
    {
        if (path.StartsWith('(')) return "package" + (input + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = Path.GetFileName(path);
        foreach (var extension in (ReadOnlySpan<string>)[".gz", ".jsonl", ".json"])
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) name = name[..^extension.Length];
        }
        return name;
    }
}
