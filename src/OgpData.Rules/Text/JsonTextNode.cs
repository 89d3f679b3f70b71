using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using OgpData.Findings;

namespace OgpData.Text;

/// <summary>What a JSON value is.</summary>
internal enum JsonTextKind
{
    /// <summary><c>{ ... }</c></summary>
    Object,
    /// <summary><c>[ ... ]</c></summary>
    Array,
    /// <summary>A string; <see cref="JsonTextNode.StringValue"/> holds it unescaped.</summary>
    String,
    /// <summary>A number; <see cref="JsonTextNode.RawText"/> holds it as written.</summary>
    Number,
    /// <summary><c>true</c></summary>
    True,
    /// <summary><c>false</c></summary>
    False,
    /// <summary><c>null</c></summary>
    Null,
}

/// <summary>
/// One value of a JSON text, with where it lies in the text. A value that is an object member also knows
/// its property name and where the name lies; its JSON Pointer is computed on demand from its parents.
/// Nodes are built by <see cref="JsonTextParser"/> and never change afterwards.
/// </summary>
internal sealed class JsonTextNode
{
    private static readonly IReadOnlyList<JsonTextNode> NoChildren = new JsonTextNode[0];

    private readonly string _text;
    private List<JsonTextNode>? _children;

    internal JsonTextNode(string text, JsonTextKind kind, int start, JsonTextNode? parent, string? name, int nameStart, int nameLength, int index)
    {
        _text = text;
        Kind = kind;
        Start = start;
        Parent = parent;
        Name = name;
        NameStart = nameStart;
        NameLength = nameLength;
        Index = index;
    }

    /// <summary>What the value is.</summary>
    public JsonTextKind Kind { get; }

    /// <summary>The offset of the value's first character in the text.</summary>
    public int Start { get; }

    /// <summary>How many characters the value takes, brackets and quotes included.</summary>
    public int Length { get; internal set; }

    /// <summary>Where the value lies in the text.</summary>
    public SourceSpan Span => new(Start, Length);

    /// <summary>The object or array holding this value; null for the root.</summary>
    public JsonTextNode? Parent { get; }

    /// <summary>The property name (unescaped) when this value is an object member; else null.</summary>
    public string? Name { get; }

    /// <summary>Where the property name lies, quotes included, when this value is an object member.</summary>
    public SourceSpan? NameSpan => Name is null ? null : new SourceSpan(NameStart, NameLength);

    /// <summary>The position among the parent's items or members (0-based); 0 for the root.</summary>
    public int Index { get; }

    /// <summary>The unescaped text of a string value; null for every other kind.</summary>
    public string? StringValue { get; internal set; }

    /// <summary>True when the string value was written with escapes, so its characters and the text's differ.</summary>
    public bool HasEscapes { get; internal set; }

    /// <summary>The value exactly as written in the text (for a string, with its quotes and escapes).</summary>
    public string RawText => _text.Substring(Start, Length);

    /// <summary>Array items or object member values, in text order; empty for scalars.</summary>
    public IReadOnlyList<JsonTextNode> Children => (IReadOnlyList<JsonTextNode>?)_children ?? NoChildren;

    /// <summary>How many items or members the value has.</summary>
    public int Count => _children?.Count ?? 0;

    /// <summary>True for an object.</summary>
    public bool IsObject => Kind == JsonTextKind.Object;

    /// <summary>True for an array.</summary>
    public bool IsArray => Kind == JsonTextKind.Array;

    /// <summary>True for a string.</summary>
    public bool IsString => Kind == JsonTextKind.String;

    internal int NameStart { get; }

    internal int NameLength { get; }

    /// <summary>
    /// The JSON Pointer of this value (RFC 6901: <c>~</c> written <c>~0</c>, <c>/</c> written <c>~1</c>);
    /// <c>""</c> for the root. Computed from the parents each time it is asked for.
    /// </summary>
    public string Pointer
    {
        get
        {
            if (Parent is null) return "";
            var segments = new List<JsonTextNode>();
            for (var node = this; node.Parent is not null; node = node.Parent) segments.Add(node);
            var builder = new StringBuilder();
            for (var i = segments.Count - 1; i >= 0; i--)
            {
                var node = segments[i];
                builder.Append('/');
                if (node.Name is null)
                {
                    builder.Append(node.Index.ToString(CultureInfo.InvariantCulture));
                    continue;
                }
                foreach (var c in node.Name)
                {
                    if (c == '~') builder.Append("~0");
                    else if (c == '/') builder.Append("~1");
                    else builder.Append(c);
                }
            }
            return builder.ToString();
        }
    }

    /// <summary>
    /// The value of the member <paramref name="name"/> of an object, or null when absent or when this is not
    /// an object. When a name is written twice, the last one wins, as in most JSON readers.
    /// </summary>
    public JsonTextNode? this[string name] => TryGetProperty(name, out var value) ? value : null;

    /// <summary>Finds the member <paramref name="name"/> of an object (the last one when written twice).</summary>
    public bool TryGetProperty(string name, out JsonTextNode value)
    {
        if (_children is not null && Kind == JsonTextKind.Object)
        {
            for (var i = _children.Count - 1; i >= 0; i--)
            {
                if (string.Equals(_children[i].Name, name, StringComparison.Ordinal))
                {
                    value = _children[i];
                    return true;
                }
            }
        }
        value = null!;
        return false;
    }

    /// <summary>The string value of member <paramref name="name"/>, or null when absent or not a string.</summary>
    public string? GetString(string name) => this[name]?.StringValue;

    /// <summary>Reads a number as a double (numbers beyond the double range give infinity and false).</summary>
    public bool TryGetDouble(out double value)
    {
        value = 0;
        if (Kind != JsonTextKind.Number) return false;
        return double.TryParse(_text.Substring(Start, Length), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && !double.IsInfinity(value);
    }

    /// <summary>
    /// The offset in the text of the character at <paramref name="index"/> of <see cref="StringValue"/>, so a
    /// finding inside a string (an e-mail in a description) can point at its exact place even when the
    /// string has escapes. <paramref name="index"/> may equal the value's length (the closing quote).
    /// </summary>
    public int TextOffsetOf(int index)
    {
        if (Kind != JsonTextKind.String) throw new InvalidOperationException("Only a string has characters to map.");
        var value = StringValue!;
        if (index < 0 || index > value.Length) throw new ArgumentOutOfRangeException(nameof(index));
        if (!HasEscapes) return Start + 1 + index;
        var offset = Start + 1;
        for (var produced = 0; produced < index; produced++)
        {
            if (_text[offset] != '\\') { offset++; continue; }
            // \uXXXX gives one UTF-16 unit (a surrogate pair is two escapes); every other escape is two characters.
            offset += _text[offset + 1] == 'u' ? 6 : 2;
        }
        return offset;
    }

    internal void Add(JsonTextNode child) => (_children ??= new List<JsonTextNode>(4)).Add(child);

    /// <inheritdoc />
    public override string ToString() => Kind + " at " + Start + " (" + Pointer + ")";
}
