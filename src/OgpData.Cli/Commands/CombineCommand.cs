using System.Text.Json;
using OgpData.OcdsPublishing;
using OgpData.Streaming;

namespace OgpData.Cli.Commands;

/// <summary><c>ogpdata combine &lt;packages...&gt; -o &lt;out&gt;</c>: release packages into one, as ocdskit combine-release-packages.</summary>
internal static class CombineCommand
{
    internal static readonly string[] Valued = ["--output", "-o", "--uri", "--published-date", "--version"];
    internal static readonly string[] Flags = ["--pretty", "--help", "-h"];

    public const string Help = """
        Usage: ogpdata combine <packages...> -o <out> [options]

        Collects the releases of release packages (files, JSON Lines of packages, gzip, folders; '-' reads
        standard input) into one release package, as ocdskit combine-release-packages: publisher, license
        and publicationPolicy from the last package that has them, extensions united in order. Releases are
        staged in a temporary file, so memory does not grow with the input.

        Options:
          --output FILE, -o FILE  where to write ('-' = standard output)
          --uri URI               the package's uri (default "")
          --published-date DATE   the package's publishedDate (default "")
          --version V             the package's version (default 1.1)
          --pretty                indent the output

        Exit codes: 0 written; 2 bad usage or unusable input (nothing is written).

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (PublishingOptions.Begin("combine", args, Valued, Flags, Help, stdout, "at least one package") is not var (arguments, output)) return CommandLine.Success;
        var files = OcdsInputs.Expand(arguments.Positional);
        var metadata = new PackageMetadata();
        var releases = 0L;
        var packages = 0;
        // The metadata of the last package decides the head, so the releases wait in a temporary file.
        await using var staged = new FileStream(Path.Combine(Path.GetTempPath(), "ogpdata-combine-" + Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        var compact = new System.Buffers.ArrayBufferWriter<byte>();
        using var stager = new Utf8JsonWriter(compact, PublishingOptions.WriterOptions(indented: false));
        await foreach (var (_, path, part) in OcdsInputs.ReadAsync(files, "combine", cancellationToken).ConfigureAwait(false))
        {
            switch (part)
            {
                case StreamedItem item when !item.ItemPointer.Contains("/releases/", StringComparison.Ordinal):
                    stderr.WriteLine($"{path}:{item.Position.Line}:{item.Position.Column}: warning: a release outside a package ({item.Pointer}) is left out; combine reads release packages.");
                    break;
                case StreamedItem item:
                    if (item.Utf8.Span.SequenceEqual("null"u8)) break;
                    if (releases > 0) staged.WriteByte((byte)',');
                    compact.ResetWrittenCount();
                    stager.Reset(compact);
                    Json.JsonTokenCopy.Write(stager, item.Utf8.Span);
                    stager.Flush();
                    staged.Write(compact.WrittenSpan);
                    releases++;
                    break;
                case PackageEnd package:
                    metadata.Add(package);
                    packages++;
                    break;
            }
        }
        using (var outFiles = new OutputFiles(stdout))
        {
            await using (var stream = outFiles.Create(output))
            {
                using var writer = new Utf8JsonWriter(stream, PublishingOptions.WriterOptions(arguments.Has("--pretty")));
                metadata.WriteReleasePackageHead(writer, arguments.Value("--uri") ?? "", arguments.Value("--published-date") ?? "", arguments.Value("--version") ?? "1.1");
                writer.WritePropertyName("releases");
                writer.WriteStartArray();
                staged.Position = 0;
                // The staged text is already the array's content, commas included: copy it behind the writer's back.
                writer.Flush();
                await staged.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.Flush();
                stream.WriteByte((byte)'\n');
            }
            outFiles.Commit();
        }
        stderr.WriteLine($"ogpdata: combined {releases} release(s) from {packages} package(s).");
        return CommandLine.Success;
    }
}
