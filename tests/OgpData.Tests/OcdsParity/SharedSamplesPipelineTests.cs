using System.Text.Json;
using OgpData.Findings;
using OgpData.Reporting;
using OgpData.Testing;
using OgpData.Validation;

namespace OgpData.Tests.OcdsParity;

/// <summary>
/// Every real sample and every lib-cove-ocds fixture through the whole pipeline (detection, OCDS 1.1.5
/// schemas, every check): no crash, a kind detected, and counts that agree with the findings and with an
/// independent count of the items.
/// </summary>
public class SharedSamplesPipelineTests
{
    [SkippableFact]
    public async Task Every_sample_and_lib_cove_ocds_fixture_goes_through_the_pipeline()
    {
        var schemaDirectory = SharedData.Require("ocds/schema/1.1.5");
        var files = new[] { "ocds/samples", "ocds/fixtures/lib-cove-ocds" }
            .SelectMany(folder => Directory.EnumerateFiles(SharedData.Require(folder), "*", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        var validator = new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = schemaDirectory });
        var problems = new List<string>();
        var ocdsFiles = 0;
        foreach (var file in files)
        {
            FileReport report;
            try
            {
                report = await validator.ValidateFileAsync(file);
            }
            catch (InputException e)
            {
                // The documented outcome for a file that is not OCDS or not JSON at all (CSV, ODS, a schema, a
                // broken fixture): a message naming the file, never another exception.
                if (!e.Message.Contains(file, StringComparison.Ordinal)) problems.Add($"{file}: the message does not name the file: {e.Message}");
                if (IsOcdsJson(file)) problems.Add($"{file}: OCDS JSON rejected: {e.Message}");
                continue;
            }
            catch (Exception e)
            {
                problems.Add($"{file}: {e.GetType().Name}: {e.Message}");
                continue;
            }
            if (report.Kind.StartsWith("ocds-", StringComparison.Ordinal)) ocdsFiles++;
            else if (report.Kind != DocumentKinds.OgpCommitmentPackage) problems.Add($"{file}: kind {report.Kind}");

            // Nothing was capped, so the counts are exactly the findings.
            if (report.Truncated) problems.Add($"{file}: truncated without a cap");
            var counted = FindingCounts.Of(report.Findings, report.Counts.Records);
            if (counted != report.Counts) problems.Add($"{file}: counts {report.Counts} but findings give {counted}");
            if (report.Findings.Any(f => f.Line < 1 && f.RuleId != RuleIds.OcdsMalformedJson)) problems.Add($"{file}: a finding without a line");

            if (ItemCount(file) is { } items && items != report.Counts.Records) problems.Add($"{file}: {report.Counts.Records} records, {items} items in the file");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(ocdsFiles >= 20, $"only {ocdsFiles} files were read as OCDS");
    }

    /// <summary>
    /// Past the findings cap, findings are only counted (neither messages nor pointers are built, the schema
    /// only counts its errors); the totals must be exactly those of a run that keeps every finding.
    /// </summary>
    [SkippableTheory]
    [InlineData("ocds/samples/armenia.release-package.json")]
    [InlineData("ocds/samples/paraguay.releases.jsonl")]
    [InlineData("ocds/samples/mexico-cdmx.release-package.json")]
    [InlineData("ocds/fixtures/cove-ocds/badfile_all_validation_errors.json")]
    public async Task Counts_past_the_cap_equal_the_counts_of_a_full_run(string relativePath)
    {
        var file = SharedData.Require(relativePath);
        var schemaDirectory = SharedData.Require("ocds/schema/1.1.5");
        var full = await new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = schemaDirectory }).ValidateFileAsync(file);
        var capped = await new DocumentValidator(new ValidationOptions { OcdsSchemaDirectory = schemaDirectory, MaxFindings = 3 }).ValidateFileAsync(file);
        Assert.True(full.Counts.Total > 3, $"{relativePath} has too few findings to exercise the cap");
        Assert.Equal(full.Counts, capped.Counts);
        Assert.Equal(3, capped.Findings.Length);
        Assert.Equal(full.Findings.Take(3), capped.Findings);
        Assert.Equal(full.Findings.Length, full.Counts.Total);
    }

    /// <summary>Whether a file is OCDS JSON, judged independently of the detector: a package or a release object.</summary>
    private static bool IsOcdsJson(string file)
    {
        if (!file.EndsWith(".json", StringComparison.Ordinal)) return false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && (root.TryGetProperty("releases", out var r) && r.ValueKind == JsonValueKind.Array
                    || root.TryGetProperty("records", out var c) && c.ValueKind == JsonValueKind.Array);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The releases or records in a package file, or the lines of a JSON Lines file; null when neither.</summary>
    private static long? ItemCount(string file)
    {
        if (file.EndsWith(".jsonl", StringComparison.Ordinal)) return File.ReadLines(file).LongCount(line => line.Trim().Length > 0);
        if (!file.EndsWith(".json", StringComparison.Ordinal)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("releases", out var releases) && releases.ValueKind == JsonValueKind.Array) return releases.GetArrayLength();
            if (root.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Array) return records.GetArrayLength();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
