using System.Text;

namespace OgpData.Tests.Models;

public sealed class JsonTreeTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[true,null,"x"]}""", """{"b":[true,null,"x"],"a":1}""")]
    [InlineData("""{"s":"\u00e9"}""", """{"s":"é"}""")]
    [InlineData("[]", "[]")]
    public void Equal_trees_have_no_difference(string expected, string actual) =>
        Assert.Null(JsonTree.FirstDifference(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual)));

    [Theory]
    [InlineData("""{"a":1.50}""", """{"a":1.5}""", "/a: expected number 1.50 but was 1.5")]
    [InlineData("""{"a":{"b/c":[1,2]}}""", """{"a":{"b/c":[1]}}""", "/a/b~1c: expected 2 items but was 1")]
    [InlineData("""{"a":null}""", """{}""", "/a: missing (expected null)")]
    [InlineData("""{}""", """{"x~y":0}""", "/x~0y: unexpected member 0")]
    [InlineData("""{"a":"1"}""", """{"a":1}""", "/a: expected String \"1\" but was Number 1")]
    [InlineData("""[1e3]""", """[1000]""", "/0: expected number 1e3 but was 1000")]
    public void The_first_difference_is_reported_with_its_pointer(string expected, string actual, string difference) =>
        Assert.Equal(difference, JsonTree.FirstDifference(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual)));
}
