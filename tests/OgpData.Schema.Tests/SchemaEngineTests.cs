using System.Text;
using System.Text.Json;
using OgpData.Findings;
using OgpData.Testing;

namespace OgpData.Schema.Tests;

public sealed class SchemaEngineTests
{
    private static CompiledSchema Compile(string json, SchemaOptions? options = null) => JsonSchema.Compile(json, options);

    private static ValidationResult Validate(CompiledSchema schema, string instance)
    {
        using var document = JsonDocument.Parse(instance);
        return schema.Validate(document.RootElement);
    }

    [Fact]
    public void A_year_alone_is_not_a_date_time_and_the_message_says_so()
    {
        var schema = Compile("""{"properties":{"date":{"type":"string","format":"date-time"}}}""");
        var result = Validate(schema, """{"date":"2014"}""");
        var error = Assert.Single(result.Errors);
        Assert.Equal("/date", error.InstancePointer);
        Assert.Equal("format", error.Keyword);
        Assert.Equal("\"2014\" is not a valid date-time", error.Message);
        Assert.Equal("\"2014\"", error.Value);
        Assert.Equal("#/properties/date/format", error.SchemaLocation);
        Assert.True(Validate(schema, """{"date":"2014-03-01T10:00:00Z"}""").IsValid);
    }

    [Fact]
    public void Format_is_only_an_annotation_when_asked()
    {
        var schema = Compile("""{"format":"date-time"}""", new SchemaOptions { Formats = FormatMode.Annotate });
        Assert.True(Validate(schema, "\"2014\"").IsValid);
    }

    [Fact]
    public void Missing_required_property_is_named()
    {
        var schema = Compile("""{"type":"object","required":["title","id"]}""");
        var result = Validate(schema, """{"id":"1"}""");
        var error = Assert.Single(result.Errors);
        Assert.Equal("missing required property \"title\"", error.Message);
        Assert.Equal("required", error.Keyword);
        Assert.Equal("", error.InstancePointer);
    }

    [Fact]
    public void Type_message_says_what_was_expected_and_found()
    {
        var schema = Compile("""{"items":{"type":["string","null"]}}""");
        var error = Assert.Single(Validate(schema, "[\"a\", 12]").Errors);
        Assert.Equal("/1", error.InstancePointer);
        Assert.Equal("expected a string or null, found an integer 12", error.Message);
    }

    [Fact]
    public void Pointers_escape_tilde_and_slash()
    {
        var schema = Compile("""{"additionalProperties":{"type":"integer"}}""");
        var error = Assert.Single(Validate(schema, """{"a/b~c":"x"}""").Errors);
        Assert.Equal("/a~1b~0c", error.InstancePointer);
    }

    [Fact]
    public void All_errors_are_collected_unless_capped()
    {
        var schema = Compile("""{"items":{"type":"string"}}""");
        Assert.Equal(3, Validate(schema, "[1,2,3]").Errors.Length);
        var first = JsonSchema.Compile("""{"items":{"type":"string"}}""", new SchemaOptions { StopAtFirstError = true });
        var result = Validate(first, "[1,2,3]");
        Assert.Single(result.Errors);
        Assert.True(result.Truncated);
        var capped = JsonSchema.Compile("""{"items":{"type":"string"}}""", new SchemaOptions { MaxErrors = 2 });
        Assert.Equal(2, Validate(capped, "[1,2,3]").Errors.Length);
    }

    [Fact]
    public void Lengths_count_code_points_and_multiple_of_is_exact()
    {
        var length = Compile("""{"maxLength":2}""");
        Assert.True(Validate(length, "\"\U0001F600\U0001F600\"").IsValid);
        Assert.False(Validate(length, "\"abc\"").IsValid);
        var money = Compile("""{"multipleOf":0.01}""");
        Assert.True(Validate(money, "19.99").IsValid);
        Assert.False(Validate(money, "19.999").IsValid);
        var integer = Compile("""{"type":"integer"}""");
        Assert.True(Validate(integer, "1.0").IsValid);
        Assert.False(Validate(integer, "1.5").IsValid);
    }

    [Fact]
    public void Numbers_beyond_double_do_not_crash()
    {
        var schema = Compile("""{"type":"integer","maximum":10,"multipleOf":3}""");
        var result = Validate(schema, "1e400");
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Keyword == "maximum");
    }

    [Fact]
    public void A_catastrophic_pattern_is_bounded()
    {
        var schema = Compile("""{"pattern":"^(a+)+$"}""");
        var evil = "\"" + new string('a', 5000) + "!\"";
        // Matched in linear time (no wall clock is asserted: the answer comes, and is right).
        Assert.False(Validate(schema, evil).IsValid);
        Assert.True(Validate(schema, "\"" + new string('a', 5000) + "\"").IsValid);

        // A backreference forces the backtracking engine: the match timeout bounds it.
        var backtracking = Compile("""{"pattern":"^(a+)+\\1$"}""", new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) });
        Assert.False(Validate(backtracking, "\"" + new string('a', 30) + "!\"").IsValid);
    }

    [Fact]
    public void A_ref_cycle_compiles_and_fails_cleanly()
    {
        var schema = Compile("""{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}""");
        var result = Validate(schema, "1");
        Assert.False(result.IsValid);
        Assert.Contains("$ref cycle", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recursive_schemas_follow_the_instance()
    {
        var schema = Compile("""{"type":"object","properties":{"child":{"$ref":"#"},"n":{"type":"integer"}}}""");
        var error = Assert.Single(Validate(schema, """{"child":{"child":{"n":"x"}}}""").Errors);
        Assert.Equal("/child/child/n", error.InstancePointer);
    }

    [Fact]
    public void Deep_nesting_is_reported_not_overflowed()
    {
        var schema = Compile("""{"$defs":{"deep":{"type":"array","items":{"$ref":"#/$defs/deep"}}},"$ref":"#/$defs/deep"}""",
            new SchemaOptions { MaxDepth = 500 });
        // 200,000 levels: JsonDocument refuses them at its default depth (64), cleanly.
        var huge = new string('[', 200_000) + new string(']', 200_000);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(huge));

        // Raised, JsonDocument's own parse grows quadratically with depth (about 2 minutes at 200,000 here),
        // so the evaluation limit is shown on 20,000 levels.
        const int depth = 20_000;
        var text = new string('[', depth) + new string(']', depth);
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = depth + 1 });
        var result = schema.Validate(document.RootElement);
        var error = Assert.Single(result.Errors);
        Assert.Equal("maxDepth", error.Keyword);
        Assert.Contains("deeper than 500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_ref_is_never_fetched()
    {
        var e = Assert.Throws<SchemaCompileException>(() => Compile("""{"$ref":"https://127.0.0.1:9/never.json"}"""));
        Assert.Contains("never fetched", e.Message, StringComparison.Ordinal);
        Assert.Contains("https://127.0.0.1:9/never.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_maps_http_and_https_and_a_resolver_may_answer()
    {
        var registry = new SchemaRegistry();
        registry.Register(new Uri("https://example.org/schemas/name.json"), """{"type":"string","minLength":1}""");
        var schema = Compile("""{"properties":{"name":{"$ref":"http://example.org/schemas/name.json"}}}""", new SchemaOptions { Registry = registry });
        Assert.False(Validate(schema, """{"name":""}""").IsValid);
        Assert.True(Validate(schema, """{"name":"x"}""").IsValid);

        using var answer = JsonDocument.Parse("""{"type":"integer"}""");
        var asked = new List<Uri>();
        var resolved = Compile("""{"$ref":"urn:example:int"}""", new SchemaOptions
        {
            Resolver = uri =>
            {
                asked.Add(uri);
                return answer.RootElement;
            },
        });
        Assert.False(Validate(resolved, "\"x\"").IsValid);
        Assert.Single(asked);
    }

    [Fact]
    public void Registry_compiles_a_document_by_uri()
    {
        var registry = new SchemaRegistry();
        registry.Register(new Uri("http://example.org/s.json"), """{"$defs":{"positive":{"exclusiveMinimum":0}}}""");
        var schema = registry.Compile(new Uri("https://example.org/s.json#/$defs/positive"));
        Assert.False(Validate(schema, "0").IsValid);
        Assert.True(Validate(schema, "1").IsValid);
    }

    [Fact]
    public void Compiled_schema_is_safe_from_many_threads()
    {
        var schema = Compile("""{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]}""");
        using var good = JsonDocument.Parse("""{"a":1}""");
        using var bad = JsonDocument.Parse("""{"a":"x"}""");
        Parallel.For(0, 2000, i =>
        {
            var result = schema.Validate(i % 2 == 0 ? good.RootElement : bad.RootElement);
            Assert.Equal(i % 2 == 0, result.IsValid);
            if (i % 2 == 1) Assert.Equal("/a", Assert.Single(result.Errors).InstancePointer);
        });
    }

    [Fact]
    public void Errors_become_findings_with_line_and_column()
    {
        var schema = Compile("""{"properties":{"items":{"items":{"required":["title"]}}}}""");
        var bytes = Encoding.UTF8.GetBytes("{\n  \"items\": [\n    {\"id\": 1}\n  ]\n}");
        using var document = JsonDocument.Parse(bytes);
        var finding = Assert.Single(schema.Validate(document.RootElement).ToFindings(bytes));
        Assert.Equal(RuleIds.Schema, finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("/items/0", finding.Pointer);
        Assert.Equal("required", finding.Keyword);
        Assert.Equal("#/properties/items/items/required", finding.SchemaLocation);
        Assert.Equal(3, finding.Line);
        Assert.Equal(5, finding.Column);
    }

    [SkippableFact]
    public void Ocds_release_schema_reports_a_bad_date()
    {
        var path = SharedData.Require("ocds/schema/1.1.5/release-schema.json");
        using var schemaDocument = JsonDocument.Parse(File.ReadAllBytes(path));
        var schema = JsonSchema.Compile(schemaDocument.RootElement);
        var result = Validate(schema, """
            {"ocid":"ocds-213czf-1","id":"1","date":"2014","tag":["tender"],"initiationType":"tender",
             "tender":{"id":"t","status":"active","value":{"amount":"12","currency":"EUR"}}}
            """);
        Assert.Contains(result.Errors, e => e.InstancePointer == "/date" && e.Message == "\"2014\" is not a valid date-time");
        Assert.Contains(result.Errors, e => e.InstancePointer == "/tender/value/amount" && e.Keyword == "type");
    }

    [SkippableFact]
    public void Ocds_package_schema_reaches_the_release_schema_through_the_registry_by_http_or_https()
    {
        var folder = SharedData.Require("ocds/schema/1.1.5");
        using var release = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "release-schema.json")));
        using var package = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "release-package-schema.json")));
        var registry = new SchemaRegistry();
        // Registered under the http spelling; the package schema names the https one.
        registry.Register(new Uri("http://standard.open-contracting.org/schema/1__1__5/release-schema.json"), release.RootElement);
        var schema = JsonSchema.Compile(package.RootElement, new SchemaOptions { Registry = registry });

        var bytes = File.ReadAllBytes(SharedData.Require("ocds/samples/uk-contracts-finder.release-package.json"));
        using var sample = JsonDocument.Parse(bytes);
        var result = schema.Validate(sample.RootElement);
        Assert.True(result.IsValid, string.Join("\n", result.Errors.Take(5)));

        using var broken = JsonDocument.Parse("""{"uri":"x","publishedDate":"2014","publisher":{"name":"p"},"version":"1.1","releases":[{"ocid":"o"}]}""");
        var errors = schema.Validate(broken.RootElement).Errors;
        Assert.Contains(errors, e => e.InstancePointer == "/publishedDate" && e.Keyword == "format");
        Assert.Contains(errors, e => e.InstancePointer == "/releases/0" && e.Message == "missing required property \"id\"" &&
                                     e.SchemaLocation.StartsWith("https://standard.open-contracting.org/schema/1__1__5/release-schema.json#", StringComparison.Ordinal));

        Assert.Throws<SchemaCompileException>(() => JsonSchema.Compile(package.RootElement));
    }
}
