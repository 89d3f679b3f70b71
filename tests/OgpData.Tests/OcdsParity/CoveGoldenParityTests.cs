using System.Text.Json;
using OgpData.Findings;
using OgpData.Reporting;
using OgpData.Testing;
using OgpData.Validation;

namespace OgpData.Tests.OcdsParity;

/// <summary>
/// The whole pipeline (<see cref="DocumentValidator"/>: detection, the OCDS 1.1.5 schemas, every OCDS check)
/// against the Data Review Tool's golden output for its "all validation errors" file, error by error.
/// Every golden entry must be one of our findings (same JSON Pointer, the corresponding keyword or rule),
/// every one of our findings must be a golden entry, and anything else must be listed in
/// <see cref="ExpectedDifferences"/> with its reason.
/// </summary>
public class CoveGoldenParityTests
{
    private const string Fixture = "ocds/fixtures/cove-ocds/badfile_all_validation_errors.json";
    private const string Golden = "ocds/fixtures/cove-ocds/badfile_all_validation_errors_results.json";

    /// <summary>
    /// The known differences between the Data Review Tool and us on the golden file, as (rule or golden
    /// section, pointer) with the reason. Empty means we report exactly what it reports. Wording is never
    /// compared: our messages are our own; what is compared is where (the pointer) and what (the keyword).
    /// </summary>
    private static readonly IReadOnlyList<(string Side, string What, string Pointer, string Reason)> ExpectedDifferences = [];

    /// <summary>
    /// The Data Review Tool names schema errors by what failed ("number", "date-time"); our schema findings
    /// carry the JSON Schema keyword, and for type errors the expected type in the message.
    /// </summary>
    private static (string Keyword, string? ExpectedType) KeywordOf(string coveType) => coveType switch
    {
        "string" => ("type", "a string"),
        "number" => ("type", "a number"),
        "integer" => ("type", "an integer"),
        "object" => ("type", "an object"),
        "array" => ("type", "an array"),
        "boolean" => ("type", "a boolean"),
        "date-time" or "uri" or "email" => ("format", null),
        _ => (coveType, null),
    };

    /// <summary>The golden sections that are lists of findings, and the rule of ours each corresponds to.</summary>
    private static readonly IReadOnlyDictionary<string, string> SectionRules = new Dictionary<string, string>
    {
        ["additional_checks/empty_field"] = RuleIds.OcdsEmptyField,
        ["additional_closed_codelist_values"] = RuleIds.OcdsClosedCodelistValue,
        ["additional_open_codelist_values"] = RuleIds.OcdsOpenCodelistValue,
        ["additional_fields"] = RuleIds.OcdsAdditionalField,
        ["deprecated_fields"] = RuleIds.OcdsDeprecatedField,
        ["ocds_prefixes_bad_format"] = RuleIds.OcdsBadOcidPrefix,
    };

    [SkippableFact]
    public async Task Badfile_all_validation_errors_matches_the_data_review_tool_error_by_error()
    {
        var input = SharedData.Require(Fixture);
        using var golden = JsonDocument.Parse(await File.ReadAllBytesAsync(SharedData.Require(Golden)));
        var validator = new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = SharedData.Require("ocds/schema/1.1.5") });
        var report = await validator.ValidateFileAsync(input);

        Assert.Equal(DocumentKinds.OcdsReleasePackage, report.Kind);
        Assert.False(report.Truncated);
        var unmatched = new List<Finding>(report.Findings);
        var problems = new List<string>();
        var root = golden.RootElement;

        // validation_errors: one schema finding at the same pointer with the corresponding keyword.
        foreach (var error in root.GetProperty("validation_errors").EnumerateArray())
        {
            var pointer = "/" + error.GetProperty("path").GetString();
            var coveType = error.GetProperty("type").GetString()!;
            var (keyword, expectedType) = KeywordOf(coveType);
            var match = unmatched.FindIndex(f => f.RuleId == RuleIds.Schema && f.Pointer == pointer && f.Keyword == keyword
                && (expectedType is null || f.Message.Contains("expected " + expectedType, StringComparison.Ordinal))
                && ValueAgrees(error.GetProperty("value"), f.Value));
            Take(match, "validation_errors", coveType, pointer);
        }

        // The other sections: same pointer, the corresponding rule.
        foreach (var (section, rule) in SectionRules)
        {
            foreach (var pointer in GoldenPointers(root, section))
            {
                Take(unmatched.FindIndex(f => f.RuleId == rule && f.Pointer == pointer), section, rule, pointer);
            }
        }

        // Whatever of ours the Data Review Tool did not report must be a listed difference.
        foreach (var finding in unmatched)
        {
            if (!IsExpected("ours", finding.RuleId == RuleIds.Schema ? finding.Keyword ?? "" : finding.RuleId, finding.Pointer))
            {
                problems.Add($"only we report {finding.RuleId} {finding.Keyword} at {finding.Pointer}: {finding.Message}");
            }
        }
        Assert.True(problems.Count == 0, "Unexplained differences from the Data Review Tool:\n" + string.Join("\n", problems));

        // The golden file has no extension to apply, and neither do we.
        Assert.Empty(root.GetProperty("extensions").EnumerateObject());
        Assert.Empty(report.Findings.Where(f => f.RuleId == RuleIds.OcdsExtensionNotApplied));
        // Counts are the findings (nothing capped).
        Assert.Equal(FindingCounts.Of(report.Findings, 1), report.Counts);

        void Take(int index, string section, string what, string pointer)
        {
            if (index >= 0) unmatched.RemoveAt(index);
            else if (!IsExpected(section, what, pointer)) problems.Add($"the Data Review Tool reports {section} {what} at {pointer}; we do not");
        }
    }

    /// <summary>Our finding values are JSON text with only the characters JSON requires escaped.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static bool IsExpected(string side, string what, string pointer) =>
        ExpectedDifferences.Any(d => d.Side == side && d.What == what && d.Pointer == pointer);

    /// <summary>
    /// The golden value against ours where the golden one is the offending value itself (a non-empty string or
    /// a number); for "required" and empty values the Data Review Tool writes "" whatever the instance was.
    /// </summary>
    private static bool ValueAgrees(JsonElement golden, string? ours) => golden.ValueKind switch
    {
        JsonValueKind.String when golden.GetString()!.Length > 0 => ours == JsonSerializer.Serialize(golden.GetString(), Readable),
        JsonValueKind.Number => ours == golden.GetRawText(),
        _ => true,
    };

    /// <summary>The JSON Pointers a golden section lists (it writes them without the leading slash).</summary>
    private static IEnumerable<string> GoldenPointers(JsonElement root, string section)
    {
        var parts = section.Split('/');
        var node = root;
        foreach (var part in parts)
        {
            if (!node.TryGetProperty(part, out node)) yield break;
        }
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in node.EnumerateArray())
            {
                // empty_field and additional_fields entries carry a json_location; the others a path.
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("json_location", out var location)) yield return "/" + location.GetString();
                else if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("path", out var path)) yield return "/" + path.GetString();
                else if (entry.ValueKind == JsonValueKind.String) yield return "/" + entry.GetString();
            }
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            // Codelist sections group values by generic path ("releases/tender/value/currency"); our findings
            // carry array indexes, so each value is matched at the single release of the file.
            foreach (var group in node.EnumerateObject())
            {
                var generic = group.Value.GetProperty("path").GetString() + "/" + group.Value.GetProperty("field").GetString();
                foreach (var _ in group.Value.GetProperty("values").EnumerateArray()) yield return "/" + InsertIndexes(generic);
            }
        }
    }

    /// <summary>"releases/tender/value" in the one-release golden file is "releases/0/tender/value".</summary>
    private static string InsertIndexes(string generic) =>
        generic.StartsWith("releases/", StringComparison.Ordinal) ? "releases/0/" + generic["releases/".Length..] : generic;
}
