using System.Text.RegularExpressions;

namespace OgpData.Schema;

/// <summary>
/// Strict validators for the formats the engine asserts. Each follows its RFC; a format not listed here is
/// an annotation only (unknown formats never fail).
/// </summary>
public static class Formats
{
    private static readonly Dictionary<string, FormatCheck> Checks = new(StringComparer.Ordinal)
    {
        ["date-time"] = IsDateTime,
        ["date"] = IsDate,
        ["time"] = IsTime,
        ["duration"] = IsDuration,
        ["email"] = IsEmail,
        ["idn-email"] = IsIdnEmail,
        ["hostname"] = IsHostname,
        ["ipv4"] = IsIPv4,
        ["ipv6"] = IsIPv6,
        ["uri"] = IsUri,
        ["uri-reference"] = IsUriReference,
        ["uuid"] = IsUuid,
        ["regex"] = IsRegex,
        ["json-pointer"] = IsJsonPointer,
        ["relative-json-pointer"] = IsRelativeJsonPointer,
    };

    /// <summary>The formats this engine checks (others are annotations only).</summary>
    public static IReadOnlyCollection<string> Supported => Checks.Keys;

    /// <summary>True when <paramref name="text"/> is valid for <paramref name="format"/>; unknown formats accept everything.</summary>
    public static bool IsValid(string format, string text) => !Checks.TryGetValue(format, out var check) || check(text.AsSpan());

    internal static FormatCheck? Find(string format) => Checks.TryGetValue(format, out var check) ? check : null;

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>RFC 3339 full-date: YYYY-MM-DD with a real day of the month.</summary>
    public static bool IsDate(ReadOnlySpan<char> text) => text.Length == 10 && FullDate(text);

    private static bool FullDate(ReadOnlySpan<char> text)
    {
        if (!Digits(text, 0, 4, out var year) || text[4] != '-' || !Digits(text, 5, 2, out var month) ||
            text[7] != '-' || !Digits(text, 8, 2, out var day))
        {
            return false;
        }
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(1, year), month);
    }

    /// <summary>RFC 3339 full-time: HH:MM:SS[.frac](Z|±HH:MM), leap second only at 23:59:60 UTC.</summary>
    public static bool IsTime(ReadOnlySpan<char> text)
    {
        if (!Digits(text, 0, 2, out var hour) || text.Length < 9 || text[2] != ':' || !Digits(text, 3, 2, out var minute) ||
            text[5] != ':' || !Digits(text, 6, 2, out var second))
        {
            return false;
        }
        var i = 8;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var start = i;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
            if (i == start) return false;
        }
        if (i >= text.Length) return false;
        int offsetMinutes;
        if (text[i] is 'Z' or 'z')
        {
            if (i + 1 != text.Length) return false;
            offsetMinutes = 0;
        }
        else if (text[i] is '+' or '-')
        {
            if (text.Length != i + 6 || !Digits(text, i + 1, 2, out var oh) || text[i + 3] != ':' || !Digits(text, i + 4, 2, out var om) ||
                oh > 23 || om > 59)
            {
                return false;
            }
            offsetMinutes = (oh * 60 + om) * (text[i] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }
        if (hour > 23 || minute > 59 || second > 60) return false;
        if (second == 60)
        {
            var utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440;
            if (utc != 23 * 60 + 59) return false;
        }
        return true;
    }

    /// <summary>RFC 3339 date-time: a full date, <c>T</c>, a full time. <c>2014</c> or a date alone is not one.</summary>
    public static bool IsDateTime(ReadOnlySpan<char> text) =>
        text.Length > 11 && FullDate(text.Slice(0, 10)) && text[10] is 'T' or 't' && IsTime(text.Slice(11));

    private static readonly Regex Duration = new(
        "^P(?:(?:[0-9]+Y(?:[0-9]+M(?:[0-9]+D)?)?|[0-9]+M(?:[0-9]+D)?|[0-9]+D)(?:T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S))?|T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S)|[0-9]+W)\\z",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>ISO 8601 duration as RFC 3339 appendix A restricts it.</summary>
    public static bool IsDuration(ReadOnlySpan<char> text) => Duration.IsMatch(text);

    /// <summary>RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens.</summary>
    public static bool IsHostname(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text.Length > 253) return false;
        if (text[^1] == '.') return false;
        while (true)
        {
            var dot = text.IndexOf('.');
            var label = dot < 0 ? text : text.Slice(0, dot);
            if (!IsLabel(label)) return false;
            if (dot < 0) return true;
            text = text.Slice(dot + 1);
        }
    }

    private static bool IsLabel(ReadOnlySpan<char> label)
    {
        if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
        }
        // An A-label ("xn--") must be valid Punycode of a valid IDNA label.
        if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var unicode = Idn.GetUnicode(label.ToString());
                return unicode.Length < 3 || unicode[2] != '-' || unicode[3] != '-';
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>RFC 5321 mailbox: a dot-atom or quoted local part, then a host name or an address literal.</summary>
    public static bool IsEmail(ReadOnlySpan<char> text)
    {
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1) return false;
        var local = text.Slice(0, at);
        var domain = text.Slice(at + 1);
        if (local[0] == '"')
        {
            if (local.Length < 2 || local[^1] != '"') return false;
            for (var i = 1; i < local.Length - 1; i++)
            {
                var c = local[i];
                if (c == '\\')
                {
                    i++;
                    continue;
                }
                if (c == '"' || c < 32) return false;
            }
        }
        else
        {
            if (local[0] == '.' || local[^1] == '.' || local.IndexOf("..") >= 0) return false;
            foreach (var c in local)
            {
                if (c > 127 || char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c)) continue;
                return false;
            }
        }
        if (domain[0] == '[')
        {
            if (domain[^1] != ']') return false;
            var literal = domain.Slice(1, domain.Length - 2);
            return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase) ? IsIPv6(literal.Slice(5)) : IsIPv4(literal);
        }
        return IsHostname(domain);
    }

    private static readonly System.Globalization.IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>An e-mail address whose local part and domain may hold Unicode (RFC 6531).</summary>
    public static bool IsIdnEmail(ReadOnlySpan<char> text)
    {
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1) return false;
        var domain = text.Slice(at + 1);
        if (domain[0] == '[') return IsEmail(text);
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain.ToString());
        }
        catch (ArgumentException)
        {
            return false;
        }
        return IsEmail(string.Concat(text.Slice(0, at + 1), ascii));
    }

    /// <summary>Dotted-quad IPv4 with no leading zeros.</summary>
    public static bool IsIPv4(ReadOnlySpan<char> text)
    {
        var parts = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot < 0 ? text : text.Slice(0, dot);
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0')) return false;
            if (!Digits(part, 0, part.Length, out var value) || value > 255) return false;
            parts++;
            if (dot < 0) break;
            text = text.Slice(dot + 1);
        }
        return parts == 4;
    }

    /// <summary>RFC 4291 IPv6 text form, with at most one <c>::</c> and an optional trailing IPv4; no zone.</summary>
    public static bool IsIPv6(ReadOnlySpan<char> text)
    {
        if (text.Length < 2) return false;
        var doubleColon = text.IndexOf("::");
        if (doubleColon >= 0 && text.Slice(doubleColon + 1).IndexOf("::") >= 0) return false;
        var groups = 0;
        var rest = text;
        if (doubleColon >= 0)
        {
            if (!Groups(text.Slice(0, doubleColon), allowIPv4: false, ref groups)) return false;
            if (!Groups(text.Slice(doubleColon + 2), allowIPv4: true, ref groups)) return false;
            return groups <= 7;
        }
        return Groups(rest, allowIPv4: true, ref groups) && groups == 8;
    }

    private static bool Groups(ReadOnlySpan<char> text, bool allowIPv4, ref int groups)
    {
        if (text.Length == 0) return true;
        while (true)
        {
            var colon = text.IndexOf(':');
            var group = colon < 0 ? text : text.Slice(0, colon);
            if (colon < 0 && allowIPv4 && group.IndexOf('.') >= 0)
            {
                if (!IsIPv4(group)) return false;
                groups += 2;
                return true;
            }
            if (group.Length is 0 or > 4) return false;
            foreach (var c in group)
            {
                if (!char.IsAsciiHexDigit(c)) return false;
            }
            groups++;
            if (colon < 0) return true;
            text = text.Slice(colon + 1);
        }
    }

    /// <summary>RFC 4122 UUID: 8-4-4-4-12 hexadecimal digits.</summary>
    public static bool IsUuid(ReadOnlySpan<char> text)
    {
        if (text.Length != 36) return false;
        for (var i = 0; i < 36; i++)
        {
            var c = text[i];
            if (i is 8 or 13 or 18 or 23)
            {
                if (c != '-') return false;
            }
            else if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A regular expression the engine can compile.</summary>
    public static bool IsRegex(ReadOnlySpan<char> text)
    {
        try
        {
            _ = new Regex(SchemaRegex.Translate(text.ToString()), RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>RFC 6901: empty, or <c>/</c>-separated tokens where <c>~</c> is followed by 0 or 1.</summary>
    public static bool IsJsonPointer(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return true;
        if (text[0] != '/') return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '~' && (i + 1 >= text.Length || text[i + 1] is not ('0' or '1'))) return false;
        }
        return true;
    }

    /// <summary>A non-negative integer (no leading zero) then <c>#</c> or a JSON Pointer.</summary>
    public static bool IsRelativeJsonPointer(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
        if (i == 0 || (i > 1 && text[0] == '0')) return false;
        var rest = text.Slice(i);
        if (rest.Length > 0 && rest[0] is '+' or '-')
        {
            var j = 1;
            while (j < rest.Length && rest[j] >= '0' && rest[j] <= '9') j++;
            if (j == 1 || (j > 2 && rest[1] == '0')) return false;
            rest = rest.Slice(j);
        }
        return rest is "#" || IsJsonPointer(rest);
    }

    /// <summary>RFC 3986 absolute URI: a scheme, then characters a URI may hold, with valid %-escapes.</summary>
    public static bool IsUri(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(text[0])) return false;
        for (var i = 1; i < colon; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')) return false;
        }
        return IsRelativeOrRest(text.Slice(colon + 1), isRelative: false);
    }

    /// <summary>RFC 3986 URI-reference: an absolute URI or a relative reference.</summary>
    public static bool IsUriReference(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        var firstDelimiter = text.IndexOfAny("/?#");
        if (colon > 0 && (firstDelimiter < 0 || colon < firstDelimiter)) return IsUri(text);
        return IsRelativeOrRest(text, isRelative: true);
    }

    private static bool IsRelativeOrRest(ReadOnlySpan<char> text, bool isRelative)
    {
        var fragment = false;
        var authorityEnd = -1;
        if (text.StartsWith("//"))
        {
            var end = text.Slice(2).IndexOfAny("/?#");
            authorityEnd = end < 0 ? text.Length : end + 2;
            if (!IsAuthority(text.Slice(2, authorityEnd - 2))) return false;
        }
        for (var i = Math.Max(authorityEnd, 0); i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2])) return false;
                i += 2;
                continue;
            }
            if (c == '#')
            {
                if (fragment) return false;
                fragment = true;
                continue;
            }
            if (!IsUriChar(c)) return false;
        }
        _ = isRelative;
        return true;
    }

    private static bool IsAuthority(ReadOnlySpan<char> authority)
    {
        var at = authority.LastIndexOf('@');
        var host = at < 0 ? authority : authority.Slice(at + 1);
        if (at >= 0)
        {
            foreach (var c in authority.Slice(0, at))
            {
                if (!IsUriChar(c) && c != '%' || c is '[' or ']' or '@' or '/' or '?' or '#') return false;
            }
        }
        if (host.Length > 0 && host[0] == '[')
        {
            var close = host.IndexOf(']');
            if (close < 0) return false;
            var literal = host.Slice(1, close - 1);
            if (!IsIPv6(literal) && !(literal.Length > 0 && literal[0] is 'v' or 'V')) return false;
            host = host.Slice(close + 1);
            return host.Length == 0 || (host[0] == ':' && AllDigits(host.Slice(1)));
        }
        var portColon = host.LastIndexOf(':');
        if (portColon >= 0)
        {
            if (!AllDigits(host.Slice(portColon + 1))) return false;
            host = host.Slice(0, portColon);
        }
        foreach (var c in host)
        {
            if (c is '[' or ']' or ':' || !IsUriChar(c) && c != '%') return false;
        }
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static bool IsUriChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c switch
        {
            '-' or '.' or '_' or '~' or ':' or '/' or '?' or '@' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' => true,
            _ => false,
        };
}
