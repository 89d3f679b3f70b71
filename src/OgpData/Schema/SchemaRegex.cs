using System.Text;
using System.Text.RegularExpressions;

namespace OgpData.Schema;

/// <summary>
/// A schema regular expression, compiled once: the non-backtracking engine when the pattern allows it
/// (no catastrophic backtracking possible), else the backtracking engine under a match timeout.
/// A literal prefix after <c>^</c> is checked first, so most names are rejected without running the regex.
/// </summary>
internal sealed class SchemaRegex
{
    private readonly string _dotnetPattern;
    private readonly TimeSpan _timeout;
    private readonly string? _prefix;
    private Regex? _regex;

    public SchemaRegex(string pattern, TimeSpan timeout)
    {
        Pattern = pattern;
        _dotnetPattern = Translate(pattern);
        _timeout = timeout;
        // Parse now so a bad pattern fails the compile; the interpreter's parse is cheap. The matcher
        // itself is built on first use: building a non-backtracking automaton for the long OCDS
        // language-tag patterns costs ~100 ms each, and most are never reached past their prefix.
        _ = new Regex(_dotnetPattern, RegexOptions.CultureInvariant, timeout);
        _prefix = LiteralPrefix(pattern);
        PrefixUtf8 = _prefix is null ? null : Encoding.UTF8.GetBytes(_prefix);
    }

    /// <summary>The literal prefix as UTF-8, so names straight from the document can be rejected undecoded.</summary>
    public byte[]? PrefixUtf8 { get; }

    private Regex Matcher => _regex ?? Build();

    private Regex Build()
    {
        Regex built;
        try
        {
            built = new Regex(_dotnetPattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            // Backreferences and lookarounds need backtracking: bound it with the match timeout instead.
            built = new Regex(_dotnetPattern, RegexOptions.CultureInvariant, _timeout);
        }
        return Interlocked.CompareExchange(ref _regex, built, null) ?? built;
    }

    public string Pattern { get; }

    /// <summary>True on a match; a match that runs out of time counts as no match.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        if (_prefix is not null && !text.StartsWith(_prefix, StringComparison.Ordinal)) return false;
        try
        {
            return Matcher.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static readonly Dictionary<string, string> PropertyNames = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Lowercase_Letter"] = "Ll", ["Uppercase_Letter"] = "Lu", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Number"] = "N", ["Decimal_Number"] = "Nd",
        ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No", ["Punctuation"] = "P", ["punct"] = "P",
        ["Symbol"] = "S", ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Other"] = "C", ["Control"] = "Cc",
    };

    /// <summary>
    /// ECMA-262 patterns as .NET reads them: long Unicode property names (<c>\p{Letter}</c>) become the
    /// short categories .NET knows.
    /// </summary>
    internal static string Translate(string pattern)
    {
        if (!pattern.Contains("\\p{", StringComparison.Ordinal) && !pattern.Contains("\\P{", StringComparison.Ordinal)) return pattern;
        return System.Text.RegularExpressions.Regex.Replace(pattern, @"\\([pP])\{([A-Za-z_]+)\}", m =>
            PropertyNames.TryGetValue(m.Groups[2].Value, out var shortName) ? $"\\{m.Groups[1].Value}{{{shortName}}}" : m.Value);
    }

    /// <summary>
    /// The literal text every match must start with, for patterns like <c>^(title_(...))$</c>; null when
    /// the pattern does not pin one down (no anchor, an alternation or optional group around it).
    /// </summary>
    internal static string? LiteralPrefix(string pattern)
    {
        if (pattern.Length < 2 || pattern[0] != '^') return null;
        var i = 1;
        var opened = 0;
        while (i < pattern.Length && pattern[i] == '(' && (i + 1 >= pattern.Length || pattern[i + 1] != '?'))
        {
            opened++;
            i++;
        }
        var start = i;
        while (i < pattern.Length && (char.IsAsciiLetterOrDigit(pattern[i]) || pattern[i] == '_' || pattern[i] == '-')) i++;
        var end = i;
        if (i < pattern.Length && pattern[i] is '?' or '*' or '{' or '+') end--;
        if (end - start < 1) return null;

        // Reject when an alternation or an optional group can bypass the prefix.
        var depth = 0;
        var inClass = false;
        for (var k = 1; k < pattern.Length; k++)
        {
            var c = pattern[k];
            if (c == '\\')
            {
                k++;
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                continue;
            }
            switch (c)
            {
                case '[': inClass = true; break;
                case '(': depth++; break;
                case ')':
                    if (depth <= opened && k + 1 < pattern.Length && pattern[k + 1] is '?' or '*' or '{') return null;
                    depth--;
                    break;
                case '|':
                    if (depth <= opened) return null;
                    break;
            }
        }
        return pattern.Substring(start, end - start);
    }
}
