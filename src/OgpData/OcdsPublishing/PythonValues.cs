using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace OgpData.OcdsPublishing;

/// <summary>
/// How the reference implementation (Python) sees JSON values where it matters for merging: the text an
/// <c>id</c> compares by (<c>str(id)</c>), the identity an object is found by, and <c>==</c> for deciding
/// whether a versioned value changed (<c>1 == 1.0 == true</c>).
/// </summary>
internal static class PythonValues
{
    /// <summary><c>str(value)</c>: ids <c>1</c> and <c>"1"</c> give the same text.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null or JsonValueKind.Undefined => "None",
        _ => value.GetRawText(),
    };

    /// <summary>
    /// A key that is equal for values Python's <c>==</c> and hash hold equal (<c>1</c>, <c>1.0</c>, <c>true</c>),
    /// and different for a string and a number with the same text.
    /// </summary>
    public static string Identity(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "s" + value.GetString(),
        JsonValueKind.True => "n1",
        JsonValueKind.False => "n0",
        JsonValueKind.Number => "n" + NumberKey(value),
        JsonValueKind.Null or JsonValueKind.Undefined => "z",
        _ => "o" + value.GetRawText(),
    };

    private static string NumberKey(JsonElement number)
    {
        var raw = number.GetRawText();
        if (IsIntegerLiteral(raw)) return BigInteger.Parse(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var value = number.GetDouble();
        // A float with an integral value hashes as that integer in Python.
        if (Math.Floor(value) == value && Math.Abs(value) < 1e300) return new BigInteger(value).ToString(CultureInfo.InvariantCulture);
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static bool IsIntegerLiteral(string raw) => raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    /// <summary>Python's <c>==</c> on two parsed JSON values (JSON null is <c>None</c>).</summary>
    public static bool AreEqual(JsonElement left, JsonElement right)
    {
        var leftNumeric = IsNumeric(left.ValueKind);
        var rightNumeric = IsNumeric(right.ValueKind);
        if (leftNumeric || rightNumeric) return leftNumeric && rightNumeric && NumbersEqual(left, right);
        if (left.ValueKind != right.ValueKind) return false;
        switch (left.ValueKind)
        {
            case JsonValueKind.String:
                return left.GetString() == right.GetString();
            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength()) return false;
                using (var l = left.EnumerateArray().GetEnumerator())
                using (var r = right.EnumerateArray().GetEnumerator())
                {
                    while (l.MoveNext() && r.MoveNext())
                    {
                        if (!AreEqual(l.Current, r.Current)) return false;
                    }
                }
                return true;
            case JsonValueKind.Object:
                // A repeated name counts once, with its last value, as when Python parses the text.
                var leftMembers = Members(left);
                var rightMembers = Members(right);
                if (leftMembers.Count != rightMembers.Count) return false;
                foreach (var (name, value) in leftMembers)
                {
                    if (!rightMembers.TryGetValue(name, out var other) || !AreEqual(value, other)) return false;
                }
                return true;
            default:
                return true; // null == null
        }
    }

    private static Dictionary<string, JsonElement> Members(JsonElement value)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject()) members[property.Name] = property.Value;
        return members;
    }

    private static bool IsNumeric(JsonValueKind kind) => kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static bool NumbersEqual(JsonElement left, JsonElement right)
    {
        var leftRaw = NumericText(left);
        var rightRaw = NumericText(right);
        if (IsIntegerLiteral(leftRaw) && IsIntegerLiteral(rightRaw))
        {
            return BigInteger.Parse(leftRaw, CultureInfo.InvariantCulture) == BigInteger.Parse(rightRaw, CultureInfo.InvariantCulture);
        }
        return double.Parse(leftRaw, NumberStyles.Float, CultureInfo.InvariantCulture) == double.Parse(rightRaw, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string NumericText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        _ => value.GetRawText(),
    };
}
