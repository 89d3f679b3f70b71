using System.Text.Json;
using OgpData.Streaming;

namespace OgpData.Cli.Commands;

/// <summary><c>ogpdata package &lt;inputs...&gt; -o &lt;out&gt; [--size N]</c>: releases into release package(s), as ocdskit package-releases.</summary>
internal static class PackageCommand
{
    internal static readonly string[] Valued = ["--output", "-o", "--size", "--uri", "--published-date", "--publisher-name", "--version", "--extension"];
    internal static readonly string[] Flags = ["--pretty", "--help", "-h"];

    public const string Help = """
        Usage: ogpdata package <inputs...> -o <out> [--size N] [options]

        Wraps releases (JSON Lines, arrays, packages, gzip, folders; '-' reads standard input) in a release
        package: uri, publisher, publishedDate, version, extensions, releases, as ocdskit package-releases.
        Releases are streamed: memory does not grow with the input.

        Options:
          --output FILE, -o FILE  where to write ('-' = standard output)
          --size N                at most N releases per package; the packages are written one per line
          --uri URI               the package's uri (default "")
          --published-date DATE   the package's publishedDate (default "")
          --publisher-name NAME   the publisher's name (default "")
          --version V             the package's version (default 1.1)
          --extension URL         add an extension to the package's extensions (repeatable)
          --pretty                indent the output

        Exit codes: 0 written; 2 bad usage or unusable input (nothing is written).

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (PublishingOptions.Begin("package", args, Valued, Flags, Help, stdout, "at least one input") is not var (arguments, output)) return CommandLine.Success;
        var size = arguments.Int("--size", 1);
        var files = OcdsInputs.Expand(arguments.Positional);
        var releases = 0L;
        var packages = 0;
        using (var outFiles = new OutputFiles(stdout))
        {
            await using (var stream = outFiles.Create(output))
            {
                using var writer = new Utf8JsonWriter(stream, PublishingOptions.WriterOptions(arguments.Has("--pretty")));
                var inPackage = 0;
                await foreach (var (_, _, part) in OcdsInputs.ReadAsync(files, "package", cancellationToken).ConfigureAwait(false))
                {
                    if (part is not StreamedItem item || item.Utf8.Span.SequenceEqual("null"u8)) continue;
                    if (inPackage == 0 && (packages == 0 || size is not null))
                    {
                        if (packages > 0) EndLine(writer, stream);
                        WriteHead(writer, arguments);
                        packages++;
                    }
                    Json.JsonTokenCopy.Write(writer, item.Utf8.Span);
                    if (writer.BytesPending > PublishingOptions.FlushThreshold) writer.Flush();
                    releases++;
                    inPackage++;
                    if (size is { } n && inPackage == n) inPackage = 0;
                }
                if (packages == 0 && size is null)
                {
                    WriteHead(writer, arguments); // no release: still one (empty) package, as the reference prints
                    packages++;
                }
                if (packages > 0) EndLine(writer, stream);
            }
            outFiles.Commit();
        }
        stderr.WriteLine($"ogpdata: packaged {releases} release(s) in {packages} package(s).");
        return CommandLine.Success;
    }

    private static void WriteHead(Utf8JsonWriter writer, Arguments arguments)
    {
        writer.WriteStartObject();
        writer.WriteString("uri", arguments.Value("--uri") ?? "");
        writer.WritePropertyName("publisher");
        writer.WriteStartObject();
        writer.WriteString("name", arguments.Value("--publisher-name") ?? "");
        writer.WriteEndObject();
        writer.WriteString("publishedDate", arguments.Value("--published-date") ?? "");
        writer.WriteString("version", arguments.Value("--version") ?? "1.1");
        if (arguments.Values("--extension") is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            writer.WriteStartArray();
            foreach (var extension in extensions) writer.WriteStringValue(extension);
            writer.WriteEndArray();
        }
        writer.WritePropertyName("releases");
        writer.WriteStartArray();
    }

    private static void EndLine(Utf8JsonWriter writer, Stream stream)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
        writer.Reset(stream);
    }
}
