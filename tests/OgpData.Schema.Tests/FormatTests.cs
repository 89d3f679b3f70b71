namespace OgpData.Schema.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData("date-time", "2014-03-01T10:00:00Z", true)]
    [InlineData("date-time", "2014-03-01t10:00:00.123+01:00", true)]
    [InlineData("date-time", "2014", false)]
    [InlineData("date-time", "2014-03-01", false)]
    [InlineData("date-time", "2014-02-30T10:00:00Z", false)]
    [InlineData("date-time", "2014-03-01T10:00:00", false)]
    [InlineData("date-time", "2016-12-31T23:59:60Z", true)]
    [InlineData("date-time", "2016-12-31T22:59:60Z", false)]
    [InlineData("date", "2012-02-29", true)]
    [InlineData("date", "2013-02-29", false)]
    [InlineData("time", "08:30:06Z", true)]
    [InlineData("time", "08:30:06", false)]
    [InlineData("email", "joe.bloggs@example.com", true)]
    [InlineData("email", "joe..bloggs@example.com", false)]
    [InlineData("uri", "https://standard.open-contracting.org/schema/1__1__5/release-schema.json", true)]
    [InlineData("uri", "//example.org/relative", false)]
    [InlineData("uri", "http://exa mple.org", false)]
    [InlineData("uri-reference", "../a/b?c#d", true)]
    [InlineData("ipv4", "192.168.0.1", true)]
    [InlineData("ipv4", "192.168.0.01", false)]
    [InlineData("ipv6", "::1", true)]
    [InlineData("ipv6", "1:2:3:4:5:6:7:8:9", false)]
    [InlineData("hostname", "www.example.org", true)]
    [InlineData("hostname", "-bad.example.org", false)]
    [InlineData("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true)]
    [InlineData("uuid", "2eb8aa08aa9811eab4aa73b441d16380", false)]
    [InlineData("regex", "^[a-z]+$", true)]
    [InlineData("regex", "^(abc]", false)]
    [InlineData("json-pointer", "/a~1b/0", true)]
    [InlineData("json-pointer", "/a~2", false)]
    [InlineData("no-such-format", "anything", true)]
    public void Formats_are_strict(string format, string text, bool valid) =>
        Assert.Equal(valid, Formats.IsValid(format, text));

    [Theory]
    [InlineData("^(title_(((([A-Za-z]{2,3}))))$", "title_")]
    [InlineData("^abc?", "ab")]
    [InlineData("^(abc)?d", null)]
    [InlineData("^(abc|x)", null)]
    [InlineData("abc", null)]
    public void Literal_prefix_is_only_taken_when_every_match_has_it(string pattern, string? prefix) =>
        Assert.Equal(prefix, SchemaRegex.LiteralPrefix(pattern));
}
