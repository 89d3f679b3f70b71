using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OgpData.Json;

/// <summary>Building, reading and following JSON Pointers (RFC 6901): the one place the escaping rules live.</summary>
public static class JsonPointerText
{
    /// <summary>Escapes one reference token: <c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>.</summary>
    public static string Escape(string token)
    {
        if (token.AsSpan().IndexOfAny('~', '/') < 0) return token;
        return token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    /// <summary>Appends one reference token, escaped, to a pointer being built.</summary>
    public static void AppendEscaped(StringBuilder builder, string token)
    {
        foreach (var c in token)
        {
            if (c == '~') builder.Append("~0");
            else if (c == '/') builder.Append("~1");
            else builder.Append(c);
        }
    }

    /// <summary>Undoes <see cref="Escape"/>.</summary>
    public static string Unescape(string token) =>
        token.IndexOf('~') < 0 ? token : token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>Follows a pointer from an element; false when a token names nothing.</summary>
    public static bool TryNavigate(JsonElement root, string pointer, out JsonElement found)
    {
        // On failure 'found' is the default (undefined) element, never the root: a caller that ignored the result
        // would otherwise read the whole document where a part of it was meant.
        found = default;
        if (pointer.Length == 0)
        {
            found = root;
            return true;
        }
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
                if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
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

    /// <summary>
    /// The member name the reader stands on, as a pointer names it; a name no text can hold (one escaping a lone
    /// surrogate) is kept as escaped in the file, so the walk goes on and the place can still be named.
    /// </summary>
    internal static string NameAt(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        }
    }

    /// <summary>The pointer to a property of the object at <paramref name="parent"/>.</summary>
    public static string Append(string parent, string property)
    {
        return parent + "/" + Escape(property);
    }

    /// <summary>The pointer to an item of the array at <paramref name="parent"/>.</summary>
    public static string Append(string parent, int index) =>
        parent + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The unescaped reference tokens of a pointer (<c>""</c> has none).</summary>
    public static IReadOnlyList<string> Segments(string pointer)
    {
        if (pointer.Length == 0) return [];
        if (pointer[0] != '/') throw new ArgumentException($"'{pointer}' is not a JSON Pointer.", nameof(pointer));
        var parts = pointer[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Unescape(parts[i]);
        }
        return parts;
    }
}
