using System.Text.Encodings.Web;
using System.Text.Json;
using OgpData.Findings;

namespace OgpData.Reporting;

/// <summary>
/// Writes the JSON report whose shape DESIGN.md section 7 fixes:
/// <c>{ tool: {name, version}, files: [ { path, kind, valid, counts: {errors, warnings, records}, findings: [...] } ] }</c>.
/// Fields beyond the contract are added after the contract's own, never instead of them.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>How the JSON reports (this one and SARIF) are written: indented, accents and quotes left readable,
    /// since the data is French and the reports are read by people too.</summary>
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc />
    public void Write(ValidationReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteString("name", report.ToolName);
        json.WriteString("version", report.ToolVersion);
        json.WriteEndObject();
        json.WriteStartArray("files");
        foreach (var file in report.Files) WriteFile(json, file);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteFile(Utf8JsonWriter json, FileReport file)
    {
        json.WriteStartObject();
        json.WriteString("path", file.Path);
        json.WriteString("kind", file.Kind);
        json.WriteBoolean("valid", file.Valid);
        json.WriteStartObject("counts");
        json.WriteNumber("errors", file.Counts.Errors);
        json.WriteNumber("warnings", file.Counts.Warnings);
        json.WriteNumber("records", file.Counts.Records);
        json.WriteNumber("infos", file.Counts.Infos);
        json.WriteEndObject();
        json.WriteStartArray("findings");
        foreach (var finding in file.Findings) WriteFinding(json, finding);
        json.WriteEndArray();
        json.WriteBoolean("truncated", file.Truncated);
        // Which checks ran and which did not: { "schema": { "ran": false, "note": "why" }, ... }.
        json.WriteStartObject("checks");
        foreach (var check in file.Checks)
        {
            json.WriteStartObject(check.Check);
            json.WriteBoolean("ran", check.Ran);
            json.WriteString("note", check.Note);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("pointer", finding.Pointer);
        json.WriteNumber("line", finding.Line);
        json.WriteNumber("column", finding.Column);
        json.WriteString("message", finding.Message);
        if (finding.Keyword is null) json.WriteNull("keyword");
        else json.WriteString("keyword", finding.Keyword);
        if (finding.SchemaLocation is not null) json.WriteString("schemaLocation", finding.SchemaLocation);
        if (finding.Value is not null) json.WriteString("value", finding.Value);
        if (finding.Cues is { Count: > 0 } cues)
        {
            json.WriteStartArray("cues");
            foreach (var cue in cues) json.WriteStringValue(cue);
            json.WriteEndArray();
        }
        if (finding.Language is not null) json.WriteString("language", finding.Language);
        json.WriteEndObject();
    }
}
