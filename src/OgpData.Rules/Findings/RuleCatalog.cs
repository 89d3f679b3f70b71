using System;
using System.Collections.Generic;

namespace OgpData.Findings;

/// <summary>
/// The catalogue of every rule the library, the analyzers and the CLI report. Each id has exactly one
/// descriptor here and one page under <c>docs/rules/</c>, embedded in the assembly (<see cref="RuleDocumentation"/>).
/// </summary>
public static class RuleCatalog
{
    private static readonly RuleDescriptor[] Rules =
    [
        new RuleDescriptor { Id = RuleIds.UnreadableDataset, Title = "Dataset file could not be read", DefaultSeverity = Severity.Warning, Category = "Input" },
        new RuleDescriptor { Id = RuleIds.DuplicatePropertyName, Title = "Duplicate property name in an object", DefaultSeverity = Severity.Error, Category = "Input" },
        Ogp(RuleIds.MilestoneNotMeasurable, "Milestone is not measurable: no verifiable deliverable or quantified target", Severity.Warning),
        Ogp(RuleIds.MilestoneWithoutDeadline, "Milestone has no end date, or one that cannot be read", Severity.Warning),
        Ogp(RuleIds.EndBeforeStart, "Period ends before it starts", Severity.Error),
        Ogp(RuleIds.PeriodOutsideParent, "Milestone outside its commitment's period, or commitment outside its plan's", Severity.Warning),
        Ogp(RuleIds.CommitmentWithoutMilestones, "Commitment has no milestones", Severity.Warning),
        Ogp(RuleIds.DuplicateId, "Duplicate id", Severity.Error),
        Ogp(RuleIds.UnreadableDateText, "Date text that could not be read as a partial date", Severity.Warning),
        Ogp(RuleIds.StatusNotInCodelist, "Status not in the codelist", Severity.Warning),
        Ogp(RuleIds.NoOgpValue, "Commitment claims no OGP value", Severity.Info),
        Ogp(RuleIds.PersonalDataInPublicField, "Personal data in a public field", Severity.Warning),
        Ogp(RuleIds.NoLeadAgencyOrContact, "Commitment has no lead agency or no contact", Severity.Info),
        Ocds(RuleIds.OcdsNonUniqueId, "Non-unique release (ocid and id) or record (ocid)", Severity.Error),
        Ocds(RuleIds.OcdsArrayItemWithoutId, "Object in an array that merges by id has no id", Severity.Warning),
        Ocds(RuleIds.OcdsEmptyField, "Empty or whitespace-only field, object or array", Severity.Warning),
        Ocds(RuleIds.OcdsBadOcidPrefix, "ocid does not start with a registered-style prefix (ocds-xxxxxx)", Severity.Warning),
        Ocds(RuleIds.OcdsDeprecatedField, "Deprecated field", Severity.Warning),
        Ocds(RuleIds.OcdsAdditionalField, "Additional field, not in the schema", Severity.Info),
        Ocds(RuleIds.OcdsClosedCodelistValue, "Value not in a closed codelist", Severity.Error),
        Ocds(RuleIds.OcdsOpenCodelistValue, "Value not in an open codelist", Severity.Info),
        Ocds(RuleIds.OcdsExtensionNotApplied, "Extension could not be read or applied", Severity.Warning),
        Ocds(RuleIds.OcdsPeriodEndsBeforeStart, "Period ends before it starts", Severity.Error),
        Ocds(RuleIds.OcdsTimelineOutOfOrder, "Procurement timeline out of order", Severity.Warning),
        Ocds(RuleIds.OcdsNegativeAmount, "Negative amount", Severity.Warning),
        Ocds(RuleIds.OcdsAmountWithoutCurrency, "Amount without currency", Severity.Warning),
        Ocds(RuleIds.OcdsUnresolvedPartyReference, "Organization reference matches no party, or several", Severity.Error),
        Ocds(RuleIds.OcdsPartyWithoutRole, "Referenced party lacks the role its reference implies", Severity.Warning),
        Ocds(RuleIds.OcdsContractAwardNotFound, "Contract awardID matches no award", Severity.Error),
        Ocds(RuleIds.OcdsNumberOfTenderersMismatch, "numberOfTenderers differs from the number of tenderers", Severity.Warning),
        Ocds(RuleIds.OcdsMalformedJson, "Item or input is not well-formed JSON", Severity.Error),
        Ocds(RuleIds.OcdsSchemaVersion, "Package checked against another version of the standard than it declares", Severity.Warning),
        Ocds(RuleIds.OcdsSchemaNotChecked, "OCDS schema not checked: no schema source was given", Severity.Info),
        Csv(RuleIds.CsvRaggedRow, "Row has more or fewer cells than the header", Severity.Warning),
        Csv(RuleIds.CsvMergeConflict, "Rows for the same object disagree on a value", Severity.Warning),
        Csv(RuleIds.CsvCellTypeMismatch, "Cell is not of its column's kind", Severity.Warning),
        Csv(RuleIds.CsvBadHeader, "Header is not a path, or two columns give the same field", Severity.Warning),
        Csv(RuleIds.CsvNotRepresentable, "Value has no cell form", Severity.Warning),
        Csv(RuleIds.CsvDuplicateKey, "Two records share the key their rows merge by", Severity.Warning),
        Csv(RuleIds.CsvRowsOutOfOrder, "Rows of one record are not together", Severity.Warning),
        Csv(RuleIds.CsvBadInput, "Input is not of the expected shape", Severity.Error),
        Csv(RuleIds.CsvResidueNotApplied, "Value kept aside could not be put back", Severity.Warning),
        Csv(RuleIds.CsvBadQuotes, "Cell has unbalanced quotes", Severity.Warning),
        Csv(RuleIds.CsvFormula, "Workbook cell holds a formula", Severity.Warning),
        Merge(RuleIds.MergeUndatedRelease, "Release without a usable date among several of one process", Severity.Error),
        Merge(RuleIds.MergeInconsistentType, "Field that changes between object, array and value across releases", Severity.Error),
        Merge(RuleIds.MergeDuplicateId, "Same id twice in one identifier-merge array of a release", Severity.Warning),
        Merge(RuleIds.MergeNotAnObject, "Release to compile that is not a JSON object", Severity.Error),
        Merge(RuleIds.MergeMissingOcid, "Release to compile without an ocid", Severity.Error),
        Decp(RuleIds.DecpMissingId, "Marché or concession without id", Severity.Error),
        Decp(RuleIds.DecpMissingBuyer, "Marché or concession without buyer", Severity.Error),
        Decp(RuleIds.DecpBadSiret, "SIRET that is not 14 digits", Severity.Warning),
        Decp(RuleIds.DecpBadDate, "Date that is not AAAA-MM-JJ", Severity.Warning),
        Decp(RuleIds.DecpUnknownCode, "Code that DECP does not define", Severity.Warning),
        Decp(RuleIds.DecpBadAmount, "Negative or unreadable amount", Severity.Warning),
        Decp(RuleIds.DecpBadDuration, "Duration that is not a positive whole number of months", Severity.Warning),
        Decp(RuleIds.DecpBadCpv, "CPV code that is not well formed", Severity.Warning),
        Decp(RuleIds.DecpWrongType, "Value of the wrong JSON type", Severity.Warning),
        Decp(RuleIds.DecpDuplicateMarche, "Same marché given twice", Severity.Warning),
        Decp(RuleIds.DecpNotAnObject, "List entry that is not an object", Severity.Error),
        Decp(RuleIds.DecpUnmappedField, "Member the converter does not map", Severity.Info),
        Decp(RuleIds.DecpIncompleteModification, "Modification without id or date", Severity.Warning),
        Decp(RuleIds.DecpNonFiniteNumber, "NaN or Infinity in place of a number", Severity.Warning),
        new RuleDescriptor { Id = RuleIds.Schema, Title = "JSON Schema violation", DefaultSeverity = Severity.Error, Category = "Schema" },
    ];

    private static readonly Dictionary<string, RuleDescriptor> ById = Index(Rules);

    /// <summary>Every rule, in id order as listed.</summary>
    public static IReadOnlyList<RuleDescriptor> All => Rules;

    /// <summary>The descriptor of a rule id, or null when the id is unknown.</summary>
    public static RuleDescriptor? Find(string id) => ById.TryGetValue(id, out var rule) ? rule : null;

    /// <summary>The descriptor of a rule id; throws for an id that is not in the catalogue (a programming error).</summary>
    public static RuleDescriptor Get(string id) =>
        Find(id) ?? throw new ArgumentException($"'{id}' is not a rule id of the catalogue.", nameof(id));

    private static RuleDescriptor Ogp(string id, string title, Severity severity) =>
        new() { Id = id, Title = title, DefaultSeverity = severity, Category = "OGP" };

    private static RuleDescriptor Ocds(string id, string title, Severity severity) =>
        new() { Id = id, Title = title, DefaultSeverity = severity, Category = "OCDS" };

    private static RuleDescriptor Merge(string id, string title, Severity severity) =>
        new() { Id = id, Title = title, DefaultSeverity = severity, Category = "MERGE" };

    private static RuleDescriptor Decp(string id, string title, Severity severity) =>
        new() { Id = id, Title = title, DefaultSeverity = severity, Category = "DECP" };

    private static RuleDescriptor Csv(string id, string title, Severity severity) =>
        new() { Id = id, Title = title, DefaultSeverity = severity, Category = "CSV" };

    private static Dictionary<string, RuleDescriptor> Index(RuleDescriptor[] rules)
    {
        var index = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var rule in rules) index.Add(rule.Id, rule);
        return index;
    }
}
