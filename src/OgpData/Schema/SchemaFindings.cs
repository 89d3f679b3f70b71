using System.Collections.Immutable;
using OgpData.Findings;
using OgpData.Json;

namespace OgpData.Schema;

/// <summary>Turns schema errors into findings (rule <c>schema</c>), with line and column when the bytes are at hand.</summary>
public static class SchemaFindings
{
    /// <summary>
    /// One <see cref="Finding"/> per error. <paramref name="pointerPrefix"/> places the validated value inside
    /// a larger document (for example <c>/releases/12</c>); <paramref name="utf8"/>, when given, is that whole
    /// document, read once to find the line and column of every error.
    /// </summary>
    public static ImmutableArray<Finding> ToFindings(this ValidationResult result, ReadOnlySpan<byte> utf8 = default, string pointerPrefix = "")
    {
        if (result.IsValid) return ImmutableArray<Finding>.Empty;
        var locations = ImmutableDictionary<string, JsonLocation>.Empty;
        if (!utf8.IsEmpty)
        {
            var pointers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var error in result.Errors) pointers.Add(pointerPrefix + error.InstancePointer);
            locations = JsonLocator.Locate(utf8, pointers);
        }
        var findings = ImmutableArray.CreateBuilder<Finding>(result.Errors.Length);
        foreach (var error in result.Errors)
        {
            var pointer = pointerPrefix + error.InstancePointer;
            locations.TryGetValue(pointer, out var location);
            findings.Add(new Finding
            {
                RuleId = RuleIds.Schema,
                Severity = Severity.Error,
                Pointer = pointer,
                Message = error.Message,
                Keyword = error.Keyword,
                SchemaLocation = error.SchemaLocation,
                Value = error.Value,
                Line = location.Line,
                Column = location.Column,
            });
        }
        return findings.MoveToImmutable();
    }
}
