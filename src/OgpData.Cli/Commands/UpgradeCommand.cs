using System.Text.Json;
using System.Text.Json.Nodes;
using OgpData.OcdsPublishing;
using OgpData.Streaming;

namespace OgpData.Cli.Commands;

/// <summary><c>ogpdata upgrade &lt;in&gt; -o &lt;out&gt;</c>: OCDS 1.0 to 1.1, as ocdskit upgrade 1.0:1.1.</summary>
internal static class UpgradeCommand
{
    internal static readonly string[] Valued = ["--output", "-o"];
    internal static readonly string[] Flags = ["--no-reorder", "--pretty", "--help", "-h"];

    public const string Help = """
        Usage: ogpdata upgrade <inputs...> -o <out> [--no-reorder]

        Upgrades OCDS 1.0 release packages, record packages, releases and records to 1.1, as ocdskit
        upgrade 1.0:1.1: buyer, procuringEntity, tenderers and suppliers become references to parties
        (with an id made from their identifying fields when they have none, and their roles), amendment
        joins amendments, transactions' providerOrganization, receiverOrganization and amount become payer,
        payee and value. Data already in 1.1 is written unchanged. One package is held in memory at a time.
        Each input item (package, release or record) is written on its own line.

        Options:
          --output FILE, -o FILE  where to write ('-' = standard output)
          --no-reorder            leave fields where they are (by default uri, version, ocid, id, ... move first)
          --pretty                indent the output

        Exit codes: 0 written; 2 bad usage or unusable input (nothing is written).

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (PublishingOptions.Begin("upgrade", args, Valued, Flags, Help, stdout, "an input") is not var (arguments, output)) return CommandLine.Success;
        var files = OcdsInputs.Expand(arguments.Positional);
        var upgrader = new OcdsUpgrader(!arguments.Has("--no-reorder"), message => stderr.WriteLine("ogpdata: warning: " + message));
        var items = 0;
        var held = new List<StreamedItem>();
        using (var outFiles = new OutputFiles(stdout))
        {
            await using (var stream = outFiles.Create(output))
            {
                using var writer = new Utf8JsonWriter(stream, PublishingOptions.WriterOptions(arguments.Has("--pretty")));
                await foreach (var (_, _, part) in OcdsInputs.ReadAsync(files, "upgrade", records: true, cancellationToken).ConfigureAwait(false))
                {
                    switch (part)
                    {
                        case StreamedItem item when item.ItemPointer.Contains("/releases/", StringComparison.Ordinal) || item.ItemPointer.Contains("/records/", StringComparison.Ordinal):
                            held.Add(item with { Utf8 = item.Utf8.ToArray() });
                            break;
                        case StreamedItem item:
                            var node = JsonNode.Parse(item.Utf8.Span);
                            if (node is JsonObject single && OcdsUpgrader.MinorVersion(single, isPackage: false) == "1.0")
                            {
                                if (item.Kind == OcdsItemKind.Record) upgrader.UpgradeRecord(single);
                                else upgrader.UpgradeRelease(single);
                            }
                            WriteLine(writer, stream, node);
                            items++;
                            break;
                        case PackageEnd package:
                            WriteLine(writer, stream, UpgradePackage(upgrader, package, held));
                            held.Clear();
                            items++;
                            break;
                    }
                }
            }
            outFiles.Commit();
        }
        stderr.WriteLine($"ogpdata: upgraded {items} item(s).");
        return CommandLine.Success;
    }

    /// <summary>The package rebuilt with its members in order, its items where they stood, upgraded when it is 1.0.</summary>
    private static JsonObject UpgradePackage(OcdsUpgrader upgrader, PackageEnd package, List<StreamedItem> items)
    {
        var itemsName = package.MetadataKind == OcdsItemKind.RecordPackageMetadata ? "records" : "releases";
        var array = new JsonArray();
        foreach (var item in items) array.Add(JsonNode.Parse(item.Utf8.Span));
        var result = new JsonObject();
        var placed = false;
        foreach (var property in package.Properties)
        {
            if (property.AfterItems && !placed)
            {
                result[itemsName] = array;
                placed = true;
            }
            result[property.Name] = JsonNode.Parse(property.Utf8.Span);
        }
        if (!placed) result[itemsName] = array;
        if (OcdsUpgrader.MinorVersion(result, isPackage: true) != "1.0") return result;
        upgrader.UpgradePackageMetadata(result);
        foreach (var node in array)
        {
            if (node is not JsonObject item) continue;
            if (itemsName == "records") upgrader.UpgradeRecord(item);
            else upgrader.UpgradeRelease(item);
        }
        return result;
    }

    private static void WriteLine(Utf8JsonWriter writer, Stream stream, JsonNode? node)
    {
        if (node is null) writer.WriteNullValue();
        else node.WriteTo(writer);
        writer.Flush();
        stream.WriteByte((byte)'\n');
        writer.Reset(stream);
    }
}
