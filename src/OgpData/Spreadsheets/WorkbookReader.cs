using OgpData.Csv;

namespace OgpData.Spreadsheets;

/// <summary>The workbook formats, chosen by the file's name (DESIGN.md section 7).</summary>
public enum WorkbookFormat
{
    /// <summary>An Excel workbook (Office Open XML, <c>.xlsx</c>).</summary>
    Xlsx,
    /// <summary>An OpenDocument spreadsheet (<c>.ods</c>).</summary>
    Ods,
}

/// <summary>Which workbook format a file name names.</summary>
public static class WorkbookFormats
{
    /// <summary>The format of a path ending in <c>.xlsx</c> or <c>.ods</c> (any case), or null.</summary>
    public static WorkbookFormat? Of(string path) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? WorkbookFormat.Xlsx
        : path.EndsWith(".ods", StringComparison.OrdinalIgnoreCase) ? WorkbookFormat.Ods
        : null;
}

/// <summary>A workbook opened for reading: its sheet names in workbook order, and each sheet's rows on demand.</summary>
internal abstract class WorkbookReader : IDisposable
{
    /// <summary>Opens an <c>.xlsx</c> or <c>.ods</c> file by its name.</summary>
    /// <exception cref="InvalidDataException">The file is not a workbook of its format.</exception>
    public static WorkbookReader Open(string path, List<CsvProblem> problems)
    {
        var format = WorkbookFormats.Of(path) ?? throw new ArgumentException($"'{path}' is neither .xlsx nor .ods.", nameof(path));
        return Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), format, problems);
    }

    /// <summary>Opens a workbook of the given format from a seekable stream, which the reader then owns.</summary>
    /// <exception cref="InvalidDataException">The content is not a workbook of its format.</exception>
    public static WorkbookReader Open(Stream content, WorkbookFormat format, List<CsvProblem> problems)
    {
        try
        {
            return format == WorkbookFormat.Xlsx ? new XlsxWorkbookReader(content, problems) : new OdsWorkbookReader(content, problems);
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }

    /// <summary>The sheet names, in the workbook's order.</summary>
    public abstract IReadOnlyList<string> SheetNames { get; }

    /// <summary>Opens one sheet for reading (several may be open at once); the header row is read, after the <c>#</c> commands (the sheet's own, else <paramref name="defaultCommands"/>); a <paramref name="raw"/> sheet reads no header, only <see cref="WorkbookSheet.ReadRaw"/>.</summary>
    public abstract WorkbookSheet OpenSheet(string name, IReadOnlyList<string>? defaultCommands = null, bool raw = false);

    public abstract void Dispose();

    /// <summary>
    /// The sheet that holds <paramref name="name"/>'s table: the same name, else the same name in another case or
    /// with spaces for underscores (flatten-tool's title-case sheets: <c>Grants</c>, <c>Grant Programme</c>).
    /// </summary>
    public string? FindSheet(string name)
    {
        foreach (var sheet in SheetNames)
        {
            if (sheet == name) return sheet;
        }
        foreach (var sheet in SheetNames)
        {
            if (Normalize(sheet) == Normalize(name)) return sheet;
        }
        return null;
    }

    private static string Normalize(string name) => name.Replace(' ', '_').ToLowerInvariant();
}
