using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using OgpData.Findings;
using OgpData.Testing;
using OgpData.Validation;
using Xunit.Abstractions;

namespace OgpData.Tests.OcdsParity;

/// <summary>
/// lib-cove-ocds itself (<c>../shared/peers/libcove/run-libcove</c>) beside ogpdata on the shared samples and
/// cove-ocds fixtures, finding by finding, both against OCDS 1.1.5: every lib-cove finding must have its ogpdata
/// counterpart, or be one of the deliberate differences listed in <see cref="Differences"/> (and in
/// docs/ocds-parity.md, which also explains the normalisation). By default a representative subset runs; with
/// <c>OGPDATA_LIBCOVE_PARITY=full</c> every package under ../shared/data/ocds (samples, other-real, cove-ocds
/// fixtures: 66 files) does. The peer's output is cached per file content in the temporary folder.
/// </summary>
public sealed partial class LibCoveParityTests(ITestOutputHelper output)
{
    /// <summary>The files that carry each fault of issue 13 and each kind of lib-cove finding, and a few clean ones.</summary>
    private static readonly string[] Subset =
    [
        "ocds/fixtures/cove-ocds/utf8.json",
        "ocds/fixtures/cove-ocds/utf-16.json",
        "ocds/fixtures/cove-ocds/7_records.json",
        "ocds/fixtures/cove-ocds/full_record.json",
        "ocds/fixtures/cove-ocds/record_minimal_valid.json",
        "ocds/fixtures/cove-ocds/release_aggregate.json",
        "ocds/fixtures/cove-ocds/999_empty_releases.json",
        "ocds/fixtures/cove-ocds/badfile.json",
        "ocds/fixtures/cove-ocds/tenders_releases_1_release_with_extensions_1_1.json",
        "ocds/fixtures/cove-ocds/tenders_releases_2_releases_not_json.json",
        "ocds/fixtures/cove-ocds/tenders_releases_1_release_unpackaged.json",
        "ocds/samples/mexico-inai.release-package.json",
        "ocds/samples/taiwan.release-package.json",
        "ocds/samples/armenia.release-package.json",
        "ocds/samples/other-real/spoonbill_test_data.json",
    ];

    /// <summary>The folders whose JSON files the full comparison reads (not recursively: the subfolders hold extensions).</summary>
    private static readonly string[] FullFolders = ["ocds/samples", "ocds/samples/other-real", "ocds/fixtures/cove-ocds"];

    private const string FullVariable = "OGPDATA_LIBCOVE_PARITY";

    [SkippableFact]
    public async Task Every_lib_cove_finding_has_its_ogpdata_counterpart_or_is_a_listed_difference()
    {
        var schemaDirectory = SharedData.Require("ocds/schema/1.1.5");
        var peer = Peer.Require();
        var full = string.Equals(Environment.GetEnvironmentVariable(FullVariable), "full", StringComparison.OrdinalIgnoreCase);
        var files = full
            ? FullFolders.SelectMany(folder => Directory.EnumerateFiles(SharedData.Require(folder), "*.json")).Order(StringComparer.Ordinal).ToList()
            : Subset.Select(SharedData.Require).ToList();

        var (total, matched, explained, unmatched) = await CompareAsync(peer, files, schemaDirectory, full ? "full" : "subset; " + FullVariable + "=full for all");
        Assert.True(total > 0, "lib-cove-ocds reported nothing: the comparison would prove nothing.");
        Assert.True(unmatched.Count == 0, $"{unmatched.Count} lib-cove-ocds findings have no ogpdata counterpart:\n" + string.Join("\n", unmatched.Take(50)));
    }

    /// <summary>
    /// Real files damaged the ways issue 13 names (written to a temporary folder, never to the tree): the same
    /// comparison, so a fault that only shows on broken data is caught too.
    /// </summary>
    [SkippableFact]
    public async Task Damaged_copies_of_real_files_agree_with_lib_cove_too()
    {
        var schemaDirectory = SharedData.Require("ocds/schema/1.1.5");
        var peer = Peer.Require();
        var folder = Path.Combine(Path.GetTempPath(), "ogpdata-damaged-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = new List<string>();
            async Task Damage(string name, string source, Action<System.Text.Json.Nodes.JsonObject> damage)
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllBytesAsync(SharedData.Require(source)))!.AsObject();
                damage(node);
                var path = Path.Combine(folder, name);
                await File.WriteAllTextAsync(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                files.Add(path);
            }
            await Damage("records-object.json", "ocds/fixtures/cove-ocds/record_minimal_valid.json", p => p["records"] = new System.Text.Json.Nodes.JsonObject());
            await Damage("releases-text.json", "ocds/samples/uganda.release-package.json", p => p["releases"] = "x");
            await Damage("mixed-releases.json", "ocds/fixtures/cove-ocds/7_records.json", p => p["records"]![0]!["releases"]![1]!.AsObject().Remove("id"));
            await Damage("wrong-types.json", "ocds/samples/ukraine.release-package.json", p =>
            {
                var release = p["releases"]![0]!.AsObject();
                release["awards"] = release["awards"]![0]!.DeepClone();
                release["tender"] = new System.Text.Json.Nodes.JsonArray(release["tender"]!.DeepClone());
            });
            await Damage("keyless-twins.json", "ocds/samples/uganda.release-package.json", p =>
            {
                var releases = p["releases"]!.AsArray();
                var twin = releases[0]!.DeepClone().AsObject();
                twin.Remove("ocid");
                releases.Insert(0, twin.DeepClone());
                releases.Insert(0, twin);
            });
            await Damage("party-twins.json", "ocds/samples/armenia.release-package.json", p =>
            {
                var parties = p["releases"]![0]!["parties"]!.AsArray();
                var twin = parties[0]!.DeepClone().AsObject();
                twin["name"] = "Another name";
                parties.Add(twin);
            });
            await Damage("versioned-extra.json", "ocds/fixtures/cove-ocds/full_record.json", p => p["records"]![0]!["versionedRelease"]!["extraField"] = 1);

            var (total, _, _, unmatched) = await CompareAsync(peer, files, schemaDirectory, "damaged copies");
            Assert.True(total > 0, "lib-cove-ocds reported nothing on the damaged copies.");
            Assert.True(unmatched.Count == 0, $"{unmatched.Count} lib-cove-ocds findings have no ogpdata counterpart:\n" + string.Join("\n", unmatched.Take(50)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs both sides on <paramref name="files"/>, prints the tally, and returns it with the unmatched lib-cove findings.</summary>
    private async Task<(int Total, int Matched, int Explained, List<string> Unmatched)> CompareAsync(Peer peer, List<string> files, string schemaDirectory, string what)
    {
        // The peer is slow (Python, ~0.4 s to start): two at a time, and cached.
        var peerLines = new Dictionary<string, List<PeerFinding>>();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (file, cancellationToken) =>
        {
            var lines = await peer.RunAsync(file, cancellationToken);
            lock (peerLines) peerLines[file] = lines;
        });

        var validator = new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = schemaDirectory, OcdsVersion = "1.1" });
        int total = 0, matched = 0, explained = 0;
        var unmatched = new List<string>();
        var explanations = new Dictionary<string, int>(StringComparer.Ordinal);
        var extras = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var ours = await Ours.OfAsync(validator, file);
            foreach (var label in ours.Extras(peerLines[file])) extras[label] = extras.GetValueOrDefault(label) + 1;
            foreach (var finding in peerLines[file])
            {
                total++;
                if (ours.Matches(finding))
                {
                    matched++;
                    continue;
                }
                if (Differences.Explain(finding, ours) is { } reason)
                {
                    explained++;
                    explanations[reason] = explanations.GetValueOrDefault(reason) + 1;
                    continue;
                }
                unmatched.Add($"{Path.GetFileName(file)}: {finding}");
            }
        }

        output.WriteLine($"{files.Count} files ({what}): lib-cove-ocds reported {total} findings; " +
            $"ogpdata matched {matched} ({100.0 * matched / Math.Max(1, total):F2}%), {explained} are listed differences, {unmatched.Count} unmatched.");
        foreach (var (reason, count) in explanations) output.WriteLine($"  {count} × {reason}");
        output.WriteLine($"ogpdata findings with no lib-cove line (reported more), by rule: {extras.Values.Sum()}");
        foreach (var (label, count) in extras) output.WriteLine($"  {label}: {count}");
        foreach (var line in unmatched.Take(200)) output.WriteLine("  unmatched: " + line);
        return (total, matched, explained, unmatched);
    }

    /// <summary>One line of run-libcove's output.</summary>
    private sealed record PeerFinding(string Kind, string Path, string MessageType, string? MissingProperty, string? Value)
    {
        public override string ToString() => $"{Kind} {MessageType} '{Path}'" + (MissingProperty is null ? "" : $" missing '{MissingProperty}'") + (Value is null ? "" : $" value '{Value}'");
    }

    /// <summary>Runs lib-cove-ocds through run-libcove (against 1.1.5 whatever the data declares), or skips when it cannot run here.</summary>
    private sealed class Peer(string script)
    {
        private static readonly Lazy<(Peer? Peer, string? Why)> Probe = new(ProbeOnce);

        public static Peer Require()
        {
            var (peer, why) = Probe.Value;
            Skip.If(peer is null, why);
            return peer!;
        }

        private static (Peer?, string?) ProbeOnce()
        {
            var script = Path.GetFullPath(Path.Combine(SharedData.RepoRoot, "..", "shared", "peers", "libcove", "run-libcove"));
            if (!File.Exists(script)) return (null, $"lib-cove-ocds cannot run: {script} is absent.");
            var probe = SharedData.TryGet("ocds/fixtures/lib-cove-ocds/common_checks/basic_1.json");
            if (probe is null) return (null, "lib-cove-ocds cannot be probed: ocds/fixtures/lib-cove-ocds/common_checks/basic_1.json is absent.");
            try
            {
                var (code, _, error) = Run(script, probe, CancellationToken.None).GetAwaiter().GetResult();
                return code == 0 ? (new Peer(script), null) : (null, $"lib-cove-ocds cannot run here (run-libcove exit {code}): {error.Trim()}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                return (null, $"lib-cove-ocds cannot run here: {e.Message}");
            }
        }

        public async Task<List<PeerFinding>> RunAsync(string file, CancellationToken cancellationToken)
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            var cache = Path.Combine(Path.GetTempPath(), "ogpdata-libcove-parity", Convert.ToHexString(SHA256.HashData(bytes))[..32] + ".s1.1.jsonl");
            string text;
            if (File.Exists(cache)) text = await File.ReadAllTextAsync(cache, cancellationToken);
            else
            {
                var (code, stdout, error) = await Run(script, file, cancellationToken);
                // 0: ran; 2: fatal for this file (invalid_json ...), one line that says so. Anything else is the peer's problem.
                Assert.True(code is 0 or 2, $"run-libcove {file}: exit {code}: {error}");
                text = stdout;
                Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
                await File.WriteAllTextAsync(cache, text, cancellationToken);
            }
            var findings = new List<PeerFinding>();
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                findings.Add(new PeerFinding(root.GetProperty("kind").GetString()!, root.GetProperty("path").GetString()!, root.GetProperty("message_type").GetString()!,
                    root.TryGetProperty("missing_property", out var missing) ? missing.GetString() : null,
                    root.TryGetProperty("value", out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null));
            }
            return findings;
        }

        private static async Task<(int Code, string Output, string Error)> Run(string script, string file, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add("1.1");
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>
    /// ogpdata's findings for one file, put in lib-cove's terms (see docs/ocds-parity.md): paths without the
    /// leading '/', schema errors named as lib-cove names them, additional fields and codelist values by generic
    /// (index-free) path.
    /// </summary>
    private sealed partial class Ours
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private readonly HashSet<string> _additional = new(StringComparer.Ordinal);
        private readonly HashSet<string> _mistypedGeneric = new(StringComparer.Ordinal);
        // Each finding with the key it was given (additional fields: their generic path), for the reverse count.
        private readonly List<(string Label, string Key, bool Additional)> _all = [];

        public string Kind { get; private init; } = "";
        public bool Rejected { get; private init; }

        public static async Task<Ours> OfAsync(DocumentValidator validator, string file)
        {
            OgpData.Reporting.FileReport report;
            try
            {
                report = await validator.ValidateFileAsync(file);
            }
            catch (InputException)
            {
                // Refused: not JSON at all (as lib-cove-ocds refuses it), or JSON that is no OCDS or OGP document.
                return new Ours { Rejected = true, Kind = IsJson(file) ? "json" : "unreadable" };
            }
            var ours = new Ours { Kind = report.Kind };
            foreach (var finding in report.Findings) ours.Add(finding);
            return ours;
        }

        private static bool IsJson(string file)
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private void Add(Finding finding)
        {
            var label = finding.RuleId == RuleIds.Schema ? "schema " + finding.Keyword : finding.RuleId;
            AddKey(finding);
            var path = PathOf(finding.Pointer);
            _all.Add(finding.RuleId == RuleIds.OcdsAdditionalField ? (label, Generic(path), true) : (label, _lastKey ?? "", false));
            _lastKey = null;
        }

        private string? _lastKey;

        private void AddKey(Finding finding)
        {
            var path = PathOf(finding.Pointer);
            switch (finding.RuleId)
            {
                case RuleIds.Schema when finding.Keyword == "required" && RequiredProperty().Match(finding.Message) is { Success: true } required:
                    Remember(Key("validation", "required", path, required.Groups[1].Value));
                    break;
                case RuleIds.Schema when finding.Keyword == "type":
                    var expected = ExpectedType().Match(finding.Message);
                    Remember(Key("validation", expected.Success ? expected.Groups[1].Value : "type", path));
                    _mistypedGeneric.Add(Generic(path));
                    break;
                case RuleIds.Schema when finding.Keyword == "format":
                    var format = FormatName().Match(finding.Message);
                    Remember(Key("validation", format.Success ? format.Groups[1].Value : "format", path));
                    break;
                case RuleIds.Schema:
                    Remember(Key("validation", finding.Keyword ?? "", path));
                    break;
                case RuleIds.OcdsNonUniqueId:
                    // Ours names each repeated release or record; lib-cove names the array once.
                    Remember(Key("validation", "uniqueItems", path[..Math.Max(0, path.IndexOf('/', StringComparison.Ordinal))]));
                    break;
                case RuleIds.OcdsArrayItemWithoutId:
                    Remember(Key("other", "missing_id", path + "/id"));
                    break;
                case RuleIds.OcdsEmptyField:
                    Remember(Key("other", "empty_field", path));
                    break;
                case RuleIds.OcdsBadOcidPrefix:
                    Remember(Key("other", "ocid_prefix", path));
                    break;
                case RuleIds.OcdsDeprecatedField:
                    Remember(Key("deprecated", "deprecated", path));
                    break;
                case RuleIds.OcdsAdditionalField:
                    _additional.Add(Generic(path));
                    break;
                case RuleIds.OcdsClosedCodelistValue or RuleIds.OcdsOpenCodelistValue:
                    Remember(Key("codelist", finding.RuleId == RuleIds.OcdsClosedCodelistValue ? "closed_codelist" : "open_codelist", Generic(path), finding.Value));
                    break;
                case RuleIds.OcdsExtensionNotApplied:
                    Remember(Key("other", "invalid_extension", "extensions", finding.Value));
                    break;
                case RuleIds.OcdsMalformedJson:
                    Remember(Key("other", "invalid_json", ""));
                    break;
            }
        }

        private void Remember(string key)
        {
            _keys.Add(key);
            _lastKey = key;
        }

        /// <summary>
        /// The findings of ours that no lib-cove line corresponds to, counted by rule (and schema keyword): what
        /// ogpdata reports more (docs/ocds-parity.md says why each is kept).
        /// </summary>
        public IEnumerable<string> Extras(IReadOnlyList<PeerFinding> peer)
        {
            var theirs = new HashSet<string>(StringComparer.Ordinal);
            var theirAdditional = new List<string>();
            foreach (var finding in peer)
            {
                switch (finding)
                {
                    case { Kind: "additional" }:
                        theirAdditional.Add(finding.Path);
                        break;
                    case { Kind: "validation", MessageType: "required" }:
                        theirs.Add(Key("validation", "required", finding.Path, finding.MissingProperty));
                        break;
                    case { Kind: "codelist" }:
                        theirs.Add(Key("codelist", finding.MessageType, finding.Path, finding.Value));
                        break;
                    case { MessageType: "missing_id" }:
                        theirs.Add(Key("other", "missing_id", finding.Path));
                        theirs.Add(Key("validation", "required", finding.Path[..Math.Max(0, finding.Path.LastIndexOf('/'))], "id"));
                        break;
                    case { MessageType: "invalid_extension" }:
                        theirs.Add(Key("other", "invalid_extension", "extensions", finding.Value));
                        break;
                    case { MessageType: "invalid_json" }:
                        theirs.Add(Key("other", "invalid_json", ""));
                        break;
                    default:
                        theirs.Add(Key(finding.Kind, finding.MessageType, finding.Path));
                        break;
                }
            }
            foreach (var (label, key, additional) in _all)
            {
                var known = additional
                    ? theirAdditional.Exists(p => p == key || p.StartsWith(key + "/", StringComparison.Ordinal))
                    : theirs.Contains(key);
                if (!known) yield return label;
            }
        }

        public bool Matches(PeerFinding peer) => peer switch
        {
            { Kind: "validation", MessageType: "required" } => _keys.Contains(Key("validation", "required", peer.Path, peer.MissingProperty)),
            { Kind: "additional" } => AdditionalAtOrAbove(peer.Path),
            { Kind: "codelist" } => _keys.Contains(Key("codelist", peer.MessageType, peer.Path, peer.Value)),
            { Kind: "deprecated" } => _keys.Contains(Key("deprecated", "deprecated", peer.Path)),
            // One failure, one finding: where the schema requires the id, ours is the schema's required error.
            { MessageType: "missing_id" } => _keys.Contains(Key("other", "missing_id", peer.Path))
                || _keys.Contains(Key("validation", "required", peer.Path[..Math.Max(0, peer.Path.LastIndexOf('/'))], "id")),
            { MessageType: "invalid_extension" } => _keys.Contains(Key("other", "invalid_extension", "extensions", peer.Value)),
            { MessageType: "invalid_json" } => Rejected || _keys.Contains(Key("other", "invalid_json", "")),
            _ => _keys.Contains(Key(peer.Kind, peer.MessageType, peer.Path)),
        };

        /// <summary>
        /// lib-cove lists root additional fields by generic path; ours reports the outermost additional field, so
        /// a lib-cove field is matched by ours at its path or at an ancestor's.
        /// </summary>
        private bool AdditionalAtOrAbove(string path)
        {
            for (var at = path; at.Length > 0; at = at[..Math.Max(0, at.LastIndexOf('/'))])
            {
                if (_additional.Contains(at)) return true;
            }
            return false;
        }

        /// <summary>Whether ours reports a value of the wrong type at this generic path.</summary>
        public bool MistypedAt(string genericPath) => _mistypedGeneric.Contains(genericPath);

        private static string Key(string kind, string type, string path, string? extra = null) => $"{kind}\u001F{type}\u001F{path}\u001F{extra}";

        /// <summary>A JSON Pointer as lib-cove writes paths: no leading '/', segments unescaped.</summary>
        private static string PathOf(string pointer) =>
            pointer.Length == 0 ? "" : string.Join('/', pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));

        /// <summary>A path without its array indexes (lib-cove's generic path).</summary>
        private static string Generic(string path) => string.Join('/', path.Split('/').Where(s => s.Length == 0 || !s.All(char.IsAsciiDigit)));

        [GeneratedRegex("^missing required property \"(.*)\"$")]
        private static partial Regex RequiredProperty();

        [GeneratedRegex("^expected an? ([a-z]+)")]
        private static partial Regex ExpectedType();

        [GeneratedRegex("is not a valid ([A-Za-z-]+)")]
        private static partial Regex FormatName();
    }

    /// <summary>The deliberate differences: lib-cove findings ogpdata does not give, each with why (docs/ocds-parity.md).</summary>
    private static class Differences
    {
        public const string NotAPackage =
            "not a package: lib-cove-ocds reads every JSON document as a package; ogpdata detects a single release, an array of releases or packages, or other JSON, and checks it as what it is";

        public const string NullCode =
            "a null among codes: lib-cove-ocds lists it as the code 'None'; ogpdata reports the null as the schema's type error at that place";

        public static string? Explain(PeerFinding finding, Ours ours)
        {
            if (ours.Kind is not ("ocds-release-package" or "ocds-record-package" or "unreadable")) return NotAPackage;
            if (finding is { Kind: "codelist", Value: "None" } && ours.MistypedAt(finding.Path)) return NullCode;
            return null;
        }
    }
}
