using System.Text.Json;
using OgpData.Csv;
using OgpData.Spreadsheets;

namespace OgpData.Conversion;

/// <summary>Options for <see cref="OcdsCsv"/>.</summary>
public sealed record OcdsCsvOptions
{
    /// <summary>
    /// The release schema (e.g. OCDS 1.1.5 <c>release-schema.json</c>, extensions merged in), for the kinds of
    /// columns in folders that carry no <c>meta.json</c> (hand-made or flatten-tool's). Kinds recorded in
    /// <c>meta.json</c> win over it.
    /// </summary>
    public JsonElement? ReleaseSchema { get; init; }

    /// <summary>How CSV files are written (delimiter, byte-order mark).</summary>
    public CsvWriteOptions Csv { get; init; } = CsvWriteOptions.Default;

    /// <summary>Indent the JSON written by <see cref="OcdsCsv.ReadFolder(string, Stream, OcdsCsvOptions?)"/>.</summary>
    public bool Indented { get; init; } = true;
}

/// <summary>
/// An OCDS release package as a folder of CSV sheets, flatten-tool style, and back. The folder holds
/// <c>releases.csv</c> (one row per release), one sheet per array of objects (<c>parties.csv</c>,
/// <c>awards.csv</c>, <c>award_suppliers.csv</c>, ...) whose rows start with their parents' keys
/// (<c>ocid</c>, <c>id</c>, <c>awards/0/id</c>), <c>meta.json</c> (package metadata, the sheets in order,
/// the kind of every column) and, when some values have no cell form, <c>aside.jsonl</c> — so that the round
/// trip gives back equal releases. See <c>docs/formats/csv.md</c>.
/// </summary>
public static class OcdsCsv
{
    /// <summary>The name of the folder's metadata file.</summary>
    public const string MetaFileName = SheetFolder.MetaFileName;

    private const string ListName = "releases";
    private static readonly string[] RootKeys = ["ocid", "id"];

    /// <summary>
    /// Writes the release package at <paramref name="packagePath"/> as a folder of sheets. The package is read
    /// twice, a release at a time (the first pass learns the columns), so it is never loaded whole. The sheets
    /// are built in a folder beside <paramref name="folder"/> and replace it whole once complete (see
    /// <see cref="IO.AtomicFile.ReplaceFolder{T}"/>): on any failure the previous folder is left as it was.
    /// </summary>
    /// <exception cref="JsonException">The file is not JSON or its root is not an object.</exception>
    /// <exception cref="IOException">The folder cannot be written, or it already holds files other than sheets (it is never replaced then).</exception>
    public static CsvConversionResult WriteFolder(string packagePath, string folder, OcdsCsvOptions? options = null) =>
        SheetFolder.Write(packagePath, folder, ListName, RootKeys, (options ?? new OcdsCsvOptions()).Csv);

    /// <summary>
    /// Reads a folder of sheets (written by <see cref="WriteFolder"/>, by flatten-tool, or by hand) and writes the
    /// release package to <paramref name="output"/>. Releases are written as their rows are read.
    /// </summary>
    public static CsvConversionResult ReadFolder(string folder, Stream output, OcdsCsvOptions? options = null)
    {
        options ??= new OcdsCsvOptions();
        var types = options.ReleaseSchema is { } schema ? CsvTypeMap.FromSchema(schema) : CsvTypeMap.Empty;
        return SheetFolder.Read(folder, output, ListName, RootKeys, types, options.Indented);
    }

    /// <summary>
    /// Writes the release package at <paramref name="packagePath"/> as one workbook (<c>.xlsx</c> or <c>.ods</c>,
    /// by <paramref name="workbookPath"/>'s name): the folder's sheets as worksheets, named and laid out the same,
    /// with typed cells; what the folder keeps in <c>meta.json</c> and <c>aside.jsonl</c> is in the hidden sheet
    /// <c>_ogpdata</c>. The package is read twice, a release at a time; rows are spooled to temporary files, so
    /// memory stays bounded. The workbook is written beside its destination, then moved over it.
    /// </summary>
    /// <exception cref="JsonException">The file is not JSON or its root is not an object.</exception>
    public static CsvConversionResult WriteWorkbook(string packagePath, string workbookPath) =>
        SheetWorkbook.Write(packagePath, workbookPath, ListName, RootKeys);

    /// <summary>
    /// True when the workbook holds flattened OCDS releases (a <c>releases</c> sheet, or a first sheet with an
    /// <c>ocid</c> column) rather than a commitments sheet.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a workbook of its format.</exception>
    public static bool IsReleaseWorkbook(string workbookPath) => SheetWorkbook.HoldsReleases(workbookPath);

    /// <summary>
    /// Reads a workbook (written by <see cref="WriteWorkbook"/>, by flatten-tool, or by hand: a <c>releases</c>
    /// sheet, or the first, then the others in order) and writes the release package to <paramref name="output"/>.
    /// flatten-tool's <c>#</c> commands <c>skipRows</c>, <c>headerRows</c>, <c>ignore</c> and <c>hashComments</c> are
    /// followed, in a sheet's first row or in the metatab (a sheet named <c>Meta</c>), whose other rows give package fields.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a workbook of its format.</exception>
    public static CsvConversionResult ReadWorkbook(string workbookPath, Stream output, OcdsCsvOptions? options = null)
    {
        options ??= new OcdsCsvOptions();
        var types = options.ReleaseSchema is { } schema ? CsvTypeMap.FromSchema(schema) : CsvTypeMap.Empty;
        return SheetWorkbook.Read(workbookPath, output, ListName, RootKeys, types, options.Indented);
    }
}
