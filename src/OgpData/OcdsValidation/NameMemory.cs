using System.Text.Json;

namespace OgpData.OcdsValidation;

/// <summary>
/// Member names met in documents, each kept as one string with a value, looked up straight from the document's
/// UTF-8 bytes: names that recur from item to item (a file's additional fields) are neither transcoded nor
/// allocated again. Bounded, so a file of random names cannot grow it without end. Readers take no lock: a name
/// is added by replacing the table whole, which is rare once a file's names have been met.
/// </summary>
internal sealed class NameMemory<T>(int capacity = 1024)
{
    private sealed record Entries(Schema.Utf8NameTable Table, T[] Values);

    private Entries? _entries;
    private readonly object _adding = new();

    /// <summary>The remembered string and value of a member's name, when it was met before.</summary>
    public bool TryFind(in JsonProperty property, out string name, out T value)
    {
        var entries = _entries;
        var slot = entries?.Table.Find(property) ?? -1;
        if (slot < 0)
        {
            (name, value) = ("", default!);
            return false;
        }
        (name, value) = (entries!.Table.Names[slot], entries.Values[slot]);
        return true;
    }

    /// <summary>Remembers a name with its value, unless it is known already or the memory is full.</summary>
    public void Remember(string name, T value)
    {
        lock (_adding)
        {
            var entries = _entries;
            var count = entries?.Values.Length ?? 0;
            if (count >= capacity || entries is not null && Array.IndexOf(entries.Table.Names, name) >= 0) return;
            var names = new string[count + 1];
            var values = new T[count + 1];
            entries?.Table.Names.CopyTo(names, 0);
            entries?.Values.CopyTo(values, 0);
            (names[count], values[count]) = (name, value);
            _entries = new Entries(new Schema.Utf8NameTable(names), values);
        }
    }
}
