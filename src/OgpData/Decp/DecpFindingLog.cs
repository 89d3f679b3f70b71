using System.Collections.Immutable;
using OgpData.Findings;
using OgpData.Json;
using OgpData.Streaming;

namespace OgpData.Decp;

/// <summary>
/// The findings of one conversion, in the order met, the first <c>maxFindings</c> kept and all counted; unmapped
/// member names are reported once each.
/// </summary>
internal sealed class DecpFindingLog(int maxFindings)
{
    private readonly ImmutableArray<Finding>.Builder _findings = ImmutableArray.CreateBuilder<Finding>();
    private readonly HashSet<string> _unmapped = new(StringComparer.Ordinal);

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int Infos { get; private set; }

    public void Add(string ruleId, string pointer, string message, TextPosition? position, string? value = null)
    {
        var severity = RuleCatalog.Get(ruleId).DefaultSeverity;
        switch (severity)
        {
            case Severity.Error: Errors++; break;
            case Severity.Warning: Warnings++; break;
            default: Infos++; break;
        }
        if (_findings.Count >= maxFindings) return;
        _findings.Add(new Finding
        {
            RuleId = ruleId,
            Severity = severity,
            Pointer = pointer,
            Message = message,
            Line = position?.Line ?? 0,
            Column = position?.Column ?? 0,
            Value = value,
        });
    }

    /// <summary>True the first time a member name is seen unmapped in a kind of entry (later ones are not reported again).</summary>
    public bool FirstUnmapped(string kind, string name) => _unmapped.Add(kind + "\n" + name);

    public ImmutableArray<Finding> ToImmutable() => _findings.ToImmutable();
}

/// <summary>Reports findings about one DECP entry: pointers relative to the entry become pointers into the file, with line and column.</summary>
internal sealed class DecpEntryScope(DecpEntry entry, DecpFindingLog log)
{
    public DecpEntry Entry => entry;

    public DecpFindingLog Log => log;

    /// <summary>Reports at <paramref name="relativePointer"/> (or at its nearest existing ancestor, for something missing).</summary>
    public void Report(string ruleId, string relativePointer, string message, string? value = null)
    {
        var offset = JsonLocator.LocateNearest(entry.Utf8, relativePointer);
        var position = entry.PositionAt(offset);
        log.Add(ruleId, entry.Pointer + relativePointer, message, position, value);
    }
}
