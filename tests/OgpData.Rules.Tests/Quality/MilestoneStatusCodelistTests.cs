using OgpData.Quality;

namespace OgpData.Rules.Tests.Quality;

public class MilestoneStatusCodelistTests
{
    [Theory]
    [InlineData("Susbtantiel", "substantial", "fr")]
    [InlineData("Substantiel", "substantial", "fr")]
    [InlineData("substanciel", "substantial", "fr")]
    [InlineData("Substantial", "substantial", "en")]
    [InlineData("Complet", "complete", "fr")]
    [InlineData("Complète", "complete", "fr")]
    [InlineData("Completed", "complete", "en")]
    [InlineData("Achevé", "complete", "fr")]
    [InlineData("Limité", "limited", "fr")]
    [InlineData("limitée", "limited", "fr")]
    [InlineData("Partiel", "limited", "fr")]
    [InlineData("Non commencé", "notStarted", "fr")]
    [InlineData("Non démarré", "notStarted", "fr")]
    [InlineData("non demarre", "notStarted", "fr")]
    [InlineData("Not started", "notStarted", "en")]
    [InlineData("not_started", "notStarted", "en")]
    [InlineData("NOTSTARTED", "notStarted", "en")]
    [InlineData("Retiré", "withdrawn", "fr")]
    [InlineData("Withdrawn ", "withdrawn", "en")]
    [InlineData("Abandonné", "withdrawn", "fr")]
    public void Suggests_the_closest_code(string text, string code, string language)
    {
        var suggestion = MilestoneStatusCodelist.Suggest(text);
        Assert.NotNull(suggestion);
        Assert.Equal(code, suggestion.Code);
        Assert.Equal(language, suggestion.Language);
        Assert.Empty(suggestion.OtherCodes);
    }

    [Theory]
    [InlineData("limitee", "fr", "fr")]
    [InlineData("limitee", "en", "en")]
    [InlineData("Limitée", "en", "en")]
    public void The_plans_language_decides_between_titles_as_close(string text, string planLanguage, string language)
    {
        var suggestion = MilestoneStatusCodelist.Suggest(text, planLanguage)!;
        Assert.Equal("limited", suggestion.Code);
        Assert.Equal(language, suggestion.Language);
    }

    [Fact]
    public void The_first_code_named_wins_and_the_others_are_listed()
    {
        var suggestion = MilestoneStatusCodelist.Suggest("Susbtantiel voire Complet")!;
        Assert.Equal("substantial", suggestion.Code);
        Assert.Equal("susbtantiel", suggestion.Matched);
        Assert.Equal(new[] { "complete" }, suggestion.OtherCodes);
    }

    [Theory]
    [InlineData("peut-être")]
    [InlineData("en cours")]
    [InlineData("Retardé")]
    [InlineData("Conforme")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Suggests_nothing_when_nothing_is_close(string? text) => Assert.Null(MilestoneStatusCodelist.Suggest(text));

    [Fact]
    public void Codes_are_exact_and_case_sensitive()
    {
        Assert.Equal(new[] { "notStarted", "limited", "substantial", "complete", "withdrawn" }, MilestoneStatusCodelist.Codes);
        Assert.True(MilestoneStatusCodelist.IsCode("notStarted"));
        Assert.False(MilestoneStatusCodelist.IsCode("NotStarted"));
        Assert.False(MilestoneStatusCodelist.IsCode(null));
    }

    [Theory]
    [InlineData("susbtantiel", "substantiel", 1)]
    [InlineData("complet", "complete", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("ab", "ba", 1)]
    public void Edit_distance_counts_a_swap_as_one_edit(string a, string b, int expected) =>
        Assert.Equal(expected, MilestoneStatusCodelist.EditDistance(a, b));
}
