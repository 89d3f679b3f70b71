using System.Collections.Immutable;
using System.Text.Json;
using OgpData.Findings;
using OgpData.Measurability;
using OgpData.Validation;

namespace OgpData.Cli;

/// <summary>
/// Settings a CI job keeps beside its data: <c>ogpdata.json</c> in the working folder. Options given on the
/// command line win over it.
/// <code>
/// { "rules": { "OGP0009": "none", "OGP0001": "error" }, "failOn": "warning", "maxErrors": 200,
///   "ocdsSchemaDir": "schema/1.1.5", "ocdsVersion": "1.1", "format": "sarif",
///   "measurability": { "threshold": 0.35, "uncertainBelow": 0.6, "uncertain": "info" } }
/// </code>
/// </summary>
internal sealed record CliConfig
{
    public const string FileName = "ogpdata.json";

    public ImmutableDictionary<string, Severity> Rules { get; init; } = ImmutableDictionary<string, Severity>.Empty;
    public string? FailOn { get; init; }
    public int? MaxErrors { get; init; }
    public string? OcdsSchemaDir { get; init; }
    public string? OcdsVersion { get; init; }
    public string? Format { get; init; }

    /// <summary>OGP0001's thresholds and its reporting of uncertain milestones (<c>measurability</c>).</summary>
    public MeasurabilityOptions Measurability { get; init; } = MeasurabilityOptions.Default;

    /// <summary>The keys of <c>measurability</c> in ogpdata.json, also given as <c>--rules OGP0001.threshold=0.3</c>.</summary>
    private const string MeasurabilityKeys = "threshold, uncertainBelow, uncertain";

    /// <summary>The configuration in <paramref name="folder"/>, or an empty one when there is no file.</summary>
    public static CliConfig Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return new CliConfig();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new UsageException($"{FileName} must hold a JSON object.");
            var config = new CliConfig();
            foreach (var property in root.EnumerateObject())
            {
                config = property.Name switch
                {
                    "rules" => config with { Rules = ReadRules(property.Value) },
                    "failOn" => config with { FailOn = Text(property) },
                    "maxErrors" => config with { MaxErrors = property.Value.TryGetInt32(out var max) && max >= 0 ? max : throw new UsageException($"{FileName}: maxErrors must be a whole number of at least 0.") },
                    "ocdsSchemaDir" => config with { OcdsSchemaDir = Path.GetFullPath(Text(property), folder) },
                    "ocdsVersion" => config with { OcdsVersion = Text(property) },
                    "format" => config with { Format = Text(property) },
                    "measurability" => config with { Measurability = ReadMeasurability(property.Value) },
                    _ => throw new UsageException($"{FileName}: unknown setting '{property.Name}' (rules, failOn, maxErrors, ocdsSchemaDir, ocdsVersion, format, measurability)."),
                };
            }
            return config;
        }
        catch (JsonException e)
        {
            throw new UsageException($"{FileName} is not well-formed JSON (line {e.LineNumber + 1}): {e.Message.Split(" LineNumber:")[0]}");
        }
    }

    /// <summary>Reads <c>--rules OGP0009=none,OGP0001=error</c>.</summary>
    public static ImmutableDictionary<string, Severity> ParseRules(IEnumerable<string> values)
    {
        var rules = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (IsMeasurabilityItem(item)) continue; // OGP0001.threshold=0.3: read by WithMeasurability
                var equals = item.IndexOf('=');
                if (equals <= 0) throw new UsageException($"--rules wants ID=severity pairs such as OGP0009=none, not '{item}'.");
                rules[CheckId(item[..equals].Trim())] = ReadSeverity(item[(equals + 1)..].Trim(), item);
            }
        }
        return rules.ToImmutable();
    }

    /// <summary>
    /// The OGP0001 options of <c>--rules OGP0001.threshold=0.3,OGP0001.uncertainBelow=0.5,OGP0001.uncertain=none</c>
    /// on top of the file's <see cref="Measurability"/>.
    /// </summary>
    public MeasurabilityOptions WithMeasurability(IEnumerable<string> values)
    {
        var options = Measurability;
        foreach (var value in values)
        {
            foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!IsMeasurabilityItem(item)) continue;
                var equals = item.IndexOf('=');
                if (equals < 0) throw new UsageException($"--rules wants {item}=value.");
                options = SetMeasurability(options, item[(item.IndexOf('.') + 1)..equals].Trim(), item[(equals + 1)..].Trim(), "--rules " + item);
            }
        }
        return options;
    }

    private static bool IsMeasurabilityItem(string item) => item.StartsWith("OGP0001.", StringComparison.Ordinal);

    private static MeasurabilityOptions ReadMeasurability(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new UsageException($"{FileName}: measurability must be an object ({MeasurabilityKeys}).");
        var options = MeasurabilityOptions.Default;
        foreach (var property in element.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.String => property.Value.GetString()!,
                _ => "",
            };
            options = SetMeasurability(options, property.Name, text, $"{FileName}: measurability.{property.Name}");
        }
        return options;
    }

    private static MeasurabilityOptions SetMeasurability(MeasurabilityOptions options, string key, string value, string where)
    {
        switch (key)
        {
            case "threshold":
                return options with { Threshold = Score(value, where) };
            case "uncertainBelow":
                return options with { UncertainBelow = Score(value, where) };
            case "uncertain":
                return value switch
                {
                    "info" => options with { ReportUncertain = true },
                    "none" => options with { ReportUncertain = false },
                    _ => throw new UsageException($"{where}: uncertain milestones are reported at info or none."),
                };
            default:
                throw new UsageException($"{where}: unknown OGP0001 setting '{key}' ({MeasurabilityKeys}).");
        }
    }

    private static double Score(string text, string where) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score) && score >= 0 && score <= 1
            ? score
            : throw new UsageException($"{where}: a score between 0 and 1, such as 0.35.");

    private static ImmutableDictionary<string, Severity> ReadRules(JsonElement rules)
    {
        if (rules.ValueKind != JsonValueKind.Object) throw new UsageException($"{FileName}: rules must map rule ids to severities.");
        var result = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.Ordinal);
        foreach (var rule in rules.EnumerateObject())
        {
            result[CheckId(rule.Name)] = ReadSeverity(rule.Value.ValueKind == JsonValueKind.String ? rule.Value.GetString() : null, rule.Name);
        }
        return result.ToImmutable();
    }

    private static string CheckId(string id) =>
        RuleCatalog.Find(id) is null ? throw new UsageException($"'{id}' is not a rule id; 'ogpdata rules' lists them.") : id;

    private static Severity ReadSeverity(string? text, string where) =>
        SeverityNames.TryParse(text, out var severity) ? severity
            : throw new UsageException($"'{where}': the severity must be error, warning, info or none.");

    private static string Text(JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : throw new UsageException($"{FileName}: {property.Name} must be a string.");

    /// <summary>Validation options: the file's rules, then the command line's on top.</summary>
    public ImmutableDictionary<string, Severity> RulesWith(ImmutableDictionary<string, Severity> commandLine) => Rules.SetItems(commandLine);
}
