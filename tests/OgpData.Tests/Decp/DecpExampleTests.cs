using System.Text.Json.Nodes;
using OgpData.Decp;
using OgpData.Findings;
using OgpData.Testing;
using static OgpData.Tests.Decp.DecpTestData;

namespace OgpData.Tests.Decp;

/// <summary>The official DECP 2.0.3 examples (and the 1.x ones) converted, validated as OCDS 1.1.5, and their fields checked.</summary>
public class DecpExampleTests
{
    public static TheoryData<string> Examples() =>
    [
        "v2.0.3/examples/json/marches_avec_modifications.json",
        "v2.0.3/examples/json/marches_concessions.json",
        "v2.0.3/examples/json/concessions.json",
        "v2.0.3/examples/json/concessions_avec_modifications.json",
        "v1.5/examples/json/mar-basique.json",
        "v1.5/examples/json/mar-avec-modifications.json",
        "v1.5/examples/json/cc-basique.json",
        "v1.5/examples/json/cc-avec-modifications.json",
        "v1.5/examples/json/paquet.json",
        "consolidated-tests/decp_test_2019.json",
    ];

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_converts_to_a_package_without_schema_or_coherence_errors(string example)
    {
        var converted = ConvertFile(SharedData.Require("decp/" + example));
        Assert.True(converted.Result.Succeeded, string.Join("\n", converted.Result.Findings));
        Assert.True(converted.Result.Releases > 0);
        Assert.Equal(converted.Result.Entries, converted.Result.Releases);
        Assert.Equal(converted.Result.Releases, converted.Releases.Count);

        var validation = await Validate(converted.Ocds);
        Assert.Null(validation.Unreadable);
        var errors = validation.Findings.Where(f => f.Severity == Severity.Error).Select(f => $"{f.RuleId} {f.Pointer} {f.Message}");
        Assert.Empty(errors);
        Assert.Equal(0, validation.Errors);
        // Nothing invented outside the schema, no empty fields, no broken references: no warning at all.
        Assert.Equal(0, validation.Warnings);
    }

    [SkippableFact]
    public void A_marche_maps_buyer_supplier_amount_cpv_procedure_and_modifications()
    {
        var path = SharedData.Require("decp/v2.0.3/examples/json/marches_avec_modifications.json");
        var decp = JsonNode.Parse(File.ReadAllText(path))!["marches"]!["marche"]![0]!;
        var release = ConvertFile(path).Releases[0]!;

        Assert.Equal("ocds-decpfr-21750001630066-TEST2022", Str(release["ocid"]));
        Assert.Equal("2024-05-25T00:00:00+02:00", Str(release["date"]));
        Assert.Equal(["award", "contract", "contractAmendment"], Strings(release["tag"]));
        Assert.Equal("tender", Str(release["initiationType"]));
        Assert.Equal("fr", Str(release["language"]));

        var buyer = Party(release, "FR-RCS-21750001630066");
        Assert.Equal("FR-RCS", Str(buyer["identifier"]!["scheme"]));
        Assert.Equal(Str(decp["acheteur"]!["id"]), Str(buyer["identifier"]!["id"]));
        Assert.Equal(["buyer", "procuringEntity"], Strings(buyer["roles"]));
        Assert.Equal("FR-RCS-21750001630066", Str(release["buyer"]!["id"]));
        Assert.Equal("FR-RCS-21750001630066", Str(release["tender"]!["procuringEntity"]!["id"]));

        var award = release["awards"]![0]!;
        Assert.Equal("FR-RCS-55204599900869", Str(award["suppliers"]![0]!["id"]));
        Assert.Equal(["supplier"], Strings(Party(release, "FR-RCS-55204599900869")["roles"]));
        Assert.Equal(575000m, award["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("EUR", Str(award["value"]!["currency"]));
        Assert.Equal("2024-05-15T00:00:00+02:00", Str(award["date"]));
        // 48 months from the notification (2024-05-15): to 2028-05-15, a leap day included.
        Assert.Equal(1461, award["contractPeriod"]!["durationInDays"]!.GetValue<int>());

        var tender = release["tender"]!;
        Assert.Equal("CPV", Str(tender["items"]![0]!["classification"]!["scheme"]));
        Assert.Equal("45000000", Str(tender["items"]![0]!["classification"]!["id"]));
        Assert.Equal("works", Str(tender["mainProcurementCategory"]));
        Assert.Equal("open", Str(tender["procurementMethod"]));
        Assert.StartsWith("Appel d'offres ouvert", Str(tender["procurementMethodDetails"]));
        Assert.Equal(4, tender["numberOfTenderers"]!.GetValue<int>());
        Assert.Contains("75000 (Code postal)", Str(tender["description"]));
        Assert.Equal("Critère social", Str(tender["awardCriteriaDetails"]));

        var contract = release["contracts"]![0]!;
        Assert.Equal(Str(award["id"]), Str(contract["awardID"]));
        Assert.Equal(decp["modifications"]!.AsArray().Count, contract["amendments"]!.AsArray().Count);
        // The contract holds the state after the modification; the amendment says what changed.
        Assert.Equal(123457.87m, contract["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(365, contract["period"]!["durationInDays"]!.GetValue<int>());
        var amendment = contract["amendments"]![0]!;
        Assert.Equal("1", Str(amendment["id"]));
        Assert.Equal("2022-10-18T00:00:00+02:00", Str(amendment["date"]));
        Assert.Contains("575000 EUR → 123457.87 EUR", Str(amendment["description"]));
        Assert.Contains("48 mois → 12 mois", Str(amendment["description"]));
        Assert.Contains("FR-RCS-55204599900869 → FR-RCS-868768687576575", Str(amendment["description"]));
        Assert.Equal(["supplier"], Strings(Party(release, "FR-RCS-868768687576575")["roles"]));
        Assert.Contains("Acte de sous-traitance n°1", Str(contract["description"]));

        var framework = release["relatedProcesses"]![0]!;
        Assert.Equal(["framework"], Strings(framework["relationship"]));
        Assert.Equal("ocds-decpfr-21750001630066-1234567890", Str(framework["identifier"]));
    }

    [SkippableFact]
    public void A_concession_maps_value_subsidy_period_modifications_and_execution_data()
    {
        var path = SharedData.Require("decp/v2.0.3/examples/json/concessions_avec_modifications.json");
        var converted = ConvertFile(path);
        Assert.Equal(2, converted.Result.Concessions);
        Assert.Equal(0, converted.Result.Marches);
        var release = converted.Releases[0]!;

        Assert.Equal("ocds-decpfr-12345678901250-0612202306122024", Str(release["ocid"]));
        Assert.Equal(["award", "contract", "contractAmendment", "implementation"], Strings(release["tag"]));
        Assert.Equal(["buyer", "procuringEntity"], Strings(Party(release, "FR-RCS-12345678901250")["roles"]));
        Assert.Equal(2, release["awards"]![0]!["suppliers"]!.AsArray().Count);
        Assert.Equal(10.3m, release["awards"]![0]!["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(0.5m, release["planning"]!["budget"]!["amount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("EUR", Str(release["planning"]!["budget"]!["amount"]!["currency"]));
        Assert.Equal("open", Str(release["tender"]!["procurementMethod"]));
        Assert.Equal("works", Str(release["tender"]!["mainProcurementCategory"]));

        var contract = release["contracts"]![0]!;
        Assert.Equal(25.0m, contract["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("2024-04-01T00:00:00+02:00", Str(contract["period"]!["startDate"]));
        Assert.Equal("2025-06-01T00:00:00+02:00", Str(contract["period"]!["endDate"]));
        Assert.Single(contract["amendments"]!.AsArray());
        Assert.Equal("2023-04-19T00:00:00+02:00", Str(contract["amendments"]![0]!["date"]));
        var milestone = contract["implementation"]!["milestones"]![0]!;
        Assert.Equal("reporting", Str(milestone["type"]));
        Assert.Equal("2024-04-18T00:00:00+02:00", Str(milestone["dateMet"]));
        Assert.Contains("Intitulé du tarif2 : 19.29 EUR", Str(milestone["description"]));
        Assert.Contains("Dépenses d'investissement : 15.3 EUR", Str(milestone["description"]));
    }

    [SkippableFact]
    public void Marches_and_concessions_in_one_file_get_one_ocid_each_and_the_package_metadata()
    {
        var converted = ConvertFile(SharedData.Require("decp/v2.0.3/examples/json/marches_concessions.json"),
            Options with { OcidPrefix = "ocds-abc123", License = "https://example.org/licence" });
        Assert.Equal(2, converted.Result.Marches);
        Assert.Equal(2, converted.Result.Concessions);
        var ocids = converted.Releases.Select(r => Str(r!["ocid"])).ToList();
        Assert.Equal(4, ocids.Distinct().Count());
        Assert.All(ocids, o => Assert.StartsWith("ocds-abc123-", o));
        var package = converted.Package;
        Assert.Equal("1.1", Str(package["version"]));
        Assert.Equal("2025-01-02T03:04:05Z", Str(package["publishedDate"]));
        Assert.Equal("https://example.org/licence", Str(package["license"]));
        Assert.False(string.IsNullOrEmpty(Str(package["publisher"]!["name"])));
    }

    [SkippableFact]
    public void Flat_1x_entries_keep_names_and_other_identifier_types()
    {
        var release = ConvertFile(SharedData.Require("decp/v1.5/examples/json/mar-basique.json")).Releases[0]!;
        var buyer = Party(release, "FR-RCS-21350238800019");
        Assert.Equal("Ville de Rennes", Str(buyer["name"]));
        var vat = Party(release, "TVA-DE814864138");
        Assert.Equal("TVA", Str(vat["identifier"]!["scheme"]));
        Assert.Equal("Hellman Gmbh", Str(vat["identifier"]!["legalName"]));
    }

    internal static JsonNode Party(JsonNode release, string id) =>
        release["parties"]!.AsArray().Single(p => Str(p!["id"]) == id)!;

    internal static string Str(JsonNode? node) => node!.GetValue<string>();

    internal static string[] Strings(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];
}
