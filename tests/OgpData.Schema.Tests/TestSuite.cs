using System.Text.Json;
using OgpData.Schema;
using OgpData.Testing;

namespace OgpData.Schema.Tests;

/// <summary>
/// Runs the official JSON-Schema-Test-Suite (read from ../shared/data, never copied) against the engine.
/// Remote documents are registered under http://localhost:1234/ from the local folder: no network.
/// </summary>
internal static class TestSuite
{
    public const string Root = "json-schema-test-suite";

    public static readonly (string Folder, SchemaDraft Draft)[] Drafts =
    [
        ("draft4", SchemaDraft.Draft4),
        ("draft6", SchemaDraft.Draft6),
        ("draft7", SchemaDraft.Draft7),
        ("draft2019-09", SchemaDraft.Draft201909),
        ("draft2020-12", SchemaDraft.Draft202012),
    ];

    /// <summary>
    /// Tests deliberately left out, as "draft/file|group|test" ("*" for a whole group), with the reason.
    /// The README publishes this list.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Exclusions = new Dictionary<string, string>
    {
        ["draft4/definitions.json|validate definition against metaschema|*"] = MetaSchema,
        ["draft6/definitions.json|validate definition against metaschema|*"] = MetaSchema,
        ["draft7/definitions.json|validate definition against metaschema|*"] = MetaSchema,
        ["draft4/ref.json|remote ref, containing refs itself|*"] = MetaSchema,
        ["draft6/ref.json|remote ref, containing refs itself|*"] = MetaSchema,
        ["draft7/ref.json|remote ref, containing refs itself|*"] = MetaSchema,
        ["draft2019-09/ref.json|remote ref, containing refs itself|*"] = MetaSchema,
        ["draft2020-12/ref.json|remote ref, containing refs itself|*"] = MetaSchema,
        ["draft2019-09/defs.json|validate definition against metaschema|*"] = MetaSchema,
        ["draft2020-12/defs.json|validate definition against metaschema|*"] = MetaSchema,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|Arabic-Indic digits mixed with Extended Arabic-Indic digits"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|Exceptions that are DISALLOWED, left-to-right chars"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|Exceptions that are DISALLOWED, right-to-left chars"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|Greek KERAIA not followed by Greek"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|Greek KERAIA not followed by anything"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|Hebrew GERESH not preceded by Hebrew"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|Hebrew GERESH not preceded by anything"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|Hebrew GERSHAYIM not preceded by Hebrew"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|Hebrew GERSHAYIM not preceded by anything"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|KATAKANA MIDDLE DOT with no Hiragana, Katakana, or Han"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|KATAKANA MIDDLE DOT with no other characters"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|MIDDLE DOT with no following 'l'"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|MIDDLE DOT with no preceding 'l'"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|MIDDLE DOT with nothing following"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|MIDDLE DOT with nothing preceding"] = Idna,
        ["*/optional/format/hostname.json|validation of A-label (punycode) host names|contains illegal char U+302E Hangul single dot tone mark"] = Idna,
    };

    private const string Idna =
        "IDNA2008 contextual rules (RFC 5892 CONTEXTJ/CONTEXTO, DISALLOWED code points) are not implemented; A-labels are only decoded as Punycode.";

    private const string MetaSchema =
        "validates against the draft's own meta-schema, which the engine does not bundle (it is never fetched either).";

    private static readonly Lazy<SchemaRegistry?> Remotes = new(LoadRemotes);

    public static SchemaRegistry? Registry => Remotes.Value;

    private static SchemaRegistry? LoadRemotes()
    {
        var folder = SharedData.TryGet(Root + "/remotes");
        if (folder is null) return null;
        var registry = new SchemaRegistry();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            registry.Register(new Uri("http://localhost:1234/" + relative), document.RootElement);
        }
        return registry;
    }

    /// <summary>Files of a draft: every required file, plus optional/format files of the formats we assert.</summary>
    public static IEnumerable<string> Files(string draftFolder)
    {
        var folder = SharedData.TryGet(Root + "/tests/" + draftFolder);
        if (folder is null) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            yield return Path.GetFileName(file);
        }
        var formats = Path.Combine(folder, "optional", "format");
        if (!Directory.Exists(formats)) yield break;
        foreach (var file in Directory.EnumerateFiles(formats, "*.json").Order(StringComparer.Ordinal))
        {
            var format = Path.GetFileNameWithoutExtension(file);
            if (Formats.Supported.Contains(format)) yield return "optional/format/" + Path.GetFileName(file);
        }
    }

    public sealed record CaseResult(string Key, bool Passed, bool Excluded, string Detail);

    /// <summary>Runs every test of one file and says, per test, whether the engine agreed.</summary>
    public static List<CaseResult> Run(string draftFolder, SchemaDraft draft, string file)
    {
        var path = SharedData.Require(Root + "/tests/" + draftFolder + "/" + file);
        // 2020-12 makes format an annotation by default and its format.json tests that; the engine asserts
        // by default (OCDS relies on it), so that one file runs in the annotation mode the option offers.
        var formats = draft == SchemaDraft.Draft202012 && file == "format.json" ? FormatMode.Annotate : FormatMode.Assert;
        var options = new SchemaOptions { DefaultDraft = draft, Registry = Registry, Formats = formats };
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var results = new List<CaseResult>();
        foreach (var group in document.RootElement.EnumerateArray())
        {
            var groupName = group.GetProperty("description").GetString()!;
            CompiledSchema? schema = null;
            string? compileError = null;
            try
            {
                schema = JsonSchema.Compile(group.GetProperty("schema"), options);
            }
            catch (SchemaCompileException e)
            {
                compileError = e.Message;
            }
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                var testName = test.GetProperty("description").GetString()!;
                var key = $"{draftFolder}/{file}|{groupName}|{testName}";
                var excluded = Exclusions.ContainsKey(key) || Exclusions.ContainsKey($"{draftFolder}/{file}|{groupName}|*") ||
                               Exclusions.ContainsKey($"*/{file}|{groupName}|{testName}");
                var expected = test.GetProperty("valid").GetBoolean();
                if (schema is null)
                {
                    results.Add(new CaseResult(key, false, excluded, "compile error: " + compileError));
                    continue;
                }
                ValidationResult result;
                try
                {
                    result = schema.Validate(test.GetProperty("data"));
                }
                catch (Exception e)
                {
                    results.Add(new CaseResult(key, false, excluded, "threw " + e.GetType().Name + ": " + e.Message));
                    continue;
                }
                var fast = schema.IsValid(test.GetProperty("data"));
                var passed = result.IsValid == expected && fast == expected;
                results.Add(new CaseResult(key, passed, excluded,
                    passed ? "" : $"expected {(expected ? "valid" : "invalid")}, got {(result.IsValid ? "valid" : "invalid")} (fast path: {fast}); {string.Join("; ", result.Errors.Take(3))}"));
            }
        }
        return results;
    }
}
