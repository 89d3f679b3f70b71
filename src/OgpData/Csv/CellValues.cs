using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OgpData.Csv;

/// <summary>Cell text to JSON values and back, by the column's kind.</summary>
internal static class CellValues
{
    /// <summary>Reads a non-empty cell. Returns false, with the text kept as a string in <paramref name="value"/>, when the cell is not of the kind.</summary>
    public static bool TryRead(string cell, FieldKind kind, out JsonNode value)
    {
        switch (kind)
        {
            case FieldKind.Number:
            case FieldKind.Integer:
                if (TryReadNumber(cell, kind == FieldKind.Integer, out var number))
                {
                    value = number;
                    return true;
                }
                break;
            case FieldKind.Boolean:
                if (TryReadBoolean(cell, out var flag))
                {
                    value = JsonValue.Create(flag);
                    return true;
                }
                break;
            case FieldKind.StringArray:
            case FieldKind.NumberArray:
            case FieldKind.BooleanArray:
                return TryReadArray(cell, kind, out value);
        }
        value = JsonValue.Create(cell);
        return kind is FieldKind.String or FieldKind.Object or FieldKind.ObjectArray;
    }

    /// <summary>The cell text of a value the flattener has checked is representable in a cell of this kind.</summary>
    public static string Write(JsonNode value, FieldKind kind)
    {
        switch (kind)
        {
            case FieldKind.String:
                return FormulaGuard.Protect(value.GetValue<string>());
            case FieldKind.Boolean:
                return value.GetValue<bool>() ? "true" : "false";
            case FieldKind.Number:
            case FieldKind.Integer:
                return value.ToJsonString();
            default:
                var builder = new StringBuilder();
                foreach (var item in value.AsArray())
                {
                    if (builder.Length > 0) builder.Append(';');
                    builder.Append(item!.GetValueKind() switch
                    {
                        JsonValueKind.String => item.GetValue<string>(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => item.ToJsonString(),
                    });
                }
                return kind == FieldKind.StringArray ? FormulaGuard.Protect(builder.ToString()) : builder.ToString();
        }
    }

    /// <summary>
    /// Reads a number as analysts type it: <c>1234.5</c>, <c>1 234,5</c> (spaces, no-break spaces U+00A0 and
    /// narrow no-break spaces U+202F as thousands separators), <c>1.234,5</c>, <c>1,234.5</c>, <c>+12</c>,
    /// <c>0012</c>. One comma and no dot is a decimal comma (the French reading of <c>1,234</c>).
    /// </summary>
    public static bool TryReadNumber(string cell, bool integer, out JsonNode value)
    {
        value = null!;
        var text = Normalize(cell);
        if (text is null) return false;
        if (integer && (text.Contains('.') || text.Contains('e') || text.Contains('E')))
        {
            // 12.0 is an integer in JSON Schema; 12.5 is not.
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d != decimal.Truncate(d)) return false;
        }
        // Most cells fit a long or a decimal (which keeps the digits as typed: 1.50 stays 1.50); parsing
        // JSON is only for exponents and numbers beyond decimal.
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) value = JsonValue.Create(whole);
        else if (!text.Contains('e') && !text.Contains('E') && text.Length <= 28
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction)) value = JsonValue.Create(fraction);
        else value = JsonNode.Parse(text)!;
        return true;
    }

    private static string? Normalize(string cell)
    {
        var builder = new StringBuilder(cell.Length);
        int commas = 0, dots = 0, lastComma = -1, lastDot = -1;
        foreach (var c in cell)
        {
            if (c is ' ' or '\u00A0' or '\u202F' or '\u2009' or '\'') continue; // thousands separators (the apostrophe is Swiss)
            if (c == ',') { commas++; lastComma = builder.Length; }
            else if (c == '.') { dots++; lastDot = builder.Length; }
            builder.Append(c);
        }
        if (builder.Length == 0) return null;
        char? decimalMark = (commas, dots) switch
        {
            (0, 0) => null,
            (1, 0) => ',',
            (0, 1) => '.',
            (0, _) => null, // 1.234.567: dots group thousands
            (_, 0) => null, // 1,234,567: commas group thousands
            _ => lastComma > lastDot ? ',' : '.',
        };
        if ((commas > 1 && decimalMark == ',') || (dots > 1 && decimalMark == '.')) return null;
        var text = new StringBuilder(builder.Length);
        for (var i = 0; i < builder.Length; i++)
        {
            var c = builder[i];
            if (c is ',' or '.')
            {
                if (c == decimalMark) text.Append('.');
                continue;
            }
            text.Append(c);
        }
        var result = text.ToString();
        if (result.StartsWith('+')) result = result[1..];
        var negative = result.StartsWith('-');
        var digits = negative ? result[1..] : result;
        // Leading zeros are not JSON; in a number column 0012 means 12.
        var firstSignificant = 0;
        while (firstSignificant < digits.Length - 1 && digits[firstSignificant] == '0' && char.IsAsciiDigit(digits[firstSignificant + 1])) firstSignificant++;
        digits = digits[firstSignificant..];
        if (digits.StartsWith('.')) digits = "0" + digits;
        result = negative ? "-" + digits : digits;
        return IsJsonNumber(result) ? result : null;
    }

    private static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-') i++;
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i == start) return false;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fraction = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == fraction) return false;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-') i++;
            var exponent = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == exponent) return false;
        }
        return i == text.Length;
    }

    public static bool TryReadBoolean(string cell, out bool value)
    {
        switch (cell.Trim().ToLowerInvariant())
        {
            case "true" or "vrai" or "yes" or "oui" or "1":
                value = true;
                return true;
            case "false" or "faux" or "no" or "non" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static bool TryReadArray(string cell, FieldKind kind, out JsonNode value)
    {
        var array = new JsonArray();
        value = array;
        var ok = true;
        // Items are trimmed and empty items skipped ("a; b;" is two items): the writer keeps arrays whose
        // items would not survive this aside instead of writing them in a cell.
        foreach (var raw in cell.Split(';'))
        {
            var part = raw.Trim();
            if (part.Length == 0) continue;
            switch (kind)
            {
                case FieldKind.NumberArray when TryReadNumber(part, false, out var number):
                    array.Add((JsonNode)number);
                    break;
                case FieldKind.BooleanArray when TryReadBoolean(part, out var flag):
                    array.Add((JsonNode)JsonValue.Create(flag));
                    break;
                case FieldKind.StringArray:
                    array.Add((JsonNode)JsonValue.Create(part));
                    break;
                default:
                    array.Add((JsonNode)JsonValue.Create(part));
                    ok = false;
                    break;
            }
        }
        return ok;
    }
}
