namespace OgpData.Findings;

/// <summary>Every rule id, in one place. An id never changes meaning.</summary>
public static class RuleIds
{
    /// <summary>A JSON Schema violation; the finding carries the keyword.</summary>
    public const string Schema = "schema";

    /// <summary>A dataset file the analyzers were asked to check could not be read (not JSON, no header row).</summary>
    public const string UnreadableDataset = "OGP0000";

    /// <summary>An object repeats a property name: readers disagree on which value counts.</summary>
    public const string DuplicatePropertyName = "JSON0001";

    /// <summary>Milestone is not measurable: no verifiable deliverable or quantified target.</summary>
    public const string MilestoneNotMeasurable = "OGP0001";
    /// <summary>Milestone has no end date, or one that cannot be read.</summary>
    public const string MilestoneWithoutDeadline = "OGP0002";
    /// <summary>A period ends before it starts.</summary>
    public const string EndBeforeStart = "OGP0003";
    /// <summary>A milestone outside its commitment's period, or a commitment outside its plan's.</summary>
    public const string PeriodOutsideParent = "OGP0004";
    /// <summary>A commitment has no milestones.</summary>
    public const string CommitmentWithoutMilestones = "OGP0005";
    /// <summary>Duplicate id (action plan, commitment, milestone).</summary>
    public const string DuplicateId = "OGP0006";
    /// <summary>Date text that could not be read as a partial date.</summary>
    public const string UnreadableDateText = "OGP0007";
    /// <summary>Status not in the codelist.</summary>
    public const string StatusNotInCodelist = "OGP0008";
    /// <summary>Commitment claims no OGP value.</summary>
    public const string NoOgpValue = "OGP0009";
    /// <summary>Personal data in a public field.</summary>
    public const string PersonalDataInPublicField = "OGP0010";
    /// <summary>Commitment has no lead agency or no contact.</summary>
    public const string NoLeadAgencyOrContact = "OGP0011";

    // OCDS checks (DESIGN.md section 4); one page each under docs/rules/.
    /// <summary>Non-unique release (ocid and id) or record (ocid).</summary>
    public const string OcdsNonUniqueId = "OCDS0001";
    /// <summary>Object in an array that merges by id has no id.</summary>
    public const string OcdsArrayItemWithoutId = "OCDS0002";
    /// <summary>Empty or whitespace-only field, object or array.</summary>
    public const string OcdsEmptyField = "OCDS0003";
    /// <summary>ocid does not start with a registered-style prefix (ocds-xxxxxx).</summary>
    public const string OcdsBadOcidPrefix = "OCDS0004";
    /// <summary>Deprecated field.</summary>
    public const string OcdsDeprecatedField = "OCDS0005";
    /// <summary>Additional field, not in the schema.</summary>
    public const string OcdsAdditionalField = "OCDS0006";
    /// <summary>Value not in a closed codelist.</summary>
    public const string OcdsClosedCodelistValue = "OCDS0007";
    /// <summary>Value not in an open codelist.</summary>
    public const string OcdsOpenCodelistValue = "OCDS0008";
    /// <summary>Extension could not be read or applied.</summary>
    public const string OcdsExtensionNotApplied = "OCDS0009";
    /// <summary>Period ends before it starts.</summary>
    public const string OcdsPeriodEndsBeforeStart = "OCDS0010";
    /// <summary>Procurement timeline out of order.</summary>
    public const string OcdsTimelineOutOfOrder = "OCDS0011";
    /// <summary>Negative amount.</summary>
    public const string OcdsNegativeAmount = "OCDS0012";
    /// <summary>Amount without currency.</summary>
    public const string OcdsAmountWithoutCurrency = "OCDS0013";
    /// <summary>Organization reference matches no party, or several.</summary>
    public const string OcdsUnresolvedPartyReference = "OCDS0014";
    /// <summary>Referenced party lacks the role its reference implies.</summary>
    public const string OcdsPartyWithoutRole = "OCDS0015";
    /// <summary>Contract awardID matches no award.</summary>
    public const string OcdsContractAwardNotFound = "OCDS0016";
    /// <summary>numberOfTenderers differs from the number of tenderers.</summary>
    public const string OcdsNumberOfTenderersMismatch = "OCDS0017";
    /// <summary>Item or input is not well-formed JSON.</summary>
    public const string OcdsMalformedJson = "OCDS0018";
    /// <summary>Package checked against another version of the standard than the one it declares.</summary>
    public const string OcdsSchemaVersion = "OCDS0019";
    /// <summary>OCDS data read with no schema source: the schema, codelists and fields were not checked.</summary>
    public const string OcdsSchemaNotChecked = "OCDS0020";

    // Spreadsheet conversion (docs/formats/csv.md): problems met between CSV sheets and JSON; one page each under docs/rules/.
    /// <summary>A row has more or fewer cells than the header line.</summary>
    public const string CsvRaggedRow = "CSV0001";
    /// <summary>Two rows describe the same object and disagree on a value (first value wins).</summary>
    public const string CsvMergeConflict = "CSV0002";
    /// <summary>A cell cannot be read as the kind its column has (number, integer, boolean): kept as text.</summary>
    public const string CsvCellTypeMismatch = "CSV0003";
    /// <summary>A header cannot be read as a path (empty step, array index first, ...), or two columns give the same field: column or cell ignored.</summary>
    public const string CsvBadHeader = "CSV0004";
    /// <summary>A JSON value has no cell form (null, empty string, empty array or object, array of arrays, mixed array,
    /// a key with <c>/</c>): kept beside the sheets, or dropped where there is no such place.</summary>
    public const string CsvNotRepresentable = "CSV0005";
    /// <summary>Two records share the key the spreadsheet merges rows by; read back, they become one.</summary>
    public const string CsvDuplicateKey = "CSV0006";
    /// <summary>The rows of one record are not contiguous (or a child sheet is not in the main sheet's order): the late rows become a separate record.</summary>
    public const string CsvRowsOutOfOrder = "CSV0007";
    /// <summary>The input is not the expected shape (no header, not a package, base without an action plan).</summary>
    public const string CsvBadInput = "CSV0008";
    /// <summary>A value kept beside the sheets could not be put back (the sheets were edited since).</summary>
    public const string CsvResidueNotApplied = "CSV0009";
    /// <summary>A cell's quotes are not balanced (a quote inside an unquoted cell, or a quoted cell never closed): read as it stands.</summary>
    public const string CsvBadQuotes = "CSV0010";
    /// <summary>A workbook cell holds a formula: its value as last saved is read, the formula is never evaluated.</summary>
    public const string CsvFormula = "CSV0011";
    // Compiling releases into records (docs/ocds-compile.md): where the reference merge stops with an exception, ogpdata reports and goes on.
    /// <summary>A release without a usable date among several releases of one process.</summary>
    public const string MergeUndatedRelease = "MERGE0001";
    /// <summary>A field is an object, an array or a value in different releases of one process.</summary>
    public const string MergeInconsistentType = "MERGE0002";
    /// <summary>Two objects of one identifier-merge array in one release share an id.</summary>
    public const string MergeDuplicateId = "MERGE0003";
    /// <summary>A release to compile is not a JSON object.</summary>
    public const string MergeNotAnObject = "MERGE0004";
    /// <summary>A release to compile has no ocid, so it belongs to no process.</summary>
    public const string MergeMissingOcid = "MERGE0005";

    /// <summary>A marché or concession has no id: not converted.</summary>
    public const string DecpMissingId = "DECP0001";
    /// <summary>A marché has no acheteur.id, or a concession no autoriteConcedante.id: not converted.</summary>
    public const string DecpMissingBuyer = "DECP0002";
    /// <summary>A SIRET is not 14 digits; kept as written.</summary>
    public const string DecpBadSiret = "DECP0003";
    /// <summary>A date is not AAAA-MM-JJ (with an optional offset); the OCDS field it feeds is left out.</summary>
    public const string DecpBadDate = "DECP0004";
    /// <summary>A procédure, nature or identifier type that DECP does not define; kept as text.</summary>
    public const string DecpUnknownCode = "DECP0005";
    /// <summary>An amount is negative or not a number; the OCDS value is left out.</summary>
    public const string DecpBadAmount = "DECP0006";
    /// <summary>A duration in months is not a positive whole number; left out.</summary>
    public const string DecpBadDuration = "DECP0007";
    /// <summary>A CPV code is not eight digits with an optional check digit; kept as written.</summary>
    public const string DecpBadCpv = "DECP0008";
    /// <summary>A value has the wrong JSON type: read when it can be, otherwise left out.</summary>
    public const string DecpWrongType = "DECP0009";
    /// <summary>The same marché (buyer, id, updates) appears again; converted under a suffixed release id.</summary>
    public const string DecpDuplicateMarche = "DECP0010";
    /// <summary>An entry of a marché or concession list is not an object: not converted.</summary>
    public const string DecpNotAnObject = "DECP0011";
    /// <summary>A member outside DECP 2.0 that the converter does not map; reported once per name.</summary>
    public const string DecpUnmappedField = "DECP0012";
    /// <summary>A modification has no id or no date; converted with what it has.</summary>
    public const string DecpIncompleteModification = "DECP0013";
    /// <summary>A bare NaN or Infinity (not JSON): read as absent.</summary>
    public const string DecpNonFiniteNumber = "DECP0014";
}
