using System.Text;
using System.Text.Json.Nodes;
using OgpData.Conversion;
using OgpData.Csv;
using OgpData.Dates;
using OgpData.Findings;

namespace OgpData.Tests.Csv;

public sealed class CommitmentCsvTests
{
    private static readonly CommitmentCsvOptions French = new() { PlanId = "LU-2019-2021", Member = "LU" };

    private static (JsonObject Package, CsvConversionResult Result) Read(byte[] csv, CommitmentCsvOptions? options = null)
    {
        using var input = new MemoryStream(csv);
        using var output = new MemoryStream();
        var result = CommitmentCsv.ReadPackage(input, output, options ?? French);
        return (JsonNode.Parse(output.ToArray())!.AsObject(), result);
    }

    private static byte[] Utf8(string text, bool bom = false) =>
        [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];

    private const string FrenchSheet =
        "id;number;title;budget/amount;budget/currency;ogpValues;milestones/0/id;milestones/0/description;milestones/0/period/startText;milestones/0/period/endDate\r\n" +
        "LU0001;007;Données ouvertes;1\u00A0234,50;EUR;\"accessToInformation;civicParticipation\";LU0001-1;\"Publier le jeu de données\r\nsur data.public.lu\";Septembre 2019;2021-08\r\n" +
        "LU0001;007;Données ouvertes;1\u00A0234,50;EUR;\"accessToInformation; civicParticipation\";LU0001-2;Organiser 2 ateliers;T1 2022;en continu\r\n" +
        "LU0002;00123;Marchés publics;;;;LU0002-1;Sensibilisation;Lancée en juin 2017;\r\n" +
        "LU0002;00123;Marchés publics;;;;LU0002-2;Rapport final;Dates à déterminer;Octobre 2021-Novembre 2021\r\n";

    [Fact]
    public void A_french_sheet_becomes_a_package_one_commitment_per_id()
    {
        var (package, result) = Read(Utf8(FrenchSheet, bom: true));

        Assert.Equal(2, result.Records);
        var plan = package["actionPlans"]![0]!;
        Assert.Equal("LU-2019-2021", plan["id"]!.GetValue<string>());
        Assert.Equal("1.0", package["version"]!.GetValue<string>());
        var first = plan["commitments"]![0]!;
        Assert.Equal(1234.50m, first["budget"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("007", first["number"]!.GetValue<string>());
        Assert.Equal("00123", plan["commitments"]![1]!["number"]!.GetValue<string>());
        Assert.Equal("""["accessToInformation","civicParticipation"]""", first["ogpValues"]!.ToJsonString());
        Assert.Equal(2, first["milestones"]!.AsArray().Count);
        Assert.Equal("Publier le jeu de données\r\nsur data.public.lu", first["milestones"]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Date_words_are_kept_and_read_by_the_partial_date_parser_and_unreadable_words_are_a_problem()
    {
        var (package, result) = Read(Utf8(FrenchSheet));
        var commitments = package["actionPlans"]![0]!["commitments"]!;

        var period = commitments[0]!["milestones"]![0]!["period"]!;
        Assert.Equal("Septembre 2019", period["startText"]!.GetValue<string>());
        Assert.Equal("2019-09", period["startDate"]!.GetValue<string>());
        Assert.Equal("2021-08", period["endDate"]!.GetValue<string>());
        // A date cell in words: the words move to endText; "en continu" is understood as no date.
        var second = commitments[0]!["milestones"]![1]!["period"]!;
        Assert.Equal("2022-Q1", second["startDate"]!.GetValue<string>());
        Assert.Equal("en continu", second["endText"]!.GetValue<string>());
        Assert.Null(second["endDate"]);

        // A date among words (the Luxembourg plan's "Lancée en juin 2017"): the date is read, the words kept.
        var launched = commitments[1]!["milestones"]![0]!["period"]!;
        Assert.Equal("Lancée en juin 2017", launched["startText"]!.GetValue<string>());
        Assert.Equal("2017-06", launched["startDate"]!.GetValue<string>());
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Date_words_that_hold_two_dates_stay_text_and_are_a_problem()
    {
        var (package, result) = Read(Utf8(
            "id;title;milestones/0/id;milestones/0/description;milestones/0/period/startText\r\n" +
            "LU0002;Marchés publics;LU0002-1;Sensibilisation;Lancée en juin 2017, refondue en 2019\r\n"));

        var unread = package["actionPlans"]![0]!["commitments"]![0]!["milestones"]![0]!["period"]!;
        Assert.Equal("Lancée en juin 2017, refondue en 2019", unread["startText"]!.GetValue<string>());
        Assert.Null(unread["startDate"]);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(RuleIds.UnreadableDateText, problem.RuleId);
        Assert.Equal(2, problem.Row);
        Assert.Equal("milestones/0/period/startText", problem.Column);
        Assert.Equal("/actionPlans/0/commitments/0/milestones/0/period/startText", problem.Pointer);
    }

    [Fact]
    public void Words_meaning_no_date_are_understood_and_a_range_in_one_cell_fills_the_end()
    {
        var (package, result) = Read(Utf8(FrenchSheet));
        var period = package["actionPlans"]![0]!["commitments"]![1]!["milestones"]![1]!["period"]!;

        Assert.Equal("Dates à déterminer", period["startText"]!.GetValue<string>());
        Assert.Null(period["startDate"]);
        Assert.Equal("Octobre 2021-Novembre 2021", period["endText"]!.GetValue<string>());
        Assert.Equal("2021-11", period["endDate"]!.GetValue<string>());
        Assert.DoesNotContain(result.Problems, p => p.Row == 5);
    }

    [Fact]
    public void Windows_1252_is_detected_and_read()
    {
        var bytes = Encoding.Latin1.GetBytes("id;title\r\nLU0001;Accès à l'information\r\n");
        bytes = CsvEncoding.Windows1252.GetBytes("id;title\r\nLU0001;Accès à l'information – œuvre\r\n");

        var (package, result) = Read(bytes);

        Assert.Empty(result.Problems);
        Assert.Equal("Accès à l'information – œuvre", package["actionPlans"]![0]!["commitments"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void Rows_that_disagree_on_a_commitment_field_keep_the_first_value_and_name_both_cells()
    {
        var (package, result) = Read(Utf8("id,title,milestones/0/id\nLU0001,Premier,M1\nLU0001,Autre,M2\n"));

        Assert.Equal("Premier", package["actionPlans"]![0]!["commitments"]![0]!["title"]!.GetValue<string>());
        var conflict = Assert.Single(result.Problems);
        Assert.Equal(RuleIds.CsvMergeConflict, conflict.RuleId);
        Assert.Equal(3, conflict.Row);
        Assert.Equal("title", conflict.Column);
        Assert.Contains("row 2, column title", conflict.Message);
    }

    [Fact]
    public void Ragged_rows_and_bad_cells_are_problems_naming_row_and_column()
    {
        var (_, result) = Read(Utf8("id;budget/amount;title\r\nLU0001;beaucoup;Titre\r\nLU0002;12\r\nLU0003;1;T;extra\r\n"));

        Assert.Collection(result.Problems,
            p => { Assert.Equal(RuleIds.CsvCellTypeMismatch, p.RuleId); Assert.Equal(2, p.Row); Assert.Equal("budget/amount", p.Column); },
            p => { Assert.Equal(RuleIds.CsvRaggedRow, p.RuleId); Assert.Equal(3, p.Row); },
            p => { Assert.Equal(RuleIds.CsvRaggedRow, p.RuleId); Assert.Equal(4, p.Row); Assert.Equal(Severity.Error, p.Severity); });
    }

    [Fact]
    public void A_package_round_trips_through_the_sheet_and_its_base()
    {
        var original = JsonNode.Parse("""
            { "version": "1.0", "publisher": { "name": "Ministère d'État" },
              "actionPlans": [{ "id": "LU-2019-2021", "member": "LU", "title": "Plan", "period": { "startDate": "2019-08", "endDate": "2021-08" },
                "commitments": [
                  { "id": "LU0001", "number": "1", "title": "=HYPERLINK(\"http://x\")", "ogpValues": ["accessToInformation"],
                    "budget": { "amount": 100000.5, "currency": "EUR" },
                    "contacts": [{ "name": "A", "email": "a@example.org" }, { "name": "B" }],
                    "otherActors": { "government": ["SIP", "CTIE"] },
                    "assessments": [{ "source": "irmDesign", "onTime": true, "starred": false }],
                    "milestones": [
                      { "id": "LU0001-1", "description": "-10 % de délais", "period": { "startDate": "2019-09", "startText": "Septembre 2019" } },
                      { "id": "LU0001-2", "description": "'=déjà protégé", "status": "complete" } ] },
                  { "id": "LU0002", "title": "Sans jalon", "number": "0012" } ] }] }
            """)!.AsObject();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(original.ToJsonString()));
        using var csv = new MemoryStream();
        using var baseJson = new MemoryStream();

        var written = CommitmentCsv.Write(input, csv, baseJson, new CommitmentCsvOptions { Csv = new CsvWriteOptions { Delimiter = ';' } });
        var text = Encoding.UTF8.GetString(csv.ToArray());
        var (back, read) = Read(csv.ToArray(), French with { Base = JsonNode.Parse(baseJson.ToArray())!.AsObject() });

        Assert.Empty(written.Problems);
        Assert.Empty(read.Problems);
        Assert.Null(JsonTreeDiff.FirstDifference(original, back));
        Assert.StartsWith("\uFEFFid;", text, StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://x\"\")\";", text, StringComparison.Ordinal);
        Assert.Contains(";'-10 % de délais", text, StringComparison.Ordinal);
        Assert.Contains(";''=déjà protégé", text, StringComparison.Ordinal);
        Assert.Equal(4, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header + 2 milestones + 1 commitment without
    }

    [Fact]
    public void Values_with_no_cell_form_are_reported_when_written()
    {
        var package = """{ "version": "1.0", "actionPlans": [{ "id": "P", "member": "LU", "commitments": [{ "id": "C1", "title": "", "leadAgency": null, "milestones": [] }] }] }""";
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(package));
        using var csv = new MemoryStream();

        var written = CommitmentCsv.Write(input, csv);

        Assert.Equal(["/actionPlans/0/commitments/0/title", "/actionPlans/0/commitments/0/leadAgency", "/actionPlans/0/commitments/0/milestones"],
            written.Problems.Where(p => p.RuleId == RuleIds.CsvNotRepresentable).Select(p => p.Pointer));
        Assert.All(written.Problems, p => { Assert.Equal(2, p.Row); Assert.NotNull(p.Column); });
    }

    [Fact]
    public void The_package_schema_gives_the_commitment_columns_their_kinds()
    {
        using var schema = System.Text.Json.JsonDocument.Parse("""
            { "$defs": { "Commitment": { "type": "object", "properties": { "priority": { "type": "integer" }, "public": { "type": "boolean" },
                "milestones": { "type": "array", "items": { "type": "object", "properties": { "weight": { "type": ["number", "null"] } } } } } } },
              "type": "object",
              "properties": { "actionPlans": { "type": "array", "items": { "type": "object", "properties": {
                "commitments": { "type": "array", "items": { "$ref": "#/$defs/Commitment" } } } } } } }
            """);
        var (package, result) = Read(Utf8("id;priority;public;number;milestones/0/id;milestones/0/weight\nC1;2;oui;0042;M1;0,5\n"),
            French with { PackageSchema = schema.RootElement });

        Assert.Empty(result.Problems);
        Assert.Equal("""{"id":"C1","priority":2,"public":true,"number":"0042","milestones":[{"id":"M1","weight":0.5}]}""",
            package["actionPlans"]![0]!["commitments"]![0]!.ToJsonString());
    }

    [Fact]
    public void A_column_that_would_come_back_as_another_kind_is_said_when_written()
    {
        var package = """{ "version": "1.0", "actionPlans": [{ "id": "P", "member": "LU", "commitments": [{ "id": "C1", "x-score": 3, "milestones": [{ "id": "M1", "description": "D" }] }] }] }""";
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(package));

        var written = CommitmentCsv.Write(input, new MemoryStream());

        var problem = Assert.Single(written.Problems);
        Assert.Equal(RuleIds.CsvNotRepresentable, problem.RuleId);
        Assert.Equal("x-score", problem.Column);
        Assert.Equal(1, problem.Row);
    }

    [Fact]
    public void A_list_whose_item_holds_the_separator_is_written_as_numbered_columns_and_comes_back_whole()
    {
        var original = JsonNode.Parse("""
            { "version": "1.0", "actionPlans": [{ "id": "P", "member": "LU", "commitments": [
              { "id": "C1", "otherActors": { "government": ["SIP", "Agents : dirigeants ; formateurs", " CTIE "] },
                "ogpValues": ["accessToInformation"],
                "milestones": [{ "id": "M1", "description": "A" }, { "id": "M2", "description": "B" }] },
              { "id": "C2", "otherActors": { "government": ["MECDD"] }, "ogpValues": ["civicParticipation", "technologyAndInnovation"] } ] }] }
            """)!.AsObject();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(original.ToJsonString()));
        using var csv = new MemoryStream();
        using var baseJson = new MemoryStream();

        var written = CommitmentCsv.Write(input, csv, baseJson, new CommitmentCsvOptions { Csv = new CsvWriteOptions { Delimiter = ';' } });
        var lines = Encoding.UTF8.GetString(csv.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var (back, read) = Read(csv.ToArray(), French with { Base = JsonNode.Parse(baseJson.ToArray())!.AsObject() });

        Assert.Empty(written.Problems);
        Assert.Empty(read.Problems);
        Assert.Null(JsonTreeDiff.FirstDifference(original, back));
        // The whole sheet uses numbered columns for that field; the other lists stay one cell each.
        var headers = lines[0].TrimStart('\uFEFF').Split(';');
        Assert.Equal(["otherActors/government/0", "otherActors/government/1", "otherActors/government/2"], headers.Where(h => h.StartsWith("otherActors/", StringComparison.Ordinal)));
        Assert.Contains("ogpValues", headers);
        Assert.Contains("\"Agents : dirigeants ; formateurs\";\" CTIE \"", lines[1], StringComparison.Ordinal);
        Assert.Contains("civicParticipation;technologyAndInnovation", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_made_sheet_may_give_a_list_as_one_cell_or_as_numbered_columns()
    {
        var (package, result) = Read(Utf8(
            "id,ogpValues/0,ogpValues/1,otherActors/government,milestones/0/id\n" +
            "C1,accessToInformation,\"a; b\",SIP;CTIE,M1\n" +
            "C1,accessToInformation,\"a; b\",SIP;CTIE,M2\n"));

        Assert.Empty(result.Problems);
        var commitment = package["actionPlans"]![0]!["commitments"]![0]!;
        Assert.Equal("""["accessToInformation","a; b"]""", commitment["ogpValues"]!.ToJsonString());
        Assert.Equal("""["SIP","CTIE"]""", commitment["otherActors"]!["government"]!.ToJsonString());
        Assert.Equal(2, commitment["milestones"]!.AsArray().Count);
    }

    [Fact]
    public void A_list_given_both_as_one_cell_and_as_numbered_columns_in_one_row_keeps_the_first_column()
    {
        var (package, result) = Read(Utf8("id,ogpValues,ogpValues/0\nC1,accessToInformation;civicParticipation,other\n"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(RuleIds.CsvBadHeader, problem.RuleId);
        Assert.Equal("ogpValues/0", problem.Column);
        Assert.Equal("""["accessToInformation","civicParticipation"]""", package["actionPlans"]![0]!["commitments"]![0]!["ogpValues"]!.ToJsonString());
    }
}
