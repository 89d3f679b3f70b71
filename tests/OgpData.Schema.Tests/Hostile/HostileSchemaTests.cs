using System.Text;
using System.Text.Json;
using OgpData.Schema;

namespace OgpData.Schema.Tests.Hostile;

/// <summary>
/// Schemas and instances built to hurt: each compiles or fails with <see cref="SchemaCompileException"/>, and
/// each validation ends, in bounded time and stack, with a result.
/// </summary>
public class HostileSchemaTests
{
    [Fact]
    public void A_schema_nested_thousands_of_levels_is_refused_at_compile_time()
    {
        const int depth = 5_000;
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++) text.Append("{\"items\":");
        text.Append("true").Append('}', depth);
        using var document = JsonDocument.Parse(text.ToString(), new JsonDocumentOptions { MaxDepth = depth + 1 });
        var e = Assert.Throws<SchemaCompileException>(() => JsonSchema.Compile(document.RootElement));
        Assert.Contains("nests deeper than 512 levels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_at_the_deepest_allowed_nesting_validates_on_a_small_stack()
    {
        // The CLI accepts --max-depth up to 512: the engine evaluates that deep on a 1 MB thread stack.
        const int depth = 512;
        var schema = JsonSchema.Compile("""{"$defs":{"node":{"type":"array","items":{"$ref":"#/$defs/node"},"maxItems":1}},"$ref":"#/$defs/node"}""",
            new SchemaOptions { MaxDepth = depth });
        var text = new string('[', depth) + new string(']', depth);
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = depth });
        ValidationResult? result = null;
        var thread = new Thread(() => result = schema.Validate(document.RootElement), maxStackSize: 1 << 20);
        thread.Start();
        thread.Join();
        Assert.True(result!.IsValid, string.Join("\n", result.Errors.Select(e => e.Message)));

        using var deeper = JsonDocument.Parse("[[" + text + "]]", new JsonDocumentOptions { MaxDepth = depth + 2 });
        Assert.Equal("maxDepth", Assert.Single(schema.Validate(deeper.RootElement).Errors).Keyword);
    }

    [Theory]
    [InlineData("""{"$ref":"#"}""")]
    [InlineData("""{"definitions":{"a":{"$ref":"#/definitions/a"}},"$ref":"#/definitions/a"}""")]
    [InlineData("""{"allOf":[{"$ref":"#"}]}""")]
    [InlineData("""{"$defs":{"a":{"anyOf":[{"$ref":"#/$defs/b"}]},"b":{"not":{"$ref":"#/$defs/a"}}},"$ref":"#/$defs/a"}""")]
    [InlineData("""{"$schema":"http://json-schema.org/draft-04/schema#","definitions":{"a":{"allOf":[{"$ref":"#/definitions/a"}]}},"properties":{"x":{"$ref":"#/definitions/a"}}}""")]
    public void A_ref_cycle_that_never_reaches_the_instance_ends(string schemaText)
    {
        CompiledSchema schema;
        try
        {
            schema = JsonSchema.Compile(schemaText);
        }
        catch (SchemaCompileException e)
        {
            // Refused at compile time, the message must say it is the reference that loops.
            Assert.Contains("$ref", e.Message, StringComparison.Ordinal);
            return;
        }
        // Compiled, each validation ends (a hang would never return) with one coherent answer on every path.
        foreach (var instance in new[] { "1", "{\"x\": [1, {\"x\": null}]}", "[[[]]]" })
        {
            using var document = JsonDocument.Parse(instance);
            var result = schema.Validate(document.RootElement);
            Assert.Equal(result.IsValid, result.Errors.Length == 0);
            Assert.Equal(result.IsValid, schema.IsValid(document.RootElement));
            Assert.Equal(result.Errors.Length, schema.CountErrors(document.RootElement));
        }
    }

    [Theory]
    [InlineData("https://127.0.0.1:9/never.json")]
    [InlineData("http://json-schema.org/draft-07/schema#/definitions/unknown")]
    [InlineData("file:///etc/passwd")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("/etc/hostname#/x")]
    public void A_ref_outside_the_schema_is_never_fetched_nor_read_from_disk(string reference)
    {
        var asked = new List<Uri>();
        var e = Assert.Throws<SchemaCompileException>(() => JsonSchema.Compile("""{"properties":{"a":{"$ref":""" + JsonSerializer.Serialize(reference) + "}}}",
            new SchemaOptions { Resolver = uri => { asked.Add(uri); return null; } }));
        Assert.Contains(reference.Split('#')[0], e.Message, StringComparison.Ordinal);
        // The resolver is the only way out: asked at most once, and nothing else is read.
        Assert.InRange(asked.Count, 0, 1);
    }

    [Fact]
    public void Catastrophic_patterns_in_pattern_properties_and_formats_are_bounded()
    {
        var schema = JsonSchema.Compile("""
            {"patternProperties":{"^(a|aa)+$":{"type":"string"},"^(\\w+\\s?)*$":true},
             "properties":{"r":{"format":"regex"},"p":{"pattern":"(x+x+)+y"}}}
            """, new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) });
        var evilName = new string('a', 3_000) + "!";
        var evilWords = string.Concat(Enumerable.Repeat("word ", 2_000)) + "!";
        var instance = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            [evilName] = "v",
            [evilWords] = "v",
            ["r"] = "^(" + new string('(', 500) + "a" + new string(')', 500) + ")+$",
            ["p"] = new string('x', 5_000),
        });
        using var document = JsonDocument.Parse(instance);
        // Linear-time matching gives the exact answers (a hang would never return): no evil name matches its
        // pattern, the deeply nested regex is a valid one, and only "p" fails its pattern.
        var error = Assert.Single(schema.Validate(document.RootElement).Errors);
        Assert.Equal(("pattern", "/p"), (error.Keyword, error.InstancePointer));
    }

    [Fact]
    public void Escaped_lone_surrogates_in_values_and_names_are_validated_or_reported_never_thrown()
    {
        var schema = JsonSchema.Compile("""{"properties":{"a":{"enum":["x","\ud800"],"maxLength":1,"pattern":"^.$"}},"propertyNames":{"maxLength":3},"additionalProperties":{"const":"\udc00"}}""");
        using var values = JsonDocument.Parse("""{"a":"\ud800","b":"\udc00"}""");
        Assert.True(schema.Validate(values.RootElement).IsValid);
        using var name = JsonDocument.Parse("""{"\ud800":1}""");
        Assert.Equal("unicode", Assert.Single(schema.Validate(name.RootElement).Errors).Keyword);
        Assert.False(schema.IsValid(name.RootElement));
    }

    // Found by the fuzzer: the compiler indexed the first of two "anyOf" members but read the last, fell back
    // to the root for the pointer that named nothing, and unfolded the schema forever.
    [Fact]
    public void A_repeated_keyword_is_a_compile_error_not_an_endless_unfolding()
    {
        var e = Assert.Throws<SchemaCompileException>(() => JsonSchema.Compile("""{"anyOf":[{"$dynamicAnchor":"a"}],"anyOf":-0,"not":false}"""));
        Assert.Contains("nothing at '/anyOf/0'", e.Message, StringComparison.Ordinal);
    }

    // Found by the fuzzer: two references back to the root branch at every level; retrying each branch down
    // to the recursion limit took exponential time. The first time the limit is hit now ends the evaluation.
    [Fact]
    public void A_cycle_through_two_references_ends_in_linear_time()
    {
        var schema = JsonSchema.Compile("""{"$schema":"https://json-schema.org/draft/2019-09/schema","$ref":"#a","$anchor":"a","prefixItems":false,"$recursiveRef":"#a"}""");
        using var document = JsonDocument.Parse("[]");
        // The evaluation ends at the first hit of the limit, with that one error (an exponential retry would not return).
        var result = schema.Validate(document.RootElement);
        Assert.Contains("$ref cycle", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.False(schema.IsValid(document.RootElement));
    }

    [Fact]
    public void Numbers_beyond_double_are_compared_without_crashing()
    {
        var schema = JsonSchema.Compile("""{"items":{"type":"integer","minimum":0,"maximum":1e308,"multipleOf":0.01}}""");
        using var document = JsonDocument.Parse("[1e400, -1e400, 1e-400, 123456789012345678901234567890, -0, 1.0]");
        var result = schema.Validate(document.RootElement);
        Assert.Contains(result.Errors, e => e.InstancePointer == "/0" && e.Keyword == "maximum");
        Assert.Contains(result.Errors, e => e.InstancePointer == "/1" && e.Keyword == "minimum");
        Assert.DoesNotContain(result.Errors, e => e.InstancePointer is "/4" or "/5");
    }
}
