using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OgpData.OcdsValidation;

/// <summary>Reads one OCDS extension (its <c>extension.json</c>, <c>release-schema.json</c> and codelists) from a URL or a local path.</summary>
internal sealed class ExtensionFetcher(OcdsExtensionOptions options)
{
    internal sealed record Loaded(JsonObject? Descriptor, string? Name, JsonNode? ReleaseSchemaPatch,
        ImmutableArray<(string Name, ImmutableHashSet<string> Codes)> Codelists, ImmutableArray<OcdsExtensionProblem> Problems);

    private enum Outcome { Found, Missing, Failed }

    public async Task<Loaded> LoadAsync(int index, string url, CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<OcdsExtensionProblem>();
        Loaded Fail(string message)
        {
            problems.Add(new OcdsExtensionProblem(index, url, message));
            return new Loaded(null, null, null, [], problems.ToImmutable());
        }

        if (!TryLocate(url, out var location, out var refusal)) return Fail(refusal);
        var (outcome, bytes, why) = await ReadAsync(location, cancellationToken).ConfigureAwait(false);
        if (outcome != Outcome.Found) return Fail($"its extension.json could not be read ({why}).");
        JsonObject descriptor;
        try
        {
            descriptor = JsonNode.Parse(bytes) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException e)
        {
            return Fail($"its extension.json is not a JSON object ({e.Message}).");
        }

        JsonNode? patch = null;
        var (schemaOutcome, schemaBytes, schemaWhy) = await ReadAsync(Sibling(location, "release-schema.json"), cancellationToken).ConfigureAwait(false);
        if (schemaOutcome == Outcome.Failed) return Fail($"its release-schema.json could not be read ({schemaWhy}).");
        if (schemaOutcome == Outcome.Found)
        {
            try
            {
                patch = JsonNode.Parse(schemaBytes) as JsonObject ?? throw new JsonException("not a JSON object");
            }
            catch (JsonException e)
            {
                return Fail($"its release-schema.json is not valid JSON ({e.Message}).");
            }
        }

        var codelists = ImmutableArray.CreateBuilder<(string, ImmutableHashSet<string>)>();
        if (descriptor["codelists"] is JsonArray names)
        {
            foreach (var entry in names)
            {
                if (entry is not JsonValue value || !value.TryGetValue<string>(out var name) || name.Length == 0 || name.Contains('/') || name.Contains('\\')) continue;
                var (codelistOutcome, csv, codelistWhy) = await ReadAsync(Sibling(location, "codelists/" + name), cancellationToken).ConfigureAwait(false);
                if (codelistOutcome != Outcome.Found)
                {
                    problems.Add(new OcdsExtensionProblem(index, url, $"its codelist {name} could not be read ({codelistWhy})."));
                    continue;
                }
                if (CodelistCsv.ReadCodes(csv) is not { } codes)
                {
                    problems.Add(new OcdsExtensionProblem(index, url, $"its codelist {name} has no Code column."));
                    continue;
                }
                codelists.Add((name, codes));
            }
        }
        return new Loaded(descriptor, NameOf(descriptor), patch, codelists.ToImmutable(), problems.ToImmutable());
    }

    private static string? NameOf(JsonObject descriptor) => descriptor["name"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonObject names when names["en"] is JsonValue en && en.TryGetValue<string>(out var english) => english,
        _ => null,
    };

    /// <summary>An http(s) URL, or a full local path checked to lie inside the data file's folder.</summary>
    private bool TryLocate(string url, out string location, out string refusal)
    {
        location = "";
        refusal = "";
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is not "file" && !(OperatingSystem.IsWindows() && url.Length > 1 && url[1] == ':'))
        {
            if (absolute.Scheme is not ("http" or "https"))
            {
                refusal = $"the '{absolute.Scheme}' scheme is not supported; use http(s) or a path relative to the data file.";
                return false;
            }
            if (options.Http is null)
            {
                refusal = "it was not downloaded: fetching remote extensions is off (enable downloads to apply it).";
                return false;
            }
            location = absolute.AbsoluteUri;
            return true;
        }
        if (options.BaseDirectory is null)
        {
            refusal = "local extension paths are only read relative to a data file's folder.";
            return false;
        }
        var root = Path.GetFullPath(options.BaseDirectory);
        var path = url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(url, UriKind.Absolute, out var fileUri)
            ? fileUri.LocalPath
            : url;
        var full = Path.GetFullPath(Path.Combine(root, path));
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSeparator, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            refusal = "its path lies outside the data file's folder, so it was refused.";
            return false;
        }
        if (LeadsOutside(full))
        {
            refusal = LinkRefusal;
            return false;
        }
        location = full;
        return true;
    }

    private const string LinkRefusal = "its path lies outside the data file's folder through a symbolic link, so it was refused.";

    /// <summary>
    /// True when <paramref name="path"/>, which lies inside the data file's folder as written, leads outside it
    /// once symbolic links are followed: a link in the folder must not read what a path could not.
    /// </summary>
    private bool LeadsOutside(string path)
    {
        var root = RealPath(Path.GetFullPath(options.BaseDirectory!), 0);
        var real = RealPath(path, 0);
        if (root is null || real is null) return true;
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return !real.StartsWith(rootWithSeparator, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>The full path with every symbolic link along it followed (null for a link cycle or one too deep).</summary>
    private static string? RealPath(string fullPath, int depth)
    {
        if (depth > 32) return null;
        var current = Path.GetPathRoot(fullPath)!;
        foreach (var part in fullPath[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (entry.LinkTarget is null) continue;
            try
            {
                // The final target; its own folders may hold links, hence the recursion.
                if (entry.ResolveLinkTarget(returnFinalTarget: true) is not { } target) continue;
                if (RealPath(Path.GetFullPath(target.FullName), depth + 1) is not { } resolved) return null;
                current = resolved;
            }
            catch (IOException)
            {
                return null;
            }
        }
        return current;
    }

    private static string Sibling(string location, string relative)
    {
        if (location.StartsWith("http://", StringComparison.Ordinal) || location.StartsWith("https://", StringComparison.Ordinal))
            return new Uri(new Uri(location), relative).AbsoluteUri;
        return Path.Combine(Path.GetDirectoryName(location)!, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    private async Task<(Outcome, byte[], string)> ReadAsync(string location, CancellationToken cancellationToken)
    {
        try
        {
            if (location.StartsWith("http://", StringComparison.Ordinal) || location.StartsWith("https://", StringComparison.Ordinal))
            {
                using var response = await options.Http!.GetAsync(location, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return (Outcome.Missing, [], "404: not found");
                if (!response.IsSuccessStatusCode) return (Outcome.Failed, [], $"{(int)response.StatusCode}: {response.ReasonPhrase?.ToLowerInvariant()}");
                if (response.Content.Headers.ContentLength > options.MaxFileBytes) return (Outcome.Failed, [], "file too large");
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return bytes.Length > options.MaxFileBytes ? (Outcome.Failed, [], "file too large") : (Outcome.Found, bytes, "");
            }
            if (!File.Exists(location)) return (Outcome.Missing, [], "no such file");
            // The schema and codelists beside extension.json may be links too.
            if (options.BaseDirectory is not null && LeadsOutside(location)) return (Outcome.Failed, [], LinkRefusal);
            if (new FileInfo(location).Length > options.MaxFileBytes) return (Outcome.Failed, [], "file too large");
            return (Outcome.Found, await File.ReadAllBytesAsync(location, cancellationToken).ConfigureAwait(false), "");
        }
        catch (HttpRequestException e)
        {
            return (Outcome.Failed, [], "fetching failed: " + e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Outcome.Failed, [], "fetching timed out");
        }
        catch (IOException e)
        {
            return (Outcome.Failed, [], e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return (Outcome.Failed, [], e.Message);
        }
    }
}
