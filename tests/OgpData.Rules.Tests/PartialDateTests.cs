using OgpData.Dates;

namespace OgpData.Rules.Tests;

public class PartialDateTests
{
    [Theory]
    [InlineData("2019", "2019-01-01", "2019-12-31")]
    [InlineData("2020-H1", "2020-01-01", "2020-06-30")]
    [InlineData("2020-H2", "2020-07-01", "2020-12-31")]
    [InlineData("2022-Q1", "2022-01-01", "2022-03-31")]
    [InlineData("2022-Q4", "2022-10-01", "2022-12-31")]
    [InlineData("2020-02", "2020-02-01", "2020-02-29")]
    [InlineData("2021-02", "2021-02-01", "2021-02-28")]
    [InlineData("2021-08-31", "2021-08-31", "2021-08-31")]
    public void Parses_canonical_forms_with_their_bounds(string text, string earliest, string latest)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal(DateTime.Parse(earliest), date.Earliest);
        Assert.Equal(DateTime.Parse(latest), date.Latest);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("19")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("2021-02-29")]
    [InlineData("2019-H3")]
    [InlineData("2019-Q0")]
    [InlineData("2019-Q5")]
    [InlineData("2019-1")]
    [InlineData("2019-01-1")]
    [InlineData("2019-01-01T00:00:00Z")]
    [InlineData(" 2019")]
    [InlineData("0000")]
    [InlineData("Septembre 2019")]
    public void Rejects_anything_else(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PartialDate.Parse(text));
    }

    [Fact]
    public void Compares_by_earliest_and_latest_day()
    {
        Assert.True(PartialDate.Parse("2019-Q1").IsCertainlyBefore(PartialDate.Parse("2019-04")));
        Assert.False(PartialDate.Parse("2019").IsCertainlyBefore(PartialDate.Parse("2019-12-31")));
        Assert.False(PartialDate.Parse("2019-08").IsCertainlyBefore(PartialDate.Parse("2019-08-15")));
        Assert.True(PartialDate.Parse("2019-H1").IsCertainlyBefore(PartialDate.Parse("2019-07-01")));
    }

    [Fact]
    public void Factories_reject_impossible_dates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.OfDay(2021, 4, 31));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.OfQuarter(2021, 5));
        Assert.Equal(PartialDate.Parse("2021-04-30"), PartialDate.OfDay(2021, 4, 30));
    }
}
