namespace OgpData.Cli;

/// <summary>A mistake in how the command was called: reported as one line on stderr with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The arguments of one command: options (<c>--name value</c>, <c>--name=value</c>, flags) and positional
/// values, read against the command's list of known options so a typo is an error, not silently ignored.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private Arguments(string command) => Command = command;

    public string Command { get; }

    public List<string> Positional { get; } = [];

    /// <summary>Reads <paramref name="args"/>; <paramref name="valued"/> options take a value, <paramref name="flags"/> do not.</summary>
    public static Arguments Parse(string command, IReadOnlyList<string> args, ICollection<string> valued, ICollection<string> flags)
    {
        var parsed = new Arguments(command);
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || !arg.StartsWith('-') || arg == "-")
            {
                parsed.Positional.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }
            var name = arg;
            string? inline = null;
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inline = arg[(equals + 1)..];
            }
            if (flags.Contains(name))
            {
                if (inline is not null) throw new UsageException($"{name} takes no value; run 'ogpdata {command} --help'.");
                parsed._flags.Add(name);
            }
            else if (valued.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value; run 'ogpdata {command} --help'."));
                if (!parsed._values.TryGetValue(name, out var list)) parsed._values[name] = list = [];
                list.Add(value);
            }
            else
            {
                throw new UsageException($"unknown option '{name}' for '{command}'; run 'ogpdata {command} --help' for its options.");
            }
        }
        return parsed;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public int? Int(string name, int min)
    {
        var text = Value(name);
        if (text is null) return null;
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new UsageException($"{name} wants a whole number of at least {min}, not '{text}'.");
        }
        return value;
    }

    /// <summary>A size in bytes: a whole number with an optional unit, B, KB, MB, GB (powers of 1024).</summary>
    public long? Size(string name)
    {
        var text = Value(name);
        if (text is null) return null;
        var trimmed = text.Trim();
        long unit = 1;
        foreach (var (suffix, bytes) in SizeUnits)
        {
            if (!trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            unit = bytes;
            trimmed = trimmed[..^suffix.Length].TrimEnd();
            break;
        }
        if (!long.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            || count > long.MaxValue / unit)
        {
            throw new UsageException($"{name} wants a size such as 500MB, 2GB or 1048576 (bytes), not '{text}'.");
        }
        return count * unit;
    }

    private static readonly (string Suffix, long Bytes)[] SizeUnits =
        [("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("B", 1)];
}
