using System.Text;

namespace OgpData.Cli.Tests.Hostile;

/// <summary>
/// Damages a real file the ways files get damaged: cut short, bits flipped, a bracket or quote too many, a
/// byte order mark (or a UTF-16 re-encoding), line ends changed, numbers beyond any double, nesting far past
/// every limit, lone surrogates (escaped and as raw bytes), a bare <c>NaN</c>, a range deleted or repeated.
/// Each mutation says what it did, so a failing case reads as a recipe.
/// </summary>
internal static class Mutator
{
    private static readonly byte[][] Inserts =
    [
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "\""u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(),
        "\\"u8.ToArray(), ";"u8.ToArray(), "'="u8.ToArray(), "\"\""u8.ToArray(),
    ];

    private static readonly string[] Numbers =
        ["1e400", "-1E-400", "123456789012345678901234567890", "-0", "NaN", "Infinity", "-Infinity", "1.", "01", "0x10"];

    /// <summary>One to three mutations of <paramref name="input"/>, and what they were.</summary>
    public static (byte[] Bytes, string Recipe) Mutate(byte[] input, Random random)
    {
        var bytes = input;
        var recipe = new List<string>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            (bytes, var step) = MutateOnce(bytes, random);
            recipe.Add(step);
        }
        return (bytes, string.Join("; ", recipe));
    }

    private static (byte[], string) MutateOnce(byte[] bytes, Random random)
    {
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length + 1);
        switch (random.Next(13))
        {
            case 0:
                return (bytes[..at], $"cut at byte {at}");
            case 1:
                if (bytes.Length == 0) return (bytes, "nothing to flip");
                var flipped = (byte[])bytes.Clone();
                var index = Math.Min(at, bytes.Length - 1);
                var bit = random.Next(8);
                flipped[index] ^= (byte)(1 << bit);
                return (flipped, $"bit {bit} flipped at byte {index}");
            case 2:
                var insert = Inserts[random.Next(Inserts.Length)];
                return (Insert(bytes, at, insert), $"'{Encoding.UTF8.GetString(insert)}' inserted at byte {at}");
            case 3:
                return random.Next(3) switch
                {
                    0 => ([.. Encoding.UTF8.GetPreamble(), .. bytes], "UTF-8 BOM put in front"),
                    1 => ([0xFF, 0xFE, .. bytes], "UTF-16 BOM put in front of UTF-8"),
                    _ => ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))], "re-encoded as UTF-16 with BOM"),
                };
            case 4:
                var text = Encoding.UTF8.GetString(bytes);
                return random.Next(3) switch
                {
                    0 => (Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Replace("\n", "\r\n")), "LF to CRLF"),
                    1 => (Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n")), "CRLF to LF"),
                    _ => (Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Replace('\n', '\r')), "line ends to lone CR"),
                };
            case 5:
                return ReplaceNumber(bytes, at, Numbers[random.Next(Numbers.Length)]);
            case 6:
                var depth = random.Next(3) switch { 0 => 300, 1 => 600, _ => 100_000 };
                var open = random.Next(2) == 0 ? "[" : "{\"a\":";
                var close = open == "[" ? "]" : "}";
                var nest = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)));
                var value = ValueStart(bytes, at);
                return (Insert(bytes, value, [.. nest, (byte)',']), $"{depth} levels of '{open}' nested at byte {value}");
            case 7:
                var quote = Array.IndexOf(bytes, (byte)'"', Math.Min(at, bytes.Length));
                var where = quote < 0 ? at : quote + 1;
                return random.Next(2) == 0
                    ? (Insert(bytes, where, "\\ud800"u8.ToArray()), $"escaped lone surrogate \\ud800 at byte {where}")
                    : (Insert(bytes, where, [0xED, 0xA0, 0x80]), $"lone surrogate as raw bytes at byte {where}");
            case 8:
                var length = random.Next(1, 200);
                var end = Math.Min(bytes.Length, at + length);
                return ([.. bytes[..at], .. bytes[end..]], $"bytes {at}..{end} deleted");
            case 9:
                var span = Math.Min(bytes.Length - Math.Min(at, bytes.Length), random.Next(1, 400));
                return (Insert(bytes, at, bytes[at..(at + span)]), $"bytes {at}..{at + span} repeated");
            case 10:
                return (Insert(bytes, at, [0x00]), $"NUL byte at {at}");
            case 11:
                var huge = Encoding.UTF8.GetBytes("\"" + new string('x', 1 << 16) + "\",");
                var start = ValueStart(bytes, at);
                return (Insert(bytes, start, huge), $"a 64 KB string inserted at byte {start}");
            default:
                return (bytes[..Math.Min(at, bytes.Length)], $"cut at byte {at}");
        }
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] insert) => [.. bytes[..at], .. insert, .. bytes[at..]];

    // Just after the next ':' or '[' from at, where a value may begin (or at itself when there is none).
    private static int ValueStart(byte[] bytes, int at)
    {
        for (var i = at; i < bytes.Length; i++)
        {
            if (bytes[i] is (byte)':' or (byte)'[') return i + 1;
        }
        return at;
    }

    private static (byte[], string) ReplaceNumber(byte[] bytes, int at, string number)
    {
        for (var i = at; i < bytes.Length; i++)
        {
            if (bytes[i] is < (byte)'0' or > (byte)'9') continue;
            var end = i;
            while (end < bytes.Length && bytes[end] is >= (byte)'0' and <= (byte)'9' or (byte)'.') end++;
            return ([.. bytes[..i], .. Encoding.UTF8.GetBytes(number), .. bytes[end..]], $"number at byte {i} replaced by {number}");
        }
        return (Insert(bytes, ValueStart(bytes, at), Encoding.UTF8.GetBytes(number + ",")), $"{number} inserted as a value");
    }
}
