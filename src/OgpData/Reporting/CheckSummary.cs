namespace OgpData.Reporting;

/// <summary>The one line the text and HTML reports print under a file's heading: which checks ran, which did not and why.</summary>
internal static class CheckSummary
{
    /// <summary>"checked: schema, rules · not checked: schema, schemaRules (why)", or null when the report lists no checks.</summary>
    public static string? Of(FileReport file)
    {
        if (file.Checks.IsEmpty) return null;
        var ran = file.Checks.Where(c => c.Ran).Select(c => c.Check).ToList();
        var line = "checked: " + (ran.Count == 0 ? "nothing" : string.Join(", ", ran));
        // Checks skipped for the same reason share it: "schema, schemaRules (no OCDS schema source; ...)".
        var notRun = file.Checks.Where(c => !c.Ran).GroupBy(c => c.Note)
            .Select(g => $"{string.Join(", ", g.Select(c => c.Check))} ({g.Key})").ToList();
        return notRun.Count == 0 ? line : line + " · not checked: " + string.Join("; ", notRun);
    }
}
