using System.Text.Json;
using OgpData.Findings;

namespace OgpData.Reporting;

/// <summary>
/// SARIF 2.1.0, the format GitHub code scanning and Azure DevOps read: one run, the tool's driver listing
/// each rule reported with its description and its whole page as help (text and Markdown, so viewers show it
/// without following a link; a help link only when a documentation address was configured), one result per
/// finding with file, line and column and the JSON Pointer as a logical location, and one notification per
/// check that did not run on a file (the schema of OCDS data given no schema source, for example).
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    private const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <inheritdoc />
    public void Write(ValidationReport report, Stream output)
    {
        // The rules reported, in catalogue order, then any id the catalogue does not know: each carries its whole
        // page, so listing the ~70 rules of the catalogue would make every file hundreds of kilobytes.
        var reported = report.Files.SelectMany(f => f.Findings).Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        var rules = RuleCatalog.All.Where(r => reported.Contains(r.Id)).ToList();
        foreach (var id in reported.Order(StringComparer.Ordinal))
        {
            if (RuleCatalog.Find(id) is null)
            {
                rules.Add(new RuleDescriptor { Id = id, Title = id, DefaultSeverity = Severity.Warning, Category = "Other" });
            }
        }
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);

        using var json = new Utf8JsonWriter(output, JsonReportWriter.Options);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", report.ToolName);
        json.WriteString("semanticVersion", report.ToolVersion);
        if (RuleDocumentation.DocumentationUri is { } documentation) json.WriteString("informationUri", documentation);
        json.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(json, rule);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        WriteInvocation(json, report);

        json.WriteStartArray("artifacts");
        foreach (var file in report.Files)
        {
            json.WriteStartObject();
            json.WriteStartObject("location");
            json.WriteString("uri", ToUri(file.Path));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("results");
        for (var artifact = 0; artifact < report.Files.Length; artifact++)
        {
            var file = report.Files[artifact];
            foreach (var finding in file.Findings) WriteResult(json, file, artifact, finding, ruleIndex[finding.RuleId]);
        }
        json.WriteEndArray();

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Id);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        if (rule.Help.Length > 0)
        {
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Description);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", RuleDocumentation.Text(rule.Id));
            json.WriteString("markdown", rule.Help);
            json.WriteEndObject();
        }
        if (rule.HelpUri is { } helpUri) json.WriteString("helpUri", helpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // The run succeeded; each check that did not run on a file is a notification, so a viewer says what was not checked.
    private static void WriteInvocation(Utf8JsonWriter json, ValidationReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartArray("toolExecutionNotifications");
        for (var artifact = 0; artifact < report.Files.Length; artifact++)
        {
            var file = report.Files[artifact];
            foreach (var check in file.Checks)
            {
                if (check.Ran) continue;
                json.WriteStartObject();
                json.WriteString("level", check.Check == CheckNames.Schema ? "warning" : "note");
                json.WriteStartObject("message");
                json.WriteString("text", $"{file.Path}: {check.Check} not checked: {check.Note}.");
                json.WriteEndObject();
                json.WriteStartObject("descriptor");
                json.WriteString("id", "check-not-run/" + check.Check);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                WriteArtifactLocation(json, file, artifact);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, FileReport file, int artifact, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, file, artifact);
        if (finding.Line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", finding.Line);
            if (finding.Column > 0) json.WriteNumber("startColumn", finding.Column);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", finding.Pointer.Length == 0 ? "/" : finding.Pointer);
        json.WriteString("kind", "element");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        if (finding.Keyword is not null || finding.Value is not null)
        {
            json.WriteStartObject("properties");
            if (finding.Keyword is not null) json.WriteString("keyword", finding.Keyword);
            if (finding.Value is not null) json.WriteString("value", finding.Value);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, FileReport file, int artifact)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(file.Path));
        json.WriteNumber("index", artifact);
        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    // SARIF wants URI references: forward slashes, spaces and other reserved characters escaped.
    private static string ToUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
