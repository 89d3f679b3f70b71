using System.IO.Compression;
using System.Text;
using OgpData.Findings;
using OgpData.OcdsValidation;
using OgpData.Reporting;
using OgpData.Testing;
using OgpData.Validation;

namespace OgpData.Tests.Hostile;

/// <summary>
/// The worst files there are, through <see cref="DocumentValidator"/> as the CLI uses it: each gives a report
/// or one <see cref="InputException"/> whose message names the place (line and column) and, for a limit, the
/// option that raises it. Inputs are generated into a temporary folder.
/// </summary>
public sealed class HostileInputTests : HostileFiles
{
    private static Task<FileReport> Validate(string path, ValidationOptions? options = null) =>
        new DocumentValidator(options).ValidateFileAsync(path);

    private static async Task<string> Refused(string path, ValidationOptions? options = null)
    {
        var e = await Assert.ThrowsAsync<InputException>(() => Validate(path, options));
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    [Fact]
    public async Task Two_hundred_thousand_nested_arrays_are_refused_at_their_place_whatever_the_document()
    {
        var inPackage = Write("deep.json", Package.Replace("\"title\": \"Données ouvertes\"", "\"title\": \"Données ouvertes\", \"extra\": " + Nest(Deep)));
        var message = await Refused(inPackage);
        Assert.StartsWith(inPackage + ":1:", message, StringComparison.Ordinal);
        Assert.Contains("nested deeper than 256 levels, the maximum depth; raise it with --max-depth N", message, StringComparison.Ordinal);

        var inRelease = Write("deep-release.json", ReleasePackage.Replace("\"tender\": {", "\"tender\": {\"extra\": " + Nest(Deep) + ","));
        Assert.Contains("nested deeper than 256 levels", await Refused(inRelease), StringComparison.Ordinal);

        var objects = Write("deep-objects.json", string.Concat(Enumerable.Repeat("{\"a\":", Deep)) + "1" + new string('}', Deep));
        Assert.Contains("nested deeper than 256 levels", await Refused(objects), StringComparison.Ordinal);

        var schema = Write("schema.json", "{\"type\": \"array\"}");
        var anyJson = Write("deep-any.json", Nest(Deep));
        Assert.Contains("nested deeper than 256 levels", await Refused(anyJson, new ValidationOptions { SchemaPath = schema }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nesting_within_the_limit_goes_through_the_schema_the_rules_and_the_ocds_checks()
    {
        var deepButAllowed = Nest(200);
        var package = await Validate(Write("p.json", Package.Replace("\"title\": \"Données ouvertes\"", "\"title\": \"Données ouvertes\", \"extra\": " + deepButAllowed)));
        Assert.Equal(1, package.Counts.Records);
        var release = await Validate(Write("r.json", ReleasePackage.Replace("\"tender\": {", "\"tender\": {\"extra\": " + deepButAllowed + ",")));
        Assert.Equal(1, release.Counts.Records);
        // The limit is an option, up to its ceiling.
        var raised = await Validate(Write("p2.json", Package.Replace("\"version\": \"1.0\"", "\"version\": \"1.0\", \"x\": " + Nest(400))), new ValidationOptions { MaxDepth = 512 });
        Assert.Equal(1, raised.Counts.Records);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentValidator(new ValidationOptions { MaxDepth = 100_000 }));
    }

    [Fact]
    public async Task Invalid_utf8_is_refused_or_reported_at_its_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Package.Replace("Données ouvertes", "Donn\u0001es")).Select(b => b == 1 ? (byte)0xFF : b).ToArray();
        Assert.Matches(@"not valid UTF-8 at byte \d+; save the file as UTF-8\.$", await Refused(Write("bad.json", bytes)));

        var release = Encoding.UTF8.GetBytes(ReleasePackage.Replace("\"id\": \"T1\"", "\"id\": \"T\u0001\"")).Select(b => b == 1 ? (byte)0xC3 : b).ToArray();
        var report = await Validate(Write("bad-release.json", release));
        var finding = Assert.Single(report.Findings, f => f.RuleId == RuleIds.OcdsMalformedJson);
        Assert.Contains("not valid UTF-8", finding.Message, StringComparison.Ordinal);
        Assert.Equal(3, finding.Line);
    }

    [Fact]
    public async Task A_byte_order_mark_changes_nothing()
    {
        var bom = Encoding.UTF8.GetPreamble();
        var plain = await Validate(Write("plain.json", Package));
        var marked = await Validate(Write("bom.json", [.. bom, .. Encoding.UTF8.GetBytes(Package)]));
        Assert.Equal(plain.Findings.Select(f => (f.RuleId, f.Pointer, f.Line, f.Column)), marked.Findings.Select(f => (f.RuleId, f.Pointer, f.Line, f.Column)));
        var release = await Validate(Write("bom-release.json", [.. bom, .. Encoding.UTF8.GetBytes(ReleasePackage)]));
        Assert.Equal(1, release.Counts.Records);
    }

    [Fact]
    public async Task A_truncated_file_is_refused_at_the_line_and_column_of_the_cut()
    {
        var cut = Package[..Package.IndexOf("\"contacts\"", StringComparison.Ordinal)] + "\"conta";
        var lines = cut.Split('\n');
        var message = await Refused(Write("cut.json", cut));
        Assert.StartsWith($"{Path.Combine(Folder, "cut.json")}:{lines.Length}:{lines[^1].Length + 1}: ", message, StringComparison.Ordinal);
        Assert.Contains("the text ends inside the string opened at", message, StringComparison.Ordinal);

        var release = Write("cut-release.json", ReleasePackage[..(ReleasePackage.IndexOf("\"EUR\"", StringComparison.Ordinal) + 3)]);
        Assert.Matches(@":3:\d+: ", await Refused(release));
    }

    [Fact]
    public async Task An_empty_file_is_refused_as_empty()
    {
        Assert.EndsWith("the file is empty; a JSON document or a CSV sheet was expected.", await Refused(Write("empty.json", "")), StringComparison.Ordinal);
        Assert.EndsWith("the file is empty; a JSON document or a CSV sheet was expected.", await Refused(Write("blank.json", " \n\t")), StringComparison.Ordinal);
        Assert.Contains("no header row", await Refused(Write("empty.csv", "")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_60_MB_string_is_validated_and_a_lower_limit_refuses_it_naming_the_option()
    {
        var path = Write("long.json", Package.Replace("Données ouvertes", new string('d', 60_000_000)));
        var report = await Validate(path);
        Assert.Equal(1, report.Counts.Records);

        var longish = Write("longish.json", Package.Replace("Données ouvertes", new string('d', 2_000)));
        var message = await Refused(longish, new ValidationOptions { MaxStringLength = 1_000 });
        Assert.Contains(":1:", message, StringComparison.Ordinal);
        Assert.Contains("a string longer than 1000 characters, the maximum string length; raise it with --max-string-length N", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_keys_are_a_finding_at_the_repeat_in_packages_and_in_any_document()
    {
        var text = Package.Replace("\"title\": \"Données ouvertes\",", "\"title\": \"Données ouvertes\",\n \"title\": \"Open data\",");
        var report = await Validate(Write("dup.json", text));
        var duplicate = Assert.Single(report.Findings, f => f.RuleId == RuleIds.DuplicatePropertyName);
        Assert.Equal((Severity.Error, "/actionPlans/0/commitments/0/title", 2, 2), (duplicate.Severity, duplicate.Pointer, duplicate.Line, duplicate.Column));
        Assert.Contains("first at line 1", duplicate.Message, StringComparison.Ordinal);
        Assert.False(report.Valid);

        var schema = Write("schema.json", "{\"type\": \"object\"}");
        var any = await Validate(Write("dup-any.json", "{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}"), new ValidationOptions { SchemaPath = schema });
        Assert.Equal("/b/c", Assert.Single(any.Findings).Pointer);

        var off = await Validate(Write("dup2.json", text), new ValidationOptions { Severities = System.Collections.Immutable.ImmutableDictionary<string, Severity>.Empty.Add(RuleIds.DuplicatePropertyName, Severity.None) });
        Assert.DoesNotContain(off.Findings, f => f.RuleId == RuleIds.DuplicatePropertyName);
    }

    [Fact]
    public async Task Numbers_beyond_double_are_validated_without_a_crash()
    {
        var package = await Validate(Write("n.json", Package.Replace("\"version\": \"1.0\"", "\"version\": \"1.0\", \"x\": [1e400, -1e400, 123456789012345678901234567890.5, -0]")));
        Assert.Equal(1, package.Counts.Records);
        var release = await Validate(Write("n-release.json", ReleasePackage.Replace("\"amount\": 10", "\"amount\": -1e400")));
        Assert.Contains(release.Findings, f => f.RuleId == RuleIds.OcdsNegativeAmount);
    }

    [Fact]
    public async Task A_ragged_commitment_sheet_is_refused_naming_the_row()
    {
        var path = Write("ragged.csv", "id;title;milestones/0/id\nC1;Un\nC2;Deux;M1;oublié\n");
        var message = await Refused(path);
        Assert.Equal($"{path}:3:12: not a commitments sheet: row 3 has a value in column 4, beyond the 3 columns of the header row", message);
    }

    [Fact]
    public async Task The_file_size_cap_refuses_big_inputs_and_gzip_bombs_before_reading_them_whole()
    {
        var big = Write("big.json", Package.Replace("\"version\": \"1.0\"", "\"version\": \"1.0\", \"pad\": \"" + new string(' ', 2_000_000) + "\""));
        var message = await Refused(big, new ValidationOptions { MaxFileSize = 1 << 20 });
        Assert.Contains("larger than 1,048,576 bytes", message, StringComparison.Ordinal);
        Assert.Contains("the maximum file size; raise it with --max-file-size SIZE", message, StringComparison.Ordinal);

        // 64 MB of spaces inside a package compress to a few tens of kilobytes: the cap stops the inflating.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("{\"version\": \"1.0\", \"actionPlans\": [], \"pad\": \""));
            var spaces = new byte[1 << 20];
            spaces.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 64; i++) gzip.Write(spaces);
            gzip.Write("\"}"u8);
        }
        var bomb = Write("bomb.json.gz", compressed.ToArray());
        Assert.InRange(new FileInfo(bomb).Length, 1, 1 << 20);
        Assert.Contains("the maximum file size", await Refused(bomb, new ValidationOptions { MaxFileSize = 8 << 20 }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_with_a_remote_ref_is_refused_without_fetching_and_a_catastrophic_pattern_is_bounded()
    {
        var remote = Write("remote.schema.json", "{\"properties\": {\"a\": {\"$ref\": \"https://127.0.0.1:9/never.json\"}}}");
        var message = await Refused(Write("a.json", "{\"a\": 1}"), new ValidationOptions { SchemaPath = remote });
        Assert.Contains("cannot be used", message, StringComparison.Ordinal);
        Assert.Contains("https://127.0.0.1:9/never.json", message, StringComparison.Ordinal);

        var evil = Write("evil.schema.json", "{\"properties\": {\"a\": {\"pattern\": \"^(a+)+$\"}}, \"patternProperties\": {\"^(b|bb)+$\": {\"type\": \"string\"}}}");
        var instance = Write("evil.json", "{\"a\": \"" + new string('a', 20_000) + "!\", \"" + new string('b', 20_000) + "!\": 1}");
        var report = await Validate(instance, new ValidationOptions { SchemaPath = evil });
        Assert.Single(report.Findings, f => f.Keyword == "pattern");
    }

    [Fact]
    public async Task The_schema_zip_is_inflated_under_a_cap_never_to_the_end_of_a_bomb()
    {
        var zip = Path.Combine(Folder, "schema.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntry("schema/release-schema.json").Open().Dispose();
            // Five entries just under the per-entry cap: together past the total cap.
            var zeros = new byte[1 << 20];
            for (var n = 0; n < 5; n++)
            {
                using var entry = archive.CreateEntry($"schema/codelists/filler{n}.csv", CompressionLevel.Fastest).Open();
                for (var i = 0; i < 60; i++) entry.Write(zeros);
            }
        }
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => OcdsSchemaSet.LoadAsync(OcdsSchemaSource.FromZip(zip)));
        Assert.Contains("inflate to more than 256 MB in all", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_extension_path_outside_the_dataFolder_is_refused_with_a_finding()
    {
        var schemas = SharedData.Require("ocds/schema/1.1.5");
        var data = Directory.CreateDirectory(Path.Combine(Folder, "data")).FullName;
        File.WriteAllText(Path.Combine(Folder, "extension.json"), "{\"name\": \"outside\"}");
        var outside = new[] { "../extension.json", "../../../../../../etc/passwd", Path.Combine(Folder, "extension.json"), "file:///etc/passwd" };
        var refused = await ExtensionsNotApplied(data, schemas, outside);
        Assert.Equal(outside.Length, refused.Count);
        Assert.All(refused, f => Assert.Contains("outside the data file's folder", f.Message, StringComparison.Ordinal));
    }

    /// <summary>Validates a release package in <paramref name="data"/> declaring <paramref name="extensions"/>; the OCDS0009 findings.</summary>
    private async Task<List<Finding>> ExtensionsNotApplied(string data, string schemas, string[] extensions)
    {
        var text = ReleasePackage.Replace("\"version\": \"1.1\",", "\"version\": \"1.1\", \"extensions\": [" + string.Join(", ", extensions.Select(e => System.Text.Json.JsonSerializer.Serialize(e))) + "],");
        var path = Path.Combine(data, "package.json");
        File.WriteAllText(path, text);
        var report = await Validate(path, new ValidationOptions { OcdsSchemaDirectory = schemas });
        return report.Findings.Where(f => f.RuleId == RuleIds.OcdsExtensionNotApplied).ToList();
    }

    [SkippableFact]
    public async Task A_symbolic_link_in_the_data_folder_that_leads_outside_it_is_refused_like_a_path()
    {
        var schemas = SharedData.Require("ocds/schema/1.1.5");
        var outside = Directory.CreateDirectory(Path.Combine(Folder, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "extension.json"), "{\"name\": \"outside\"}");
        File.WriteAllText(Path.Combine(outside, "release-schema.json"), "{\"properties\": {\"secret\": {\"type\": \"string\"}}}");
        var data = Directory.CreateDirectory(Path.Combine(Folder, "data")).FullName;
        // A link to the folder, a link to the file, and a real extension whose schema beside it is a link.
        Directory.CreateSymbolicLink(Path.Combine(data, "linked"), outside);
        Directory.CreateDirectory(Path.Combine(data, "files"));
        File.CreateSymbolicLink(Path.Combine(data, "files", "extension.json"), Path.Combine(outside, "extension.json"));
        Directory.CreateDirectory(Path.Combine(data, "mixed"));
        File.WriteAllText(Path.Combine(data, "mixed", "extension.json"), "{\"name\": \"mixed\"}");
        File.CreateSymbolicLink(Path.Combine(data, "mixed", "release-schema.json"), Path.Combine(outside, "release-schema.json"));
        var extensions = new[] { "linked/extension.json", "files/extension.json", "mixed/extension.json" };
        var refused = await ExtensionsNotApplied(data, schemas, extensions);
        Assert.Equal(extensions.Length, refused.Count);
        Assert.All(refused, f => Assert.Contains("outside the data file's folder through a symbolic link", f.Message, StringComparison.Ordinal));
    }
}
