using System.Text;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary>RFC 6901 JSON Pointer escaping and navigation.</summary>
internal static class JsonPointerText
{
    /// <summary>Escapes one reference token: <c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>.</summary>
    public static string Escape(string token)
    {
        if (token.AsSpan().IndexOfAny('~', '/') < 0) return token;
        return token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    public static void AppendEscaped(StringBuilder builder, string token)
    {
        foreach (var c in token)
        {
            if (c == '~') builder.Append("~0");
            else if (c == '/') builder.Append("~1");
            else builder.Append(c);
        }
    }

    public static string Unescape(string token) =>
        token.IndexOf('~') < 0 ? token : token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>Follows a pointer from an element; false when a token names nothing.</summary>
    public static bool TryNavigate(JsonElement root, string pointer, out JsonElement found)
    {
        found = root;
        if (pointer.Length == 0) return true;
        if (pointer[0] != '/') return false;
        var current = root;
        foreach (var raw in pointer.Substring(1).Split('/'))
        {
            var token = Unescape(raw);
            if (current.ValueKind == JsonValueKind.Object)
            {
                if (!current.TryGetProperty(token, out current)) return false;
            }
            else if (current.ValueKind == JsonValueKind.Array)
            {
                if (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) ||
                    index >= current.GetArrayLength() || (token.Length > 1 && token[0] == '0'))
                {
                    return false;
                }
                current = current[index];
            }
            else
            {
                return false;
            }
        }
        found = current;
        return true;
    }
}
