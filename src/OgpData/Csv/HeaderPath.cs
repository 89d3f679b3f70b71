using System.Text;

namespace OgpData.Csv;

/// <summary>One step of a header path: a property name, or (when <see cref="Name"/> is null) an array index.</summary>
internal readonly record struct PathStep(string? Name, int Index)
{
    public bool IsIndex => Name is null;
}

/// <summary>
/// A column header read as a path relative to one record of the root list: <c>awards/0/suppliers/1/name</c>.
/// Numbers only order array items; the path without them (<c>awards/suppliers/name</c>) finds the column's kind.
/// </summary>
internal sealed class HeaderPath
{
    private HeaderPath(string header, PathStep[] steps, string genericPath)
    {
        Header = header;
        Steps = steps;
        GenericPath = genericPath;
    }

    /// <summary>The header as written.</summary>
    public string Header { get; }

    /// <summary>The steps; never empty, never starting with an index, never two indices in a row.</summary>
    public PathStep[] Steps { get; }

    /// <summary>The path without indices.</summary>
    public string GenericPath { get; }

    /// <summary>Reads a header; null with a reason when it is not a path this convention can hold.</summary>
    public static HeaderPath? TryParse(string header, out string? reason)
    {
        reason = null;
        if (header.Length == 0)
        {
            reason = "the header is empty";
            return null;
        }
        var parts = header.Split('/');
        var steps = new PathStep[parts.Length];
        var generic = new StringBuilder(header.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
            {
                reason = "it has an empty step between slashes";
                return null;
            }
            if (IsIndex(part))
            {
                if (i == 0 || steps[i - 1].IsIndex)
                {
                    reason = i == 0 ? "it starts with an array index" : "it has two array indices in a row (arrays of arrays have no cell form)";
                    return null;
                }
                steps[i] = new PathStep(null, int.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            steps[i] = new PathStep(part, 0);
            if (generic.Length > 0) generic.Append('/');
            generic.Append(part);
        }
        return new HeaderPath(header, steps, generic.ToString());
    }

    /// <summary>True for the digits flatten-tool reads as an array index (bounded, so a stray long number is not an index).</summary>
    public static bool IsIndex(string part)
    {
        if (part.Length is 0 or > 6) return false;
        foreach (var c in part)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }
}
