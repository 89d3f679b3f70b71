using System.Text;
using OgpData.Findings;
using OgpData.OcdsValidation;
using OgpData.Testing;

namespace OgpData.Tests.OcdsValidation;

/// <summary>The OCDS 1.1.5 schema set from the shared data, loaded once, and helpers to validate inline JSON.</summary>
internal static class OcdsTestData
{
    private static readonly Lazy<Task<OcdsSchemaSet>> Schemas = new(() =>
        OcdsSchemaSet.LoadAsync(OcdsSchemaSource.FromDirectory(SharedData.Require("ocds/schema/1.1.5"))));

    /// <summary>The schema set (skips the test when the shared data is absent).</summary>
    public static Task<OcdsSchemaSet> SchemaSet()
    {
        SharedData.Require("ocds/schema/1.1.5/release-schema.json");
        return Schemas.Value;
    }

    /// <summary>
    /// Validates inline JSON with the OCDS checks. The JSON Schema step, which <see cref="OcdsValidator"/> runs by
    /// default, runs only when <paramref name="schema"/> is set or the options give a schema check of their own:
    /// the tests that use this are about the checks, and the schema step's findings would drown theirs.
    /// </summary>
    public static async Task<OcdsValidationResult> Validate(string json, OcdsValidationOptions? options = null, bool schema = false) =>
        await OcdsValidator.ValidateAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), await Prepared(options, schema));

    /// <summary>As <see cref="Validate"/>, for a file.</summary>
    public static async Task<OcdsValidationResult> ValidateFile(string path, OcdsValidationOptions? options = null, bool schema = false)
    {
        var prepared = await Prepared(options, schema);
        await using var stream = File.OpenRead(path);
        return await OcdsValidator.ValidateAsync(stream, prepared);
    }

    private static readonly Func<OcdsSchemaSet, OcdsSchemaCheck>? DefaultSchemaCheck = new OcdsValidationOptions().SchemaCheckFactory;

    private static async Task<OcdsValidationOptions> Prepared(OcdsValidationOptions? options, bool schema)
    {
        options ??= new OcdsValidationOptions();
        if (options.Schemas is null) options = options with { Schemas = await SchemaSet() };
        if (!schema && options.SchemaCheckFactory == DefaultSchemaCheck) options = options with { SchemaCheckFactory = null };
        return options with { MaxFindings = 100_000 };
    }

    /// <summary>A release package around the given releases.</summary>
    public static string Package(params string[] releases) =>
        "{\"version\":\"1.1\",\"uri\":\"https://example.org/p.json\",\"publishedDate\":\"2020-01-01T00:00:00Z\",\"publisher\":{\"name\":\"P\"},\"releases\":[" +
        string.Join(",", releases) + "]}";

    /// <summary>A clean release, with the given members added.</summary>
    public static string Release(string extra = "", string id = "1", string ocid = "ocds-213czf-0001") =>
        "{\"ocid\":\"" + ocid + "\",\"id\":\"" + id + "\",\"date\":\"2020-01-01T00:00:00Z\",\"tag\":[\"tender\"],\"initiationType\":\"tender\"" +
        (extra.Length > 0 ? "," + extra : "") + "}";

    public static IReadOnlyList<Finding> Of(this OcdsValidationResult result, string ruleId) =>
        result.Findings.Where(f => f.RuleId == ruleId).ToList();

    public static IReadOnlyList<string> PointersOf(this OcdsValidationResult result, string ruleId) =>
        result.Of(ruleId).Select(f => f.Pointer).ToList();
}
