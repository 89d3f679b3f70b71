using System.Text;
using System.Text.Json;
using CsCheck;
using OgpData.Schema;
using OgpData.Testing;

namespace OgpData.Schema.Tests.Hostile;

/// <summary>
/// Random schemas × random instances: compiling throws nothing but <see cref="SchemaCompileException"/>, and
/// validating never throws, gives errors only when invalid, and agrees with <see cref="CompiledSchema.IsValid"/>
/// and <see cref="CompiledSchema.CountErrors"/>. Long runs: see docs/fuzzing.md.
/// </summary>
public class SchemaFuzzTests
{
    private static readonly string[] Drafts =
    [
        "", "\"$schema\":\"http://json-schema.org/draft-04/schema#\",", "\"$schema\":\"http://json-schema.org/draft-06/schema#\",",
        "\"$schema\":\"http://json-schema.org/draft-07/schema#\",", "\"$schema\":\"https://json-schema.org/draft/2019-09/schema\",",
        "\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e400", "-0", "\"\"", "\"a\"", "\"2021-02-29\"", "\"😀\"", "\"\\ud800\"", "[]", "[1,\"a\"]",
        "{}", "{\"a\":1}", "{\"a\":{\"a\":[]}}", "\"^(a+)+$\"", "\"[\"", "{\"$ref\":\"#\"}", "-5", "3",
    ];

    [Fact]
    public void Random_schemas_and_instances_never_make_the_engine_throw()
    {
        var gen = Gen.Select(Gen.Int, Gen.Int[0, 4], Gen.OneOfConst(Drafts)).Select((seed, depth, draft) =>
        {
            var random = new Random(seed);
            var schema = "{" + draft + Members(random, depth) + "}";
            var instances = Enumerable.Range(0, 4).Select(_ => Instance(random, 3)).ToArray();
            return (schema, instances);
        });
        gen.Sample(sample =>
        {
            CompiledSchema compiled;
            try
            {
                compiled = JsonSchema.Compile(sample.Item1);
            }
            catch (SchemaCompileException e)
            {
                Assert.False(string.IsNullOrEmpty(e.Message));
                return;
            }
            foreach (var instance in sample.Item2)
            {
                using var document = JsonDocument.Parse(instance);
                var result = compiled.Validate(document.RootElement);
                Assert.Equal(result.IsValid, result.Errors.Length == 0);
                Assert.Equal(result.IsValid, compiled.IsValid(document.RootElement));
                Assert.Equal(result.Errors.Length, compiled.CountErrors(document.RootElement));
                foreach (var error in result.Errors) Assert.False(string.IsNullOrEmpty(error.Message));
            }
        }, iter: Fuzzing.Iterations(1_000), print: sample => sample.Item1 + "\n" + string.Join("\n", sample.Item2));
    }

    private static readonly string[] Keywords =
    [
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
        "pattern", "format", "items", "prefixItems", "additionalItems", "contains", "minContains", "maxContains", "minItems", "maxItems",
        "uniqueItems", "properties", "patternProperties", "additionalProperties", "propertyNames", "required", "minProperties",
        "maxProperties", "dependencies", "dependentRequired", "dependentSchemas", "allOf", "anyOf", "oneOf", "not", "if", "then",
        "else", "$ref", "$defs", "definitions", "$id", "id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef",
        "unevaluatedItems", "unevaluatedProperties", "contentMediaType", "default",
    ];

    private static readonly string[] Types = ["\"null\"", "\"boolean\"", "\"object\"", "\"array\"", "\"number\"", "\"integer\"", "\"string\"", "[\"string\",\"null\"]", "\"bogus\"", "7"];
    private static readonly string[] Formats = ["\"date\"", "\"date-time\"", "\"email\"", "\"uri\"", "\"regex\"", "\"ipv4\"", "\"duration\"", "\"uuid\"", "\"unknown-format\"", "1"];
    private static readonly string[] Refs = ["\"#\"", "\"#/$defs/a\"", "\"#/definitions/a\"", "\"#/properties/a\"", "\"#a\"", "\"#/nope\"", "\"other.json\"", "\"#/$defs/a/items\"", "\"#%25\"", "3"];

    private static string Members(Random random, int depth)
    {
        var builder = new StringBuilder();
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0) builder.Append(',');
            var keyword = Keywords[random.Next(Keywords.Length)];
            builder.Append('"').Append(keyword).Append("\":").Append(ValueFor(random, keyword, depth));
        }
        return builder.ToString();
    }

    private static string ValueFor(Random random, string keyword, int depth)
    {
        // One time in eight any value at all: malformed keywords must fail the compile cleanly.
        if (random.Next(8) == 0) return Values[random.Next(Values.Length)];
        return keyword switch
        {
            "type" => Types[random.Next(Types.Length)],
            "format" => Formats[random.Next(Formats.Length)],
            "$ref" or "$dynamicRef" or "$recursiveRef" => Refs[random.Next(Refs.Length)],
            "pattern" => JsonSerializer.Serialize(new[] { "^a", "(a+)+$", "\\p{Letter}+", "[", "^\\d{4}$", "(?<x>a)\\k<x>" }[random.Next(6)]),
            "enum" => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Values[random.Next(Values.Length)])) + "]",
            "const" or "default" => Values[random.Next(Values.Length)],
            "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" => new[] { "0", "1", "-1", "0.1", "1e400", "3", "true" }[random.Next(7)],
            "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties" or "minContains" or "maxContains" => new[] { "0", "1", "2", "-1", "1.5" }[random.Next(5)],
            "uniqueItems" => random.Next(2) == 0 ? "true" : "false",
            "required" => "[\"a\",\"b\"]",
            "dependentRequired" => "{\"a\":[\"b\"]}",
            "$id" or "id" => new[] { "\"http://example.org/s.json\"", "\"#frag\"", "\"relative.json\"", "\"urn:x\"" }[random.Next(4)],
            "$anchor" or "$dynamicAnchor" => "\"a\"",
            "contentMediaType" => "\"application/json\"",
            "items" or "prefixItems" or "allOf" or "anyOf" or "oneOf" when random.Next(2) == 0 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Subschema(random, depth - 1))) + "]",
            "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" or "dependencies" =>
                "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 3)).Select(k => JsonSerializer.Serialize(new[] { "a", "b", "^a", "(x+x+)+y" }[(k + random.Next(4)) % 4]) + ":" + Subschema(random, depth - 1)).Distinct()) + "}",
            _ => Subschema(random, depth - 1),
        };
    }

    private static string Subschema(Random random, int depth)
    {
        if (depth <= 0 || random.Next(4) == 0) return random.Next(3) == 0 ? "false" : "true";
        return "{" + Members(random, depth) + "}";
    }

    private static string Instance(Random random, int depth)
    {
        if (depth <= 0 || random.Next(3) == 0) return Values[random.Next(Values.Length)];
        if (random.Next(2) == 0)
        {
            return "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Instance(random, depth - 1))) + "]";
        }
        var names = new[] { "a", "b", "ab", "x", "" };
        return "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => JsonSerializer.Serialize(names[random.Next(names.Length)]) + ":" + Instance(random, depth - 1))) + "}";
    }
}
