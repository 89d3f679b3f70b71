using System.Text;
using OgpData.Dates;
using OgpData.Quality;
using OgpData.Rules.Tests.Quality;
using OgpData.Text;

namespace OgpData.Rules.Tests;

/// <summary>Bad input gets a clear answer, never an exception: seeded mutations of real-looking input.</summary>
public class RobustnessTests
{
    private static readonly string[] DateWords =
    {
        "Septembre", "2019", "1er", "T1", "S2", "Q3", "h1", "fin", "début", "mi", "-", "/", ".", ":", "(", ")", "à", "au", "du", "de",
        "l'année", "31", "12", "02", "2021-13", "→", "en continu", "à déterminer", "trimestre", "semestre", "premier", "by", "June",
        "1^{er}", ",", "9999", "0", "00", "29/02/2021", "Printemps", "jusqu'à", "entre", "et", "'", "«", "ᵉʳ", "TBD", "2022-Q5",
    };

    [Fact]
    public void The_date_parser_answers_every_combination_of_date_words()
    {
        var random = new Random(20190726);
        for (var n = 0; n < 10_000; n++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 7);
            for (var k = 0; k < count; k++) builder.Append(DateWords[random.Next(DateWords.Length)]).Append(random.Next(3) == 0 ? "" : " ");
            var text = builder.ToString();
            var reading = PartialDateParser.Parse(text);
            Assert.Equal(text, reading.Text);
            if (reading.IsReadable) Assert.Null(reading.Failure);
            else Assert.False(string.IsNullOrEmpty(reading.Failure), text);
            if (reading.HasDate) Assert.NotNull(reading.End);
        }
    }

    [Fact]
    public void The_checker_answers_every_mutation_of_a_package()
    {
        var random = new Random(42);
        const string alphabet = "{}[]\",:\\ 0123456789-etrufalnu\u00e9\n";
        var package = CommitmentFixture.Package;
        var readable = 0;
        for (var n = 0; n < 1_500; n++)
        {
            var chars = package.ToCharArray().ToList();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            var text = new string(chars.ToArray());
            var result = CommitmentChecker.Check(text);
            if (result.IsReadable)
            {
                readable++;
                Assert.All(result.Findings, f => Assert.InRange(f.Span!.Value.End, 0, text.Length));
            }
            else
            {
                Assert.Empty(result.Findings);
                Assert.InRange(result.ParseError!.Offset, 0, text.Length);
            }
        }
        Assert.InRange(readable, 1, 1_499);
    }

    [Fact]
    public void Truncations_of_a_package_are_parse_errors_at_the_end()
    {
        var package = CommitmentFixture.Package;
        for (var length = 0; length < package.Length - 2; length += 7)
        {
            var document = JsonTextParser.Parse(package.Substring(0, length));
            Assert.False(document.IsWellFormed);
            Assert.InRange(document.Error!.Offset, 0, length);
        }
    }
}
