using OgpData.Dates;

namespace OgpData.Rules.Tests.Dates;

public class PartialDateParserTests
{
    // text, expected date, language ("" = none), approximate
    [Theory]
    [InlineData("Septembre 2019", "2019-09", "fr", false)]
    [InlineData("septembre 2019", "2019-09", "fr", false)]
    [InlineData("SEPTEMBRE 2019", "2019-09", "fr", false)]
    [InlineData("Sept 2021", "2021-09", "", false)]
    [InlineData("Sept. 2021", "2021-09", "", false)]
    [InlineData("déc. 2020", "2020-12", "", false)]
    [InlineData("decembre 2020", "2020-12", "fr", false)]
    [InlineData("Décembre 2019", "2019-12", "fr", false)]
    [InlineData("Août 2019", "2019-08", "fr", false)]
    [InlineData("Aout 2019", "2019-08", "fr", false)]
    [InlineData("fév 2020", "2020-02", "fr", false)]
    [InlineData("June 2023", "2023-06", "en", false)]
    [InlineData("1er janvier 2019", "2019-01-01", "fr", false)]
    [InlineData("1 janvier 2019", "2019-01-01", "fr", false)]
    [InlineData("1^{er} janvier 2019", "2019-01-01", "fr", false)]
    [InlineData("premier janvier 2019", "2019-01-01", "fr", false)]
    [InlineData("30 août 2019", "2019-08-30", "fr", false)]
    [InlineData("1st June 2023", "2023-06-01", "en", false)]
    [InlineData("June 1, 2023", "2023-06-01", "en", false)]
    [InlineData("31/12/2021", "2021-12-31", "", false)]
    [InlineData("31.12.2021", "2021-12-31", "", false)]
    [InlineData("31-12-2021", "2021-12-31", "", false)]
    [InlineData("01/02/2021", "2021-02-01", "", false)]
    [InlineData("31/12/21", "2021-12-31", "", false)]
    [InlineData("12/21", "2021-12", "", false)]
    [InlineData("09/2021", "2021-09", "", false)]
    [InlineData("2020-03-15", "2020-03-15", "", false)]
    [InlineData("2020-03", "2020-03", "", false)]
    [InlineData("2021", "2021", "", false)]
    [InlineData("2022-Q1", "2022-Q1", "en", false)]
    [InlineData("2022-H2", "2022-H2", "en", false)]
    [InlineData("T1 2022", "2022-Q1", "fr", false)]
    [InlineData("t4 2022", "2022-Q4", "fr", false)]
    [InlineData("1er trimestre 2022", "2022-Q1", "fr", false)]
    [InlineData("premier trimestre 2016", "2016-Q1", "fr", false)]
    [InlineData("3e trimestre 2022", "2022-Q3", "fr", false)]
    [InlineData("S2 2022", "2022-H2", "fr", false)]
    [InlineData("1er semestre 2020", "2020-H1", "fr", false)]
    [InlineData("1 ^{er} semestre 2020", "2020-H1", "fr", false)]
    [InlineData("2e semestre 2020", "2020-H2", "fr", false)]
    [InlineData("2022 S1", "2022-H1", "fr", false)]
    [InlineData("Q3 2024", "2024-Q3", "en", false)]
    [InlineData("H1 2023", "2023-H1", "en", false)]
    [InlineData("first quarter of 2022", "2022-Q1", "en", false)]
    [InlineData("trimestre 2 2022", "2022-Q2", "fr", false)]
    [InlineData("quarter 3 of 2024", "2024-Q3", "en", false)]
    [InlineData("3rd quarter 2022", "2022-Q3", "en", false)]
    [InlineData("Q1-2022", "2022-Q1", "en", false)]
    [InlineData("T1/2022", "2022-Q1", "fr", false)]
    [InlineData("second half of 2022", "2022-H2", "en", false)]
    [InlineData("Printemps 2021", "2021-Q2", "fr", true)]
    [InlineData("Été 2017", "2017-Q3", "fr", true)]
    [InlineData("Automne 2019", "2019-Q4", "fr", true)]
    [InlineData("hiver 2021", "2021-Q1", "fr", true)]
    [InlineData("Fall 2021", "2021-Q4", "en", true)]
    [InlineData("fin 2022", "2022-Q4", "fr", true)]
    [InlineData("fin de l'année 2016", "2016-Q4", "fr", true)]
    [InlineData("début 2021", "2021-Q1", "fr", true)]
    [InlineData("début de l'année 2021", "2021-Q1", "fr", true)]
    [InlineData("au début de l'année 2021", "2021-Q1", "fr", true)]
    [InlineData("mid-2022", "2022-Q2", "en", true)]
    [InlineData("mi-2022", "2022-Q2", "fr", true)]
    [InlineData("end of 2022", "2022-Q4", "en", true)]
    [InlineData("early 2023", "2023-Q1", "en", true)]
    [InlineData("fin décembre 2019", "2019-12", "fr", false)]
    [InlineData("mi-juin 2022", "2022-06", "fr", false)]
    [InlineData("fin du 1er trimestre 2017", "2017-Q1", "fr", false)]
    [InlineData("by June 2023", "2023-06", "en", false)]
    [InlineData("d'ici fin 2022", "2022-Q4", "fr", true)]
    [InlineData("au plus tard le 30 juin 2022", "2022-06-30", "fr", false)]
    [InlineData("courant 2016", "2016", "fr", false)]
    [InlineData("en 2016", "2016", "fr", false)]
    [InlineData("Année 2021", "2021", "fr", false)]
    [InlineData("Aout 2021 (en continu)", "2021-08", "fr", false)]
    [InlineData("Août 2021 (en continu)", "2021-08", "fr", false)]
    [InlineData("Août 2021.", "2021-08", "fr", false)]
    [InlineData("« fin 2022 »", "2022-Q4", "fr", true)]
    [InlineData("Date de fin : 30 juin 2022", "2022-06-30", "fr", false)]
    [InlineData("Start date: June 2023", "2023-06", "en", false)]
    public void Reads_one_date(string text, string expected, string language, bool approximate)
    {
        var reading = PartialDateParser.Parse(text);
        Assert.True(reading.Meaning == DateTextMeaning.Date, $"{text}: {reading.Meaning} {reading.Failure}");
        Assert.Equal(expected, reading.Date.ToString());
        Assert.Equal(language == "" ? null : language, reading.Language);
        Assert.Equal(approximate, reading.IsApproximate);
        if (approximate) Assert.NotEmpty(reading.Notes);
        Assert.Null(reading.Failure);
    }

    [Theory]
    [InlineData("Octobre 2021-Novembre 2021", "2021-10", "2021-11")]
    [InlineData("Août 2019-août 2021 (en continu)", "2019-08", "2021-08")]
    [InlineData("Août 2019 à Août 2021", "2019-08", "2021-08")]
    [InlineData("30 août 2019 – 30 août 2021", "2019-08-30", "2021-08-30")]
    [InlineData("Début : Janvier 2022 → Fin : 30 juin 2022", "2022-01", "2022-06-30")]
    [InlineData("Début : Janvier 2022, Fin : 30 juin 2022", "2022-01", "2022-06-30")]
    [InlineData("du 7 au 9 décembre 2016", "2016-12-07", "2016-12-09")]
    [InlineData("mars-avril 2021", "2021-03", "2021-04")]
    [InlineData("décembre - janvier 2022", "2021-12", "2022-01")]
    [InlineData("2019-2021", "2019", "2021")]
    [InlineData("2013/2018", "2013", "2018")]
    [InlineData("from March 2021 to June 2021", "2021-03", "2021-06")]
    [InlineData("entre janvier et mars 2021", "2021-01", "2021-03")]
    [InlineData("2020-03-15 - 2020-04-30", "2020-03-15", "2020-04-30")]
    [InlineData("Septembre 2019 jusqu'à décembre 2019", "2019-09", "2019-12")]
    public void Reads_a_range(string text, string start, string end)
    {
        var reading = PartialDateParser.Parse(text);
        Assert.True(reading.Meaning == DateTextMeaning.Range, $"{text}: {reading.Meaning} {reading.Failure}");
        Assert.Equal(start, reading.Start.ToString());
        Assert.Equal(end, reading.End.ToString());
        Assert.Null(reading.Date);
    }

    [Theory]
    [InlineData("Dates à déterminer", DateTextMeaning.ToBeDetermined, "fr")]
    [InlineData("dates a determiner", DateTextMeaning.ToBeDetermined, "fr")]
    [InlineData("À définir", DateTextMeaning.ToBeDetermined, "fr")]
    [InlineData("TBD", DateTextMeaning.ToBeDetermined, "en")]
    [InlineData("to be confirmed", DateTextMeaning.ToBeDetermined, "en")]
    [InlineData("en continu", DateTextMeaning.Ongoing, "fr")]
    [InlineData("Développement en continu", DateTextMeaning.Ongoing, "fr")]
    [InlineData("ongoing", DateTextMeaning.Ongoing, "en")]
    [InlineData("On-going", DateTextMeaning.Ongoing, "en")]
    [InlineData("durée indéterminée", DateTextMeaning.Indefinite, "fr")]
    [InlineData("Durée indéterminée.", DateTextMeaning.Indefinite, "fr")]
    [InlineData("indefinite", DateTextMeaning.Indefinite, "en")]
    public void Reads_no_date(string text, DateTextMeaning meaning, string language)
    {
        var reading = PartialDateParser.Parse(text);
        Assert.Equal(meaning, reading.Meaning);
        Assert.True(reading.IsNoDate);
        Assert.Null(reading.Start);
        Assert.Equal(language, reading.Language);
        Assert.NotEmpty(reading.Words);
    }

    [Theory]
    [InlineData("01/31/2021", "month 31 does not exist; dates are read day first")]
    [InlineData("31/02/2021", "day 31 does not exist in February 2021 (dates are read day first)")]
    [InlineData("29/02/2021", "day 29 does not exist in February 2021 (dates are read day first)")]
    [InlineData("13/2021", "month 13 does not exist; dates are read day first")]
    [InlineData("2021-13", "month 13 does not exist in '2021-13'")]
    [InlineData("Septembre", "'Septembre' has no year")]
    [InlineData("2e semestre", "'2e semestre' has no year")]
    [InlineData("T5 2022", "quarter 5 does not exist")]
    [InlineData("S3 2022", "half year 3 does not exist")]
    [InlineData("3019", "year 3019 is outside 1900–2199 and is read as a typing error")]
    [InlineData("", "the text is empty")]
    [InlineData("   ", "the text is empty")]
    [InlineData("Événement annuel, en mars/avril", "'Événement' is not a date word")]
    [InlineData("bientôt", "'bientôt' is not a date word")]
    // Among words, a range, a second date or a date that only bounds the activity stays text.
    [InlineData("Lancé entre mars et juin 2017", "'Lancé' is not a date word")]
    [InlineData("Lancé en 2016, mis à jour en 2019", "'Lancé' is not a date word")]
    [InlineData("Pas avant juin 2017", "'Pas' is not a date word")]
    [InlineData("Launched before June 2017", "'Launched' is not a date word")]
    [InlineData("Evento anual, en marzo", "'Evento' is not a date word")]
    public void Fails_with_the_reason(string text, string reason)
    {
        var reading = PartialDateParser.Parse(text);
        Assert.Equal(DateTextMeaning.Unreadable, reading.Meaning);
        Assert.False(reading.IsReadable);
        Assert.Null(reading.Start);
        Assert.Equal(reason, reading.Failure);
    }

    // A date inside words: the date is read, the words are quoted in a note (and stay in startText/endText).
    [Theory]
    [InlineData("Lancée en juin 2017", "2017-06", "fr", "'Lancée en'", false)]
    [InlineData("Lancé en avril 2016, mis à jour en continu", "2016-04", "fr", "'Lancé en' and 'mis à jour en continu'", true)]
    [InlineData("Août 2019, puis dans un rythme à déterminer par les participants", "2019-08", "fr", "'puis dans un rythme à déterminer par les participants'", false)]
    [InlineData("Launched in June 2017", "2017-06", "en", "'Launched in'", false)]
    [InlineData("Report published by 30 June 2022, then yearly", "2022-06-30", "en", "'Report published by' and 'then yearly'", false)]
    [InlineData("Lanzado en junio de 2017", "2017-06", "es", "'Lanzado en'", false)]
    [InlineData("Agosto 2019, luego según el ritmo de los participantes", "2019-08", "es", "'luego según el ritmo de los participantes'", false)]
    public void Finds_the_one_date_inside_words(string text, string date, string language, string setAside, bool ongoing)
    {
        var reading = PartialDateParser.Parse(text);
        Assert.Equal(DateTextMeaning.Date, reading.Meaning);
        Assert.Equal(date, reading.Date?.ToString());
        Assert.Equal(text, reading.Text);
        Assert.Equal(language, reading.Language);
        Assert.Equal(ongoing, reading.IsOngoing);
        Assert.Contains(reading.Notes, n => n == "the date was read among other words; " + setAside + " were set aside");
    }

    [Theory]
    [InlineData("junio de 2017", "2017-06")]
    [InlineData("Diciembre 2020", "2020-12")]
    [InlineData("1 de marzo de 2021", "2021-03-01")]
    [InlineData("septiembre 2019", "2019-09")]
    public void Reads_spanish_months(string text, string date)
    {
        var reading = PartialDateParser.Parse(text);
        Assert.Equal(date, reading.Date?.ToString());
        Assert.Equal("es", reading.Language);
        Assert.Empty(reading.Notes);
    }

    [Fact]
    public void A_numeric_date_that_does_not_read_is_not_searched_for_a_year()
    {
        // "2021" here is part of a numeric date read day first, not a year among words.
        Assert.Equal(DateTextMeaning.Unreadable, PartialDateParser.Parse("01/31/2021").Meaning);
        Assert.Equal(DateTextMeaning.Unreadable, PartialDateParser.Parse("Publié le 01/31/2021").Meaning);
    }

    [Fact]
    public void A_remark_in_parentheses_is_set_aside_with_a_note()
    {
        var reading = PartialDateParser.Parse("Août 2019-août 2021 (l'engagement fait partie d'une stratégie à plus long terme)");
        Assert.Equal(DateTextMeaning.Range, reading.Meaning);
        Assert.Contains(reading.Notes, n => n.Contains("set aside"));
        Assert.False(reading.IsOngoing);
    }

    [Fact]
    public void An_ongoing_qualifier_keeps_the_date_and_says_so()
    {
        var reading = PartialDateParser.Parse("Aout 2021 (en continu)");
        Assert.True(reading.IsOngoing);
        Assert.Contains("en continu", reading.Words);
        Assert.Equal(PartialDate.OfMonth(2021, 8), reading.Date);
    }

    [Theory]
    [InlineData("Août 2019 - en continu", DateTextMeaning.Ongoing)]
    [InlineData("à partir de septembre 2019, durée indéterminée", DateTextMeaning.Indefinite)]
    [InlineData("à partir de septembre 2019", DateTextMeaning.Ongoing)]
    [InlineData("depuis 2016", DateTextMeaning.Ongoing)]
    [InlineData("since March 2020 (ongoing)", DateTextMeaning.Ongoing)]
    [InlineData("from June 2023 until ongoing", DateTextMeaning.Ongoing)]
    [InlineData("Septembre 2019 → durée indéterminée", DateTextMeaning.Indefinite)]
    public void A_start_with_no_end_keeps_its_start(string text, DateTextMeaning meaning)
    {
        var reading = PartialDateParser.Parse(text);
        Assert.Equal(meaning, reading.Meaning);
        if (meaning == DateTextMeaning.Unreadable) return;
        Assert.NotNull(reading.Start);
        Assert.Null(reading.End);
        Assert.True(reading.IsOngoing);
        Assert.False(reading.HasDate);
    }

    [Fact]
    public void A_two_digit_year_is_noted()
    {
        var reading = PartialDateParser.Parse("12/21");
        Assert.Contains("the two-digit year 21 was read as 2021", reading.Notes);
        Assert.False(reading.IsApproximate);
    }

    [Fact]
    public void A_season_says_how_it_was_mapped()
    {
        var reading = PartialDateParser.Parse("Printemps 2021");
        Assert.Equal("'Printemps 2021' was read as 2021-Q2, the quarter that holds most of the season", Assert.Single(reading.Notes));
        Assert.Equal(new[] { "Printemps" }, reading.Words);
    }

    [Fact]
    public void Try_parse_date_accepts_only_single_dates()
    {
        Assert.True(PartialDateParser.TryParseDate("Septembre 2019", out var date));
        Assert.Equal(PartialDate.OfMonth(2019, 9), date);
        Assert.False(PartialDateParser.TryParseDate("2019-2021", out _));
        Assert.False(PartialDateParser.TryParseDate("TBD", out _));
        Assert.False(PartialDateParser.TryParseDate(null, out _));
    }
}
