using System.Text;
using System.Text.Json;
using CsCheck;
using OgpData.Dates;
using OgpData.Quality;
using OgpData.Rules.Tests.Quality;
using OgpData.Testing;
using OgpData.Text;

namespace OgpData.Rules.Tests.Hostile;

/// <summary>
/// Property tests over the readers of the rules assembly: random and mutated input never makes them throw, and
/// the JSON text reader agrees with System.Text.Json on what is JSON. Long runs: see docs/fuzzing.md.
/// </summary>
public class FuzzTests
{
    // Pieces JSON is made of, the odd ones included: escapes, surrogates (paired and lone), numbers beyond
    // double, control characters, a byte order mark, unbalanced quotes and brackets.
    private static readonly string[] JsonPieces =
    [
        "{", "}", "[", "]", ":", ",", " ", "\n", "\r\n", "\t", "\"", "\"a\"", "\"id\"", "\"é\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"",
        "\"\\ud800\"", "\"😀\"", "\"\\\"\"", "\"\\n\"", "\"\\x\"", "\"\\u12\"", "\\", "1", "-0", "0.5", "1e400", "-1E-400", "01", "1.",
        "123456789012345678901234567890", "true", "false", "null", "nul", "tru", "\u0000", "\u001f", "\uFEFF", "\ud800", "x",
    ];

    internal static readonly Gen<string> JsonLikeText = Gen.OneOf(
        Gen.OneOfConst(JsonPieces).Array[0, 60].Select(string.Concat),
        Gen.String[0, 80],
        Gen.Char["{}[]\":,0123456789.eE+- \\nultrfasx\n"].Array[0, 60].Select(chars => new string(chars)));

    [Fact]
    public void The_json_text_reader_gives_a_tree_or_a_placed_error_and_agrees_with_system_text_json()
    {
        JsonLikeText.Sample(text =>
        {
            var document = JsonTextParser.Parse(text);
            if (document.Error is { } error)
            {
                Assert.Null(document.Root);
                Assert.InRange(error.Offset, 0, text.Length);
                Assert.True(error.Line >= 1 && error.Column >= 1);
                Assert.False(string.IsNullOrEmpty(error.Message));
            }
            Assert.Equal(IsJsonForSystemTextJson(text), document.IsWellFormed);
            // A raw lone surrogate cannot pass through UTF-8 unchanged, so only texts without one compare values.
            if (document.Root is { } root && !HasLoneSurrogate(text))
            {
                using var reference = JsonDocument.Parse(WithoutBom(text));
                Assert.Equal(Canonical(reference.RootElement), Canonical(root));
            }
        }, iter: Fuzzing.Iterations(3_000));
    }

    [Fact]
    public void The_commitment_rules_answer_every_mutation_of_a_package()
    {
        var package = CommitmentFixture.Package;
        // Replace a slice of the fixture by random JSON pieces: broken syntax as well as values of every kind
        // where the rules expect strings, arrays or objects.
        var mutated = Gen.Select(Gen.Int[0, package.Length], Gen.Int[0, 40], Gen.OneOfConst(JsonPieces).Array[0, 12])
            .Select((at, length, pieces) => package.Substring(0, at) + string.Concat(pieces) + package.Substring(Math.Min(package.Length, at + length)));
        mutated.Sample(text =>
        {
            var result = CommitmentChecker.Check(text);
            Assert.True(result.ParseError is not null || result.Findings is not null);
            foreach (var finding in result.Findings) Assert.True(finding.Line >= 1, finding.ToString());
        }, iter: Fuzzing.Iterations(500));
    }

    [Fact]
    public void The_commitment_rules_answer_any_value_in_any_field()
    {
        var fields = new[] { "id", "title", "description", "period", "startDate", "endDate", "startText", "endText", "status", "milestones", "commitments", "contacts", "email", "telephone", "ogpValues", "leadAgency", "name", "actionPlans" };
        var value = Gen.OneOf(
            Gen.OneOfConst("null", "true", "1e400", "-0", "[]", "{}", "\"\"", "\"2019-13-45\"", "\"Août 2021\"", "\"x@y.z\"", "\"+352 621 252 180\"", "[null]", "[{}]", "{\"endDate\": 5}"),
            Gen.String[0, 20].Select(s => JsonSerializer.Serialize(s)));
        var member = Gen.Select(Gen.OneOfConst(fields), value).Select((name, v) => "\"" + name + "\": " + v);
        var gen = Gen.Select(member.Array[0, 6], member.Array[0, 6], member.Array[0, 6]).Select((plan, commitment, milestone) =>
            "{\"version\": \"1.0\", \"actionPlans\": [{" + Join(plan, "\"id\": \"P\"") + ", \"commitments\": [{" + Join(commitment, "\"id\": \"C\"")
            + ", \"milestones\": [{" + Join(milestone, "\"id\": \"M\"") + "}]}]}]}");
        gen.Sample(text =>
        {
            var result = CommitmentChecker.Check(text);
            Assert.Null(result.ParseError);
        }, iter: Fuzzing.Iterations(500));

        static string Join(string[] members, string first) => string.Join(", ", members.Prepend(first));
    }

    [Fact]
    public void The_partial_date_parser_reads_or_explains_any_text()
    {
        var words = new[] { "2019", "1er", "T1", "S2", "Q4", "fin", "début", "mi", "-", "/", "au", "du", "31", "02", "2021-13", "→", "à déterminer", "trimestre", "June", "ᵉʳ", "9999", "0000", "29/02/2021", "2020-W53", "Ⅻ", "٢٠١٩", "\u0000", "\ud800" };
        var text = Gen.OneOf(
            Gen.String[0, 40],
            Gen.OneOfConst(words).Array[1, 8].Select(parts => string.Join(" ", parts)),
            Gen.Char["0123456789-/. TQSHWh"].Array[0, 16].Select(chars => new string(chars)));
        text.Sample(input =>
        {
            var reading = PartialDateParser.Parse(input);
            Assert.Equal(input, reading.Text);
            if (reading.IsReadable) Assert.Null(reading.Failure);
            else Assert.False(string.IsNullOrEmpty(reading.Failure), input);
            // A text may state a range backwards ("Q4 au 2019 T1"): the rules judge that; the reading only keeps
            // canonical dates.
            foreach (var bound in new[] { reading.Start, reading.End })
            {
                if (bound is { } canonical) Assert.Equal(canonical, PartialDate.Parse(canonical.ToString()));
            }
            if (PartialDateParser.TryParseDate(input, out var date)) Assert.Equal(date, PartialDate.Parse(date.ToString()));
        }, iter: Fuzzing.Iterations(5_000));
    }

    [Fact]
    public void The_sheet_reader_gives_a_package_or_a_placed_error_for_any_text()
    {
        var headers = new[] { "id", "title", "milestones/0/id", "milestones/0/description", "milestones/0/period/endText", "milestones/1/description", "ogpValues", "contacts/0/email", "period/startDate", "" };
        var cells = Gen.OneOf(Gen.OneOfConst("", "C1", "C2", "M1", "\"quoted, with comma\"", "\"a \"\"quote\"\"\"", "\"open", "Août 2021", "x;y", "=1+1", "\"multi\nline\""), Gen.String[0, 8]);
        var sheet = Gen.Select(Gen.OneOfConst(",", ";", "\t"), Gen.OneOfConst(headers).Array[1, 6], cells.Array[0, 8].Array[0, 6], Gen.OneOfConst("\n", "\r\n", "\r"))
            .Select((delimiter, header, rows, newline) => string.Join(newline, rows.Select(r => string.Join(delimiter, r)).Prepend(string.Join(delimiter, header))));
        Gen.OneOf(sheet, Gen.String[0, 60]).Sample(text =>
        {
            var document = CommitmentSheetReader.Read(text);
            if (document.Error is { } error)
            {
                Assert.InRange(error.Offset, 0, text.Length);
                Assert.True(error.Line >= 1 && error.Column >= 1);
                return;
            }
            var result = CommitmentChecker.Check(document);
            Assert.Null(result.ParseError);
        }, iter: Fuzzing.Iterations(2_000));
    }

    private static bool IsJsonForSystemTextJson(string text)
    {
        try
        {
            // This reader skips one leading byte order mark; past it, the two must agree exactly.
            using var _ = JsonDocument.Parse(Encoding.UTF8.GetBytes(WithoutBom(text)), new JsonDocumentOptions { MaxDepth = JsonTextParser.DefaultMaxDepth });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Both trees written the same way: kinds, names in order, raw number text and decoded strings.
    private static string Canonical(JsonTextNode node)
    {
        var builder = new StringBuilder();
        Write(node);
        return builder.ToString();

        void Write(JsonTextNode n)
        {
            switch (n.Kind)
            {
                case JsonTextKind.Object:
                    builder.Append('{');
                    foreach (var child in n.Children)
                    {
                        builder.Append(Quote(child.Name!)).Append(':');
                        Write(child);
                        builder.Append(',');
                    }
                    builder.Append('}');
                    break;
                case JsonTextKind.Array:
                    builder.Append('[');
                    foreach (var child in n.Children)
                    {
                        Write(child);
                        builder.Append(',');
                    }
                    builder.Append(']');
                    break;
                case JsonTextKind.String:
                    builder.Append(Quote(n.StringValue!));
                    break;
                default:
                    builder.Append(n.RawText);
                    break;
            }
        }
    }

    private static string Canonical(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(element);
        return builder.ToString();

        void Write(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    builder.Append('{');
                    foreach (var property in e.EnumerateObject())
                    {
                        builder.Append(Quote(property.Name)).Append(':');
                        Write(property.Value);
                        builder.Append(',');
                    }
                    builder.Append('}');
                    break;
                case JsonValueKind.Array:
                    builder.Append('[');
                    foreach (var item in e.EnumerateArray())
                    {
                        Write(item);
                        builder.Append(',');
                    }
                    builder.Append(']');
                    break;
                case JsonValueKind.String:
                    builder.Append(Quote(StringOf(e)));
                    break;
                default:
                    builder.Append(e.GetRawText());
                    break;
            }
        }
    }

    private static string WithoutBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    // System.Text.Json refuses to decode an escaped lone surrogate ("\ud800"); this reader keeps the code unit.
    private static string StringOf(JsonElement e)
    {
        try
        {
            return e.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = e.GetRawText();
            return System.Text.RegularExpressions.Regex.Unescape(raw.Substring(1, raw.Length - 2));
        }
    }

    // Code units as numbers: a lone surrogate compares exactly, whatever a text encoder would make of it.
    private static string Quote(string value) => "\"" + string.Join(".", value.Select(c => ((int)c).ToString("x4"))) + "\"";
}
