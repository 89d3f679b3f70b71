using System.Reflection;
using System.Text;
using OgpData.Findings;
using OgpData.OcdsValidation;
using OgpData.OcdsValidation.Checks;
using static OgpData.Tests.OcdsValidation.OcdsTestData;

namespace OgpData.Tests.OcdsValidation;

/// <summary>The shortcuts of the bulk path (pooled item bytes, per-worker state, checks split by what they read) change no result.</summary>
public class BulkPathTests
{
    [Fact]
    public void Each_check_says_truly_whether_it_reads_values_and_releases()
    {
        var checks = typeof(OcdsCheck).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(OcdsCheck)) && !t.IsAbstract).ToList();
        Assert.True(checks.Count >= 15, $"only {checks.Count} checks found");
        foreach (var type in checks)
        {
            var check = (OcdsCheck)Activator.CreateInstance(type)!;
            Assert.True(Overrides(type, nameof(OcdsCheck.Visit)) == check.ReadsValues, $"{type.Name}.ReadsValues does not match whether it overrides Visit");
            Assert.True(Overrides(type, nameof(OcdsCheck.VisitRelease)) == check.ReadsReleases, $"{type.Name}.ReadsReleases does not match whether it overrides VisitRelease");
        }
    }

    private static bool Overrides(Type type, string method) =>
        type.GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!.DeclaringType != typeof(OcdsCheck);

    [SkippableFact]
    public async Task Findings_are_placed_right_when_item_buffers_are_recycled()
    {
        // Many more items than the pool keeps or the validator holds in flight, each on its own line with an additional
        // field and a differently sized body: a buffer handed back too early would put a finding at another item's line.
        var json = new StringBuilder("{\"version\":\"1.1\",\"releases\":[\n");
        const int count = 600;
        for (var i = 0; i < count; i++)
        {
            var padding = new string('x', (i * 37) % 3000);
            json.Append(Release($"\"note{i}\":\"{padding}\"", id: i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            json.Append(i + 1 < count ? ",\n" : "\n");
        }
        json.Append("]}");
        var result = await Validate(json.ToString(), new OcdsValidationOptions { MaxDegreeOfParallelism = 3 });
        var additional = result.Of(RuleIds.OcdsAdditionalField);
        Assert.Equal(count, additional.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal($"/releases/{i}/note{i}", additional[i].Pointer);
            Assert.Equal(i + 2, additional[i].Line);
        }
    }

    [SkippableFact]
    public async Task Counts_past_the_cap_equal_the_counts_of_a_full_run()
    {
        var json = new StringBuilder("{\"version\":\"1.1\",\"releases\":[");
        for (var i = 0; i < 400; i++)
        {
            if (i > 0) json.Append(',');
            json.Append(Release($"\"extra\":\"\",\"value\":{{\"amount\":-{i}}}", id: (i % 390).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        json.Append("]}");
        var schemas = await SchemaSet();
        // Both runs have the JSON Schema step, on by default when a schema source is given: its counting twin is counted too.
        var full = await Validate(json.ToString(), schema: true);
        var capped = await OcdsValidator.ValidateAsync(new MemoryStream(Encoding.UTF8.GetBytes(json.ToString())),
            new OcdsValidationOptions { Schemas = schemas, MaxFindings = 10 });
        Assert.Equal(10, capped.Findings.Length);
        Assert.Equal((full.Errors, full.Warnings, full.Infos), (capped.Errors, capped.Warnings, capped.Infos));
        Assert.Equal(full.Findings.Take(10), capped.Findings);
    }
}
