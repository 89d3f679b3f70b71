using System.Text;
using System.Text.Json;
#if NET9_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace OgpData.Schema;

/// <summary>The characters of a string instance for the string keywords (length, pattern, format, pattern properties).</summary>
internal static class StringChars
{
    public const int StackLimit = 256;

    /// <summary>The characters of a string value, decoded into the buffer when they fit (no allocation).</summary>
    public static ReadOnlySpan<char> Get(in JsonElement value, Span<char> buffer)
    {
#if NET9_0_OR_GREATER
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var content = raw.Slice(1, raw.Length - 2);
        if (content.Length <= buffer.Length && content.IndexOf((byte)'\\') < 0)
        {
            var count = Encoding.UTF8.GetChars(content, buffer);
            return buffer.Slice(0, count);
        }
#endif
        return JsonText.StringOf(value).AsSpan();
    }
}
