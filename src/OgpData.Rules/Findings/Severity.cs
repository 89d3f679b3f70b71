namespace OgpData.Findings;

/// <summary>How serious a finding is. Ordered: a higher value is more serious.</summary>
public enum Severity
{
    /// <summary>A rule switched off: its findings are not reported.</summary>
    None = 0,
    /// <summary>Worth knowing; never fails a pipeline by default.</summary>
    Info = 1,
    /// <summary>A probable defect in the data.</summary>
    Warning = 2,
    /// <summary>The document breaks the standard or contradicts itself.</summary>
    Error = 3,
}

/// <summary>The lower-case names used in reports and configuration.</summary>
public static class SeverityNames
{
    /// <summary>"error", "warning", "info" or "none".</summary>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "none",
    };

    /// <summary>Reads "error", "warning", "info" (or "suggestion"), "none" (or "silent"), case-insensitively.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "info": case "suggestion": severity = Severity.Info; return true;
            case "none": case "silent": case "hidden": severity = Severity.None; return true;
            default: severity = Severity.None; return false;
        }
    }
}
