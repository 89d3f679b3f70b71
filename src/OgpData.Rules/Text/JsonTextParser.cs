using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OgpData.Text;

/// <summary>
/// Reads a JSON text (RFC 8259) into <see cref="JsonTextNode"/>s that keep their exact place in the text.
/// The reading is iterative, so nesting costs heap, not stack; nesting deeper than the limit is an error.
/// A leading byte order mark is skipped; anything that is not JSON gives one <see cref="JsonTextError"/>
/// with its line and column, never an exception.
/// </summary>
internal static class JsonTextParser
{
    /// <summary>The nesting limit when none is given: deep enough for any real document.</summary>
    public const int DefaultMaxDepth = 256;

    /// <summary>Reads <paramref name="text"/>; the result holds either the tree or the error.</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="maxDepth">How many objects and arrays may be nested; deeper is an error.</param>
    /// <param name="maxStringLength">The longest string value or property name, in UTF-16 characters; longer is an error.</param>
    public static JsonTextDocument Parse(string text, int maxDepth = DefaultMaxDepth, int maxStringLength = int.MaxValue)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (maxDepth < 1) throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "must be at least 1");
        if (maxStringLength < 0) throw new ArgumentOutOfRangeException(nameof(maxStringLength), maxStringLength, "must not be negative");
        var reader = new Reader(text, maxDepth, maxStringLength);
        var root = reader.ReadDocument();
        return root is null
            ? new JsonTextDocument(text, null, reader.CreateError())
            : new JsonTextDocument(text, root, null, reader.SortedDuplicates());
    }

    private sealed class Reader
    {
        private readonly string _text;
        private readonly int _maxDepth;
        private readonly int _maxStringLength;
        private readonly List<JsonTextNode> _open = new();
        private readonly string?[] _names = new string?[509];
        private StringBuilder? _builder;
        private HashSet<string>? _seenNames;
        private int _pos;
        private string? _error;
        private int _errorOffset;
        private JsonTextLimit _limit;

        public Reader(string text, int maxDepth, int maxStringLength)
        {
            _text = text;
            _maxDepth = maxDepth;
            _maxStringLength = maxStringLength;
        }

        private List<JsonTextNode>? Duplicates { get; set; }

        // Objects are checked as they close, inner ones first; report in text order.
        public List<JsonTextNode>? SortedDuplicates()
        {
            Duplicates?.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            return Duplicates;
        }

        public JsonTextError CreateError()
        {
            var position = new LineMap(_text).GetPosition(_errorOffset);
            return new JsonTextError { Message = _error!, Offset = _errorOffset, Line = position.Line, Column = position.Column, Limit = _limit };
        }

        public JsonTextNode? ReadDocument()
        {
            if (_text.Length > 0 && _text[0] == '\uFEFF') _pos = 1;
            SkipWhitespace();
            if (_pos >= _text.Length) return Fail("the text holds no JSON value", _pos);

            JsonTextNode? root = null;
            // Where the next value goes: its parent, member name and index. Null parent means the root.
            JsonTextNode? parent = null;
            string? name = null;
            int nameStart = 0, nameLength = 0, index = 0;

            while (true)
            {
                // A value is expected at _pos.
                SkipWhitespace();
                if (_pos >= _text.Length) return Fail(UnexpectedEnd(), _pos);
                var c = _text[_pos];
                JsonTextNode node;
                if (c == '{' || c == '[')
                {
                    if (_open.Count >= _maxDepth)
                    {
                        _limit = JsonTextLimit.Depth;
                        return Fail("objects and arrays are nested deeper than " + _maxDepth + " levels", _pos);
                    }
                    node = new JsonTextNode(_text, c == '{' ? JsonTextKind.Object : JsonTextKind.Array, _pos, parent, name, nameStart, nameLength, index);
                    parent?.Add(node);
                    root ??= node;
                    _pos++;
                    _open.Add(node);
                    SkipWhitespace();
                    var close = c == '{' ? '}' : ']';
                    if (_pos < _text.Length && _text[_pos] == close)
                    {
                        _pos++;
                        if (!CloseContainer()) return null;
                    }
                    else
                    {
                        parent = node;
                        index = 0;
                        if (c == '{' && !ReadMemberName(out name, out nameStart, out nameLength)) return null;
                        if (c == '[') name = null;
                        continue;
                    }
                }
                else
                {
                    var scalar = ReadScalar(parent, name, nameStart, nameLength, index);
                    if (scalar is null) return null;
                    node = scalar;
                    parent?.Add(node);
                    root ??= node;
                }

                // A value is complete: a comma, a closing bracket, or the end of the text follows.
                while (true)
                {
                    if (_open.Count == 0)
                    {
                        SkipWhitespace();
                        if (_pos < _text.Length)
                            return Fail("unexpected " + Describe(_pos) + " after the end of the JSON value", _pos);
                        return root;
                    }
                    var container = _open[_open.Count - 1];
                    SkipWhitespace();
                    if (_pos >= _text.Length) return Fail(UnexpectedEnd(), _pos);
                    var next = _text[_pos];
                    var isObject = container.Kind == JsonTextKind.Object;
                    if (next == ',')
                    {
                        _pos++;
                        parent = container;
                        index = container.Count;
                        if (isObject)
                        {
                            if (!ReadMemberName(out name, out nameStart, out nameLength)) return null;
                        }
                        else
                        {
                            name = null;
                        }
                        break;
                    }
                    if (next == (isObject ? '}' : ']'))
                    {
                        _pos++;
                        if (!CloseContainer()) return null;
                        continue;
                    }
                    return Fail("expected ',' or '" + (isObject ? '}' : ']') + "' after " + (isObject ? "a member" : "an item") + ", found " + Describe(_pos), _pos);
                }
            }
        }

        private bool CloseContainer()
        {
            var node = _open[_open.Count - 1];
            _open.RemoveAt(_open.Count - 1);
            node.Length = _pos - node.Start;
            if (node.Kind == JsonTextKind.Object && node.Count > 1) FindDuplicateNames(node);
            return true;
        }

        // Once per object when it closes: small objects compare names pairwise, larger ones share one set.
        private void FindDuplicateNames(JsonTextNode node)
        {
            var members = node.Children;
            if (members.Count <= 8)
            {
                for (var i = 1; i < members.Count; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        if (string.Equals(members[i].Name, members[j].Name, StringComparison.Ordinal))
                        {
                            (Duplicates ??= new List<JsonTextNode>()).Add(members[i]);
                            break;
                        }
                    }
                }
                return;
            }
            var seen = _seenNames ??= new HashSet<string>(StringComparer.Ordinal);
            seen.Clear();
            foreach (var member in members)
            {
                if (!seen.Add(member.Name!)) (Duplicates ??= new List<JsonTextNode>()).Add(member);
            }
        }

        private bool ReadMemberName(out string? name, out int nameStart, out int nameLength)
        {
            name = null;
            nameStart = nameLength = 0;
            SkipWhitespace();
            if (_pos >= _text.Length) { Fail(UnexpectedEnd(), _pos); return false; }
            if (_text[_pos] != '"')
            {
                Fail("expected a property name in double quotes, found " + Describe(_pos), _pos);
                return false;
            }
            nameStart = _pos;
            if (!ReadName(out var value)) return false;
            name = value;
            nameLength = _pos - nameStart;
            SkipWhitespace();
            if (_pos >= _text.Length) { Fail(UnexpectedEnd(), _pos); return false; }
            if (_text[_pos] != ':')
            {
                Fail("expected ':' after the property name, found " + Describe(_pos), _pos);
                return false;
            }
            _pos++;
            return true;
        }

        private JsonTextNode? ReadScalar(JsonTextNode? parent, string? name, int nameStart, int nameLength, int index)
        {
            var start = _pos;
            var c = _text[_pos];
            JsonTextNode node;
            if (c == '"')
            {
                node = new JsonTextNode(_text, JsonTextKind.String, start, parent, name, nameStart, nameLength, index);
                if (!ReadString(out var value, out var escaped)) return null;
                node.StringValue = value;
                node.HasEscapes = escaped;
            }
            else if (c == '-' || (c >= '0' && c <= '9'))
            {
                node = new JsonTextNode(_text, JsonTextKind.Number, start, parent, name, nameStart, nameLength, index);
                if (!ReadNumber()) return null;
            }
            else if (Matches("true"))
            {
                node = new JsonTextNode(_text, JsonTextKind.True, start, parent, name, nameStart, nameLength, index);
                _pos += 4;
            }
            else if (Matches("false"))
            {
                node = new JsonTextNode(_text, JsonTextKind.False, start, parent, name, nameStart, nameLength, index);
                _pos += 5;
            }
            else if (Matches("null"))
            {
                node = new JsonTextNode(_text, JsonTextKind.Null, start, parent, name, nameStart, nameLength, index);
                _pos += 4;
            }
            else
            {
                return Fail("expected a value, found " + Describe(_pos), _pos);
            }
            node.Length = _pos - start;
            return node;
        }

        private bool Matches(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) return false;
            // "nullx" is not null followed by garbage we can name better: say the word is wrong.
            var after = _pos + word.Length;
            return after >= _text.Length || !char.IsLetterOrDigit(_text[after]);
        }

        private bool ReadNumber()
        {
            var start = _pos;
            if (_text[_pos] == '-') _pos++;
            if (_pos >= _text.Length || !IsDigit(_text[_pos])) return FailNumber(start);
            if (_text[_pos] == '0') _pos++;
            else while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
            if (_pos < _text.Length && _text[_pos] == '.')
            {
                _pos++;
                if (_pos >= _text.Length || !IsDigit(_text[_pos])) return FailNumber(start);
                while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
            }
            if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-')) _pos++;
                if (_pos >= _text.Length || !IsDigit(_text[_pos])) return FailNumber(start);
                while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
            }
            if (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '.')) return FailNumber(start);
            return true;
        }

        private bool FailNumber(int start)
        {
            var end = _pos;
            while (end < _text.Length && end - start < 40 && (char.IsLetterOrDigit(_text[end]) || _text[end] is '.' or '-' or '+')) end++;
            Fail("'" + _text.Substring(start, Math.Max(1, end - start)) + "' is not a JSON number", start);
            return false;
        }

        /// <summary>Reads a property name. Packages repeat a few dozen names hundreds of thousands of times, so a
        /// name without escapes is looked up in a small table of names already seen instead of being copied again.</summary>
        private bool ReadName(out string value)
        {
            var text = _text;
            var start = _pos + 1;
            var i = start;
            var hash = 17;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '"' || c == '\\' || c < ' ') break;
                hash = unchecked(hash * 31 + c);
                i++;
            }
            if (i >= text.Length || text[i] != '"' || i - start > 64) return ReadString(out value, out _);
            var length = i - start;
            if (length > _maxStringLength) return FailLongString(_pos, out value, out _);
            var slot = (hash & 0x7FFFFFFF) % _names.Length;
            var known = _names[slot];
            if (known is null || known.Length != length || string.CompareOrdinal(known, 0, text, start, length) != 0)
            {
                known = text.Substring(start, length);
                _names[slot] = known;
            }
            value = known;
            _pos = i + 1;
            return true;
        }

        private bool ReadString(out string value, out bool escaped)
        {
            var start = _pos;
            var i = _pos + 1;
            var text = _text;
            // Fast path: no escapes, the value is a plain substring.
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '"')
                {
                    if (i - start - 1 > _maxStringLength) return FailLongString(start, out value, out escaped);
                    value = text.Substring(start + 1, i - start - 1);
                    escaped = false;
                    _pos = i + 1;
                    return true;
                }
                if (c == '\\' || c < ' ') break;
                i++;
            }
            escaped = true;
            value = "";
            var builder = _builder ??= new StringBuilder();
            builder.Clear();
            builder.Append(text, start + 1, i - start - 1);
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '"')
                {
                    if (builder.Length > _maxStringLength) return FailLongString(start, out value, out escaped);
                    value = builder.ToString();
                    _pos = i + 1;
                    return true;
                }
                if (c < ' ')
                {
                    Fail("control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " in a string; write it as an escape (\\n, \\t, \\u00XX)", i);
                    return false;
                }
                if (c != '\\')
                {
                    builder.Append(c);
                    i++;
                    continue;
                }
                if (i + 1 >= text.Length) break;
                var e = text[i + 1];
                switch (e)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (!TryHex4(i + 2, out var unit))
                        {
                            Fail("'\\u' must be followed by four hexadecimal digits", i);
                            return false;
                        }
                        builder.Append((char)unit);
                        i += 6;
                        continue;
                    default:
                        Fail("'\\" + e + "' is not a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", i);
                        return false;
                }
                i += 2;
            }
            // Point at the cut (where a truncated file ends), and say where the open string began.
            Fail("the text ends inside the string opened at " + new LineMap(_text).GetPosition(start), text.Length);
            return false;
        }

        private bool FailLongString(int start, out string value, out bool escaped)
        {
            value = "";
            escaped = false;
            _limit = JsonTextLimit.StringLength;
            Fail("a string longer than " + _maxStringLength + " characters", start);
            return false;
        }

        private bool TryHex4(int at, out int value)
        {
            value = 0;
            if (at + 4 > _text.Length) return false;
            for (var k = at; k < at + 4; k++)
            {
                var c = _text[k];
                int digit;
                if (c >= '0' && c <= '9') digit = c - '0';
                else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
                else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
                else return false;
                value = value * 16 + digit;
            }
            return true;
        }

        private void SkipWhitespace()
        {
            var text = _text;
            var i = _pos;
            while (i < text.Length)
            {
                var c = text[i];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
                i++;
            }
            _pos = i;
        }

        private string UnexpectedEnd()
        {
            if (_open.Count == 0) return "the text ends where a value was expected";
            var open = _open[_open.Count - 1];
            var position = new LineMap(_text).GetPosition(open.Start);
            return "the text ends inside the " + (open.Kind == JsonTextKind.Object ? "object" : "array") + " opened at " + position;
        }

        private string Describe(int at)
        {
            var c = _text[at];
            if (c < ' ' || char.IsWhiteSpace(c) || char.IsControl(c))
                return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            return "'" + c + "'";
        }

        private JsonTextNode? Fail(string message, int offset)
        {
            if (_error is null)
            {
                _error = message;
                _errorOffset = offset;
            }
            return null;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
