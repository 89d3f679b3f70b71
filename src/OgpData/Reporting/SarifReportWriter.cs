using System.Text.Json;
using OgpData.Findings;

namespace OgpData.Reporting;

/// <summary>
/// SARIF 2.1.0, the format GitHub code scanning and Azure DevOps read: one run, the tool's driver listing
/// every rule of the catalogue with its help link, one result per finding with file, line and column, and
/// the JSON Pointer as a logical location.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    private const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <inheritdoc />
    public void Write(ValidationReport report, Stream output)
    {
        var rules = RuleCatalog.All.ToList();
        foreach (var id in report.Files.SelectMany(f => f.Findings).Select(f => f.RuleId).Distinct())
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
        json.WriteString("informationUri", "https://github.com/ogpdata/ogpdata");
        json.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(json, rule);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

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
        json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteEndObject();
        json.WriteEndObject();
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
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(file.Path));
        json.WriteNumber("index", artifact);
        json.WriteEndObject();
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
