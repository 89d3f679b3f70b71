using System.Text.Json;
using OgpData.Csv;

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
}
