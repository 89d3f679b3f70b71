using System.Text.Encodings.Web;
using System.Text.Json;
using OgpData.Json;
using System.Text.Json.Nodes;
using OgpData.Csv;
using OgpData.Spreadsheets;
using OgpData.Dates;
using OgpData.Findings;

namespace OgpData.Conversion;

/// <summary>Options for <see cref="CommitmentCsv"/>.</summary>
public sealed record CommitmentCsvOptions
{
    /// <summary>
    /// The commitment package schema (<c>schemas/ogp/commitment-package.schema.json</c>): the kinds of the commitment
    /// columns come from its <c>actionPlans/commitments</c> items. Without it, a built-in list of the non-text
    /// fields of the package contract is used (<c>ogpValues</c>, <c>budget/amount</c>, <c>assessments/onTime</c>, ...).
    /// </summary>
    public JsonElement? PackageSchema { get; init; }

    /// <summary>
    /// The package and action-plan metadata (<c>--base</c>): a commitment package whose single action plan has no
    /// commitments. Without it, a minimal package (version <c>1.0</c>) with one plan from <see cref="PlanId"/> and <see cref="Member"/>.
    /// </summary>
    public JsonObject? Base { get; init; }

    /// <summary>The action plan id, for the minimal package, or to choose a plan of a package with several.</summary>
    public string? PlanId { get; init; }

    /// <summary>The OGP member code of the minimal package's plan.</summary>
    public string? Member { get; init; }

    /// <summary>
    /// Reads free-text date cells (<c>period/startText</c>, or a <c>period/startDate</c> cell that is not a canonical
    /// partial date). Plug the partial-date parser in here; by default only canonical dates are read.
    /// </summary>
    public Func<string, DateTextReading> ReadDateText { get; init; } = PartialDateParser.Parse;

    /// <summary>How the CSV is written.</summary>
    public CsvWriteOptions Csv { get; init; } = CsvWriteOptions.Default;

    /// <summary>Indent the JSON written.</summary>
    public bool Indented { get; init; } = true;
}

/// <summary>
/// OGP commitments as one spreadsheet — root list <c>commitments</c>, one row per milestone
/// (<c>id</c>, <c>title</c>, ..., <c>milestones/0/id</c>, <c>milestones/0/description</c>, ...) — to a commitment
/// package and back. Rows with the same commitment <c>id</c> are one commitment; each row adds its milestone.
/// </summary>
public static class CommitmentCsv
{
    private static readonly string[] RootKeys = ["id"];

    /// <summary>The kinds of the package contract's non-text commitment fields, used when no schema is given.</summary>
    public static CsvTypeMap ContractTypes { get; } = CsvTypeMap.From(new Dictionary<string, FieldKind>
    {
        ["ogpValues"] = FieldKind.StringArray,
        ["otherActors"] = FieldKind.Object,
        ["otherActors/government"] = FieldKind.StringArray,
        ["otherActors/civilSociety"] = FieldKind.StringArray,
        ["budget/amount"] = FieldKind.Number,
        ["milestones"] = FieldKind.ObjectArray,
        ["contacts"] = FieldKind.ObjectArray,
        ["assessments"] = FieldKind.ObjectArray,
        ["assessments/onTime"] = FieldKind.Boolean,
        ["assessments/starred"] = FieldKind.Boolean,
    });

    /// <summary>
    /// Reads the CSV and writes a commitment package to <paramref name="output"/>, each commitment as soon as its
    /// rows are read. Date cells go through <see cref="CommitmentCsvOptions.ReadDateText"/>; the printed words are
    /// kept in <c>startText</c>/<c>endText</c>, and text it cannot read is an <c>OGP0007</c> problem, never a guess.
    /// </summary>
    public static CsvConversionResult ReadPackage(Stream csv, Stream output, CommitmentCsvOptions? options = null)
    {
        var problems = new List<CsvProblem>();
        using var reader = CsvSheetReader.Open(csv, null, null, problems);
        return ReadPackage(reader, output, options ?? new CommitmentCsvOptions(), problems);
    }

    /// <summary>
    /// Reads a commitments workbook (<c>.xlsx</c> or <c>.ods</c>, by the file's name) as <see cref="ReadPackage(Stream, Stream, CommitmentCsvOptions?)"/>
    /// reads a CSV: the sheet named <c>commitments</c>, else the first; every problem names its cell (<c>commitments!C4</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a workbook of its format.</exception>
    public static CsvConversionResult ReadWorkbook(string workbookPath, Stream output, CommitmentCsvOptions? options = null)
    {
        var problems = new List<CsvProblem>();
        using var workbook = WorkbookReader.Open(workbookPath, problems);
        var name = workbook.FindSheet("commitments") ?? workbook.SheetNames.FirstOrDefault(n => n != SheetWorkbook.DataSheet);
        if (name is null)
        {
            problems.Add(new CsvProblem { RuleId = RuleIds.CsvBadInput, Severity = Severity.Error, Message = $"{Path.GetFileName(workbookPath)} has no sheet." });
            return new CsvConversionResult { Records = 0, Problems = [.. problems] };
        }
        using var sheet = workbook.OpenSheet(name);
        return ReadPackage(sheet, output, options ?? new CommitmentCsvOptions(), problems);
    }

    private static CsvConversionResult ReadPackage(ISheetSource reader, Stream output, CommitmentCsvOptions options, List<CsvProblem> problems)
    {
        var types = TypesOf(options);
        var package = options.Base?.DeepClone().AsObject() ?? MinimalPackage(options, problems);
        var plans = package["actionPlans"] as JsonArray;
        if (plans is null || plans.Count == 0)
        {
            problems.Add(new CsvProblem { RuleId = RuleIds.CsvBadInput, Severity = Severity.Warning, Pointer = "/actionPlans", Message = "The base package has no action plan; one is added for the commitments." });
            // The JsonNode constructor, not a collection expression: that would call the generic JsonArray.Add<T>,
            // which serialises by reflection (not trim- or AOT-safe).
            plans = new JsonArray(new JsonObject { ["id"] = options.PlanId ?? "", ["member"] = options.Member ?? "" });
            package["actionPlans"] = plans;
        }
        var target = TargetPlan(plans, options.PlanId);
        var planObject = plans[target] as JsonObject ?? new JsonObject();
        var existing = planObject["commitments"] as JsonArray;
        if (existing is { Count: > 0 })
        {
            problems.Add(new CsvProblem
            {
                RuleId = RuleIds.CsvBadInput, Severity = Severity.Warning, Pointer = $"/actionPlans/{target}/commitments",
                Message = $"The base plan already has {existing.Count} commitment(s); the spreadsheet's come after them.",
            });
        }

        var records = 0;
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = options.Indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        foreach (var (name, value) in package)
        {
            json.WritePropertyName(name);
            if (name != "actionPlans")
            {
                WriteNode(json, value);
                continue;
            }
            json.WriteStartArray();
            for (var p = 0; p < plans.Count; p++)
            {
                if (p != target)
                {
                    WriteNode(json, plans[p]);
                    continue;
                }
                json.WriteStartObject();
                foreach (var (member, memberValue) in planObject)
                {
                    if (member == "commitments") continue;
                    json.WritePropertyName(member);
                    WriteNode(json, memberValue);
                }
                json.WriteStartArray("commitments");
                foreach (var commitment in existing ?? []) WriteNode(json, commitment);
                var assembler = new RecordAssembler([reader], types, RootKeys, problems);
                records = assembler.Run((commitment, _, _, origins) =>
                {
                    var index = existing?.Count + records ?? records;
                    ReadDates(commitment, $"/actionPlans/{target}/commitments/{index}", options.ReadDateText, origins, problems);
                    commitment.WriteTo(json);
                    records++;
                    if (json.BytesPending > 1 << 16) json.Flush();
                });
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.Flush();
        return new CsvConversionResult { Records = records, Problems = [.. problems] };
    }

    /// <summary>
    /// Writes the commitments of one action plan (<see cref="CommitmentCsvOptions.PlanId"/>, else the first) as CSV,
    /// one row per milestone, and — when <paramref name="baseOutput"/> is given — the package without them, the
    /// <c>--base</c> that gives the package back. Values with no cell form (null, "", [], {}) are problems.
    /// </summary>
    public static CsvConversionResult Write(Stream package, Stream csv, Stream? baseOutput = null, CommitmentCsvOptions? options = null)
    {
        options ??= new CommitmentCsvOptions();
        CsvSheetWriter? writer = null;
        try
        {
            return Write(package, _ => writer = new CsvSheetWriter(csv, options.Csv, leaveOpen: true), baseOutput, options);
        }
        finally
        {
            writer?.Dispose();
        }
    }

    /// <summary>
    /// Writes the commitments as <see cref="Write(Stream, Stream, Stream?, CommitmentCsvOptions?)"/> does, to a
    /// workbook (<c>.xlsx</c> or <c>.ods</c>, by <paramref name="workbookPath"/>'s name) with one sheet,
    /// <c>commitments</c>: numbers and booleans typed, ISO dates as dates, the header bold and frozen.
    /// </summary>
    public static CsvConversionResult WriteWorkbook(Stream package, string workbookPath, Stream? baseOutput = null, CommitmentCsvOptions? options = null)
    {
        using var workbook = new WorkbookWriter(workbookPath);
        var result = Write(package, layout => workbook.AddSheet(layout.Main.Name, layout.Main.Headers, layout.Kinds), baseOutput, options ?? new CommitmentCsvOptions());
        if (result.Records > 0 || result.Succeeded) workbook.Commit();
        return result with { Files = [workbookPath] };
    }

    private static CsvConversionResult Write(Stream package, Func<SheetLayout, ISheetSink> openSheet, Stream? baseOutput, CommitmentCsvOptions options)
    {
        var problems = new List<CsvProblem>();
        var document = JsonTrees.Parse(package) as JsonObject;
        if (document?["actionPlans"] is not JsonArray { Count: > 0 } plans)
        {
            problems.Add(new CsvProblem { RuleId = RuleIds.CsvBadInput, Severity = Severity.Error, Pointer = "/actionPlans", Message = "The package has no action plan to write." });
            return new CsvConversionResult { Records = 0, Problems = [.. problems] };
        }
        var target = TargetPlan(plans, options.PlanId);
        if (plans.Count > 1)
        {
            problems.Add(new CsvProblem
            {
                RuleId = RuleIds.CsvBadInput, Severity = Severity.Info, Pointer = "/actionPlans",
                Message = $"The package has {plans.Count} action plans; the CSV holds the commitments of plan {target + 1} only (choose another with the plan id).",
            });
        }
        var commitments = (plans[target] as JsonObject)?["commitments"] as JsonArray ?? [];
        var shape = new ShapeNode("", null);
        foreach (var commitment in commitments)
        {
            if (commitment is JsonObject obj) shape.Survey(obj);
        }
        var layout = SheetLayout.Build(shape, "commitments", RootKeys, rootsKeyed: false, childSheets: false, rowArray: "milestones");
        ReportKindsReadDifferently(layout, TypesOf(options), problems);

        var row = 1;
        var aside = new List<(string Pointer, JsonNode? Value)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        {
            var writer = openSheet(layout);
            writer.WriteRow(layout.Main.Headers);
            for (var c = 0; c < commitments.Count; c++)
            {
                var pointer = $"/actionPlans/{target}/commitments/{c}";
                if (commitments[c] is not JsonObject commitment)
                {
                    problems.Add(new CsvProblem { RuleId = RuleIds.CsvNotRepresentable, Severity = Severity.Error, Pointer = pointer, Message = $"Commitment {c + 1} is not an object; it is left out." });
                    continue;
                }
                if (ShapeNode.UsableId(commitment) is { } id && !ids.Add(id))
                {
                    problems.Add(new CsvProblem
                    {
                        RuleId = RuleIds.CsvDuplicateKey, Severity = Severity.Warning, Pointer = pointer, Row = row + 1, Column = "id",
                        Message = $"Row {row + 1}: commitment id '{id}' is used by an earlier commitment; read back, their rows merge or come apart.",
                    });
                }
                var firstRow = row + 1;
                aside.Clear();
                layout.Flatten(commitment, (_, cells) =>
                {
                    writer.WriteRow(cells);
                    row++;
                }, aside);
                foreach (var (at, value) in aside)
                {
                    problems.Add(new CsvProblem
                    {
                        RuleId = RuleIds.CsvNotRepresentable, Severity = Severity.Warning, Pointer = pointer + at, Row = firstRow,
                        Column = HeaderOf(at), Value = JsonText.Of(value),
                        Message = $"Row {firstRow}: {Shorten(value)} at {pointer + at} has no cell form (empty, null, or a shape a cell cannot hold); it is not in the CSV.",
                    });
                }
            }
        }
        if (baseOutput is not null)
        {
            var baseDocument = document.DeepClone().AsObject();
            ((JsonObject)baseDocument["actionPlans"]![target]!)["commitments"] = new JsonArray();
            using var json = new Utf8JsonWriter(baseOutput, new JsonWriterOptions { Indented = options.Indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            baseDocument.WriteTo(json);
        }
        return new CsvConversionResult { Records = commitments.Count, Problems = [.. problems] };
    }

    private static CsvTypeMap TypesOf(CommitmentCsvOptions options) =>
        options.PackageSchema is { } schema ? ContractTypes.Overlay(CsvTypeMap.FromSchema(schema).Under("actionPlans/commitments")) : ContractTypes;

    private static void ReportKindsReadDifferently(SheetLayout layout, CsvTypeMap types, List<CsvProblem> problems)
    {
        foreach (var (path, kind) in layout.Kinds)
        {
            if (kind is FieldKind.Object or FieldKind.ObjectArray) continue;
            var read = types.Find(path) ?? FieldKind.String;
            var same = read == kind || (kind == FieldKind.Number && read == FieldKind.Integer);
            if (same) continue;
            problems.Add(new CsvProblem
            {
                RuleId = RuleIds.CsvNotRepresentable, Severity = Severity.Warning, Row = 1, Column = path,
                Message = $"Column {path} holds {CsvTypeMap.NameOf(kind)} values but is read back as {CsvTypeMap.NameOf(read)} (the schema says so, or does not know the field).",
            });
        }
    }

    private static JsonObject MinimalPackage(CommitmentCsvOptions options, List<CsvProblem> problems)
    {
        if (options.PlanId is null || options.Member is null)
        {
            problems.Add(new CsvProblem
            {
                RuleId = RuleIds.CsvBadInput, Severity = Severity.Warning, Pointer = "/actionPlans/0",
                Message = "No base package and no action plan id or member given: the plan's id and member are left empty (give --base, or the plan id and member).",
            });
        }
        return new JsonObject
        {
            ["version"] = "1.0",
            ["actionPlans"] = new JsonArray(new JsonObject { ["id"] = options.PlanId ?? "", ["member"] = options.Member ?? "" }),
        };
    }

    private static int TargetPlan(JsonArray plans, string? planId)
    {
        if (planId is null) return 0;
        for (var p = 0; p < plans.Count; p++)
        {
            if ((plans[p] as JsonObject)?["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String && id.GetValue<string>() == planId) return p;
        }
        return 0;
    }

    private static void ReadDates(JsonObject commitment, string pointer, Func<string, DateTextReading> readDate, CellOrigins origins, List<CsvProblem> problems)
    {
        if (commitment["period"] is JsonObject period) ReadPeriod(period, pointer + "/period", readDate, origins, problems);
        if (commitment["milestones"] is not JsonArray milestones) return;
        for (var m = 0; m < milestones.Count; m++)
        {
            if (milestones[m] is JsonObject { } milestone && milestone["period"] is JsonObject milestonePeriod)
            {
                ReadPeriod(milestonePeriod, $"{pointer}/milestones/{m}/period", readDate, origins, problems);
            }
        }
    }

    private static void ReadPeriod(JsonObject period, string pointer, Func<string, DateTextReading> readDate, CellOrigins origins, List<CsvProblem> problems)
    {
        foreach (var side in (ReadOnlySpan<string>)["start", "end"])
        {
            var dateKey = side + "Date";
            var textKey = side + "Text";
            var dateNode = period[dateKey] as JsonValue;
            var textNode = period[textKey] as JsonValue;
            var dateCell = dateNode is not null && dateNode.GetValueKind() == JsonValueKind.String ? dateNode.GetValue<string>() : null;
            if (dateCell is not null && PartialDate.TryParse(dateCell, out _)) continue;
            string? text;
            JsonNode? source;
            if (dateCell is not null)
            {
                // A date cell in words: the words move to the text field, the date is what the reader makes of them.
                text = dateCell;
                source = dateNode;
                period.Remove(dateKey);
                if (textNode is null) period[textKey] = text;
            }
            else if (textNode is not null && textNode.GetValueKind() == JsonValueKind.String)
            {
                text = textNode.GetValue<string>();
                source = textNode;
            }
            else continue;
            var reading = readDate(text);
            // "Automne 2019" maps to a quarter only roughly: keep the words, never a guessed date.
            if (reading.IsApproximate) continue;
            // A range in one cell ("Octobre 2021-Novembre 2021") gives the start to startDate and the end to endDate.
            if ((side == "start" ? reading.Start : reading.End ?? (reading.Meaning == DateTextMeaning.Date ? reading.Start : null)) is { } date)
            {
                period[dateKey] = date.ToString();
                continue;
            }
            if (reading.IsReadable) continue;
            var origin = origins.Find(source!);
            problems.Add(new CsvProblem
            {
                RuleId = RuleIds.UnreadableDateText, Severity = Severity.Warning, Pointer = pointer + "/" + textKey,
                Row = origin?.Row ?? 0, Line = origin?.Line ?? 0, Column = origin?.Header, ColumnNumber = origin?.ColumnNumber ?? 0, Value = text,
                Message = $"{(origin is { } o ? CsvProblem.Place(o.Sheet, o.Row, o.Header, o.ColumnNumber) : pointer)}: '{text}' cannot be read as a date{(reading.Failure is null ? "" : " (" + reading.Failure + ")")}; the words are kept in {textKey} and no {dateKey} is set.",
            });
        }
    }

    private static void WriteNode(Utf8JsonWriter json, JsonNode? node)
    {
        if (node is null) json.WriteNullValue();
        else node.WriteTo(json);
    }

    private static string HeaderOf(string pointer)
    {
        // "/milestones/2/period/x" as the header the column would have: "milestones/0/period/x".
        var parts = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (HeaderPath.IsIndex(parts[i]) && i > 0 && parts[i - 1] == "milestones") parts[i] = "0";
        }
        return OgpData.Json.JsonPointerText.Unescape(string.Join('/', parts));
    }

    private static string Shorten(JsonNode? value)
    {
        var text = JsonText.Of(value);
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
