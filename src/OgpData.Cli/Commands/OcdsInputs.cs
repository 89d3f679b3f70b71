using System.Runtime.CompilerServices;
using System.Text.Json;
using OgpData.Streaming;
using OgpData.Validation;

namespace OgpData.Cli.Commands;

/// <summary>One part of an OCDS input of the publishing commands, with the input it came from.</summary>
internal sealed record OcdsInputPart(int Input, string Path, StreamedPart Part);

/// <summary>
/// Reads the inputs of the OCDS publishing commands (files, folders, <c>-</c> for standard input; gzip and
/// JSON Lines included) through the streaming reader, refusing what is not release data as unusable input.
/// </summary>
internal static class OcdsInputs
{
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (path == "-") files.Add(path);
            else files.AddRange(InputFiles.Expand([path]));
        }
        return files;
    }

    /// <summary>The parts of every input in order. Broken JSON and inputs of the wrong kind throw <see cref="InputException"/>.</summary>
    public static IAsyncEnumerable<OcdsInputPart> ReadAsync(IReadOnlyList<string> files, string command, CancellationToken cancellationToken) =>
        ReadAsync(files, command, records: false, cancellationToken);

    /// <summary>As <see cref="ReadAsync(IReadOnlyList{string}, string, CancellationToken)"/>, with records and record packages accepted when <paramref name="records"/> is true.</summary>
    public static async IAsyncEnumerable<OcdsInputPart> ReadAsync(IReadOnlyList<string> files, string command, bool records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i];
            var stream = path == "-" ? Console.OpenStandardInput() : DocumentValidator.OpenFile(path);
            var display = path == "-" ? "(standard input)" : path;
            await using var detected = await InputDetector.DetectAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (detected.Kind is not (DocumentKind.OcdsReleasePackage or DocumentKind.OcdsReleasesJsonLines or DocumentKind.OcdsRelease
                or DocumentKind.OcdsPackageArray or DocumentKind.OcdsReleaseArray)
                && !(records && detected.Kind is DocumentKind.OcdsRecordPackage or DocumentKind.OcdsRecord))
            {
                throw new InputException($"{display} is {detected.Kind.ToName()}; {command} reads OCDS release packages and releases (JSON, JSON Lines, gzip).");
            }
            var parts = OcdsStreamReader.ReadAsync(detected.Content, detected.Kind, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await parts.MoveNextAsync().ConfigureAwait(false)) break;
                    }
                    catch (UnreadableInputException e)
                    {
                        throw new InputException($"{display}:{e.Position.Line}:{e.Position.Column}: {e.Message}", e);
                    }
                    if (!records && parts.Current is StreamedItem { Kind: OcdsItemKind.Record } record)
                    {
                        throw new InputException($"{display}:{record.Position.Line}:{record.Position.Column}: a record ({record.Pointer}); {command} reads releases.");
                    }
                    if (!records && parts.Current is PackageEnd { MetadataKind: OcdsItemKind.RecordPackageMetadata } package)
                    {
                        throw new InputException($"{display}: a record package ({package.Pointer}); {command} reads release packages and releases.");
                    }
                    yield return new OcdsInputPart(i, display, parts.Current);
                }
            }
            finally
            {
                await parts.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The top-level <c>ocid</c> of a release's text, or null when it has none that is a string. Throws <see cref="JsonException"/> on broken JSON.</summary>
    public static string? Ocid(ReadOnlySpan<byte> release, out JsonTokenType rootToken)
    {
        var reader = new Utf8JsonReader(release, new JsonReaderOptions { MaxDepth = OcdsStreamReader.MaxDepth });
        reader.Read();
        rootToken = reader.TokenType;
        if (rootToken != JsonTokenType.StartObject) return null;
        string? ocid = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isOcid = reader.ValueTextEquals("ocid"u8);
            reader.Read();
            if (isOcid) ocid = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip(); // passes over a container; a no-op on a plain value
        }
        return ocid;
    }
}
