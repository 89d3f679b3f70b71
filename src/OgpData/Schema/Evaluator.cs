using OgpData.Json;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary>
/// The mutable state of one validation: the instance path (kept as a stack of segments, turned into a
/// pointer only when an error is reported), the dynamic scope, the errors. One per thread, reused.
/// </summary>
internal sealed class Evaluator
{
    [ThreadStatic] private static Evaluator? cached;

    private PathSegment[] _path = new PathSegment[32];
    private int _pathLength;
    private SchemaResource[] _scope = new SchemaResource[16];
    private int _scopeLength;
    private List<SchemaError>? _errors;
    private int _errorCap;
    private int _maxDepth;
    private int _nodeDepth;
    private bool _recursionStopped;
    private int _silent;
    private bool _countOnly;
    private int _counted;

    /// <summary>
    /// True while errors are only counted: nobody will read their messages or pointers (a bulk validation that
    /// already holds all the findings it keeps), so none is formatted.
    /// </summary>
    public bool CountOnly => _countOnly;

    /// <summary>True while errors are being recorded (not inside anyOf/not/if probing, not past the cap).</summary>
    public bool Reporting => _silent == 0 && !Full;

    /// <summary>True when evaluation may stop at the first failure: nobody will read the other errors.</summary>
    public bool ShortCircuit => _silent > 0 || Full;

    public bool Full => ErrorCount >= _errorCap;

    public static Evaluator Rent(SchemaOptions options)
    {
        var evaluator = cached ?? new Evaluator();
        cached = null;
        evaluator._errorCap = options.ErrorCap;
        evaluator._maxDepth = options.MaxDepth;
        return evaluator;
    }

    /// <summary>An evaluator that counts errors, exactly as <see cref="Finish"/> would list them, without building them.</summary>
    public static Evaluator RentCounting(SchemaOptions options)
    {
        var evaluator = Rent(options);
        evaluator._countOnly = true;
        evaluator._counted = 0;
        return evaluator;
    }

    /// <summary>Ends a counting evaluation: the number of errors <see cref="Finish"/> would have listed.</summary>
    public int FinishCount(bool valid)
    {
        var count = _counted > 0 || valid ? _counted : 1;
        _countOnly = false;
        _counted = 0;
        Finish(true);
        return count;
    }

    public ValidationResult Finish(bool valid)
    {
        ValidationResult result;
        if (_errors is { Count: > 0 })
        {
            result = new ValidationResult { Errors = _errors.ToImmutableArray(), Truncated = _errors.Count >= _errorCap };
        }
        else if (valid)
        {
            result = ValidationResult.Valid;
        }
        else
        {
            // Only reachable if a failure was found while not reporting; say so rather than claim validity.
            result = new ValidationResult
            {
                Errors = [new SchemaError { InstancePointer = "", Keyword = "", SchemaLocation = "", Message = "the instance is not valid" }],
            };
        }
        _errors = null;
        _pathLength = 0;
        _scopeLength = 0;
        _nodeDepth = 0;
        _recursionStopped = false;
        _silent = 0;
        cached = this;
        return result;
    }

    public void BeginSilent() => _silent++;

    public void EndSilent() => _silent--;

    public int ErrorCount => _countOnly ? _counted : _errors?.Count ?? 0;

    /// <summary>Drops errors recorded after a mark (an alternative that failed while another succeeded).</summary>
    public void TruncateErrors(int count)
    {
        if (_countOnly) _counted = Math.Min(_counted, count);
        else if (_errors is not null && _errors.Count > count) _errors.RemoveRange(count, _errors.Count - count);
    }

    // ---- instance path ----

    /// <summary>Enters a property value; false (with an error) when the instance nests too deep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool PushProperty(in JsonProperty property)
    {
        if (_pathLength >= _maxDepth) return TooDeep();
        if (_pathLength == _path.Length) Array.Resize(ref _path, _path.Length * 2);
        _path[_pathLength++] = new PathSegment(property, -1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool PushIndex(int index)
    {
        if (_pathLength >= _maxDepth) return TooDeep();
        if (_pathLength == _path.Length) Array.Resize(ref _path, _path.Length * 2);
        _path[_pathLength++] = new PathSegment(default, index);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Pop() => _pathLength--;

    private bool TooDeep()
    {
        if (Reporting) Add("maxDepth", "", $"the value nests deeper than {_maxDepth} levels; validation does not descend further", null);
        return false;
    }

    // Reused for every pointer this evaluator builds: a badly invalid bulk file reports hundreds of thousands.
    private readonly StringBuilder _pointerText = new();

    public string CurrentPointer()
    {
        if (_pathLength == 0) return "";
        var builder = _pointerText.Clear();
        for (var i = 0; i < _pathLength; i++)
        {
            builder.Append('/');
            ref readonly var segment = ref _path[i];
            if (segment.Index >= 0) builder.Append(segment.Index);
            else JsonPointerText.AppendEscaped(builder, segment.Property.Name);
        }
        return builder.ToString();
    }

    // ---- schema recursion and dynamic scope ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool EnterNode(SchemaNode node)
    {
        if (_recursionStopped) return false;
        if (++_nodeDepth > 4000 || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _nodeDepth--;
            // Stop the whole evaluation, not only this branch: a cycle through two references ({"$ref": "#a",
            // "$recursiveRef": "#a"}) branches at every level, and retrying each branch down to the limit
            // would take exponential time.
            _recursionStopped = true;
            if (Reporting)
            {
                Add("$ref", node.Location,
                    "the schema recurses without consuming the instance (a $ref cycle) or nests too deeply; validation stopped here", null);
            }
            return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ExitNode() => _nodeDepth--;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool PushScope(SchemaResource resource)
    {
        if (_scopeLength > 0 && ReferenceEquals(_scope[_scopeLength - 1], resource)) return false;
        if (_scopeLength == _scope.Length) Array.Resize(ref _scope, _scope.Length * 2);
        _scope[_scopeLength++] = resource;
        return true;
    }

    public void PopScope() => _scopeLength--;

    /// <summary>The outermost resource in the dynamic scope holding a <c>$dynamicAnchor</c> of this name.</summary>
    public SchemaNode? FindDynamicAnchor(string name)
    {
        for (var i = 0; i < _scopeLength; i++)
        {
            if (_scope[i].DynamicAnchors is { } anchors && anchors.TryGetValue(name, out var node)) return node;
        }
        return null;
    }

    /// <summary>For <c>$recursiveRef</c>: the outermost resource of the dynamic scope with <c>$recursiveAnchor: true</c>.</summary>
    public SchemaNode? FindRecursiveAnchor()
    {
        for (var i = 0; i < _scopeLength; i++)
        {
            if (_scope[i].RecursiveAnchor && _scope[i].RootNode is { } root) return root;
        }
        return null;
    }

    // ---- errors ----

    public void Report(Keyword keyword, in JsonElement value, string message)
    {
        if (_countOnly) Count();
        else Add(keyword.Name, keyword.Location, message, ValueText.Short(value));
    }

    /// <summary>As the string overload; in counting mode the message is never formatted.</summary>
    public void Report(Keyword keyword, in JsonElement value, [InterpolatedStringHandlerArgument("")] ref ErrorMessage message)
    {
        if (_countOnly) Count();
        else Add(keyword.Name, keyword.Location, message.ToStringAndClear(), ValueText.Short(value));
    }

    /// <summary>As the string overload; in counting mode the message is never formatted.</summary>
    public void Add(string keyword, string location, [InterpolatedStringHandlerArgument("")] ref ErrorMessage message, string? value)
    {
        if (_countOnly) Count();
        else Add(keyword, location, message.ToStringAndClear(), value);
    }

    private void Count()
    {
        if (_counted < _errorCap) _counted++;
    }

    public void Add(string keyword, string location, string message, string? value)
    {
        if (_countOnly)
        {
            Count();
            return;
        }
        _errors ??= new List<SchemaError>();
        if (_errors.Count >= _errorCap) return;
        _errors.Add(new SchemaError
        {
            InstancePointer = CurrentPointer(),
            Keyword = keyword,
            SchemaLocation = location,
            Message = message,
            Value = value,
        });
    }

    private readonly record struct PathSegment(JsonProperty Property, int Index);
}

/// <summary>An error message built from an interpolated string only when the evaluator will keep it.</summary>
[InterpolatedStringHandler]
internal ref struct ErrorMessage
{
    private DefaultInterpolatedStringHandler _text;
    private readonly bool _active;

    public ErrorMessage(int literalLength, int formattedCount, Evaluator evaluator, out bool shouldAppend)
    {
        _active = !evaluator.CountOnly;
        shouldAppend = _active;
        _text = _active ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    public string ToStringAndClear() => _active ? _text.ToStringAndClear() : "";
}

/// <summary>Short renderings of instance values for messages.</summary>
internal static class ValueText
{
    private const int Limit = 80;

    public static string Short(in JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object: return value.EnumerateObject().MoveNext() ? "{…}" : "{}";
            case JsonValueKind.Array: return value.GetArrayLength() == 0 ? "[]" : "[…]";
            case JsonValueKind.Undefined: return "";
            default:
                var raw = value.GetRawText();
                return raw.Length <= Limit ? raw : raw.Substring(0, Limit - 1) + "…";
        }
    }

    /// <summary>"a string", "an object", ... for type messages.</summary>
    public static string KindName(in JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => JsonNumber.IsInteger(value) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string Quote(string text) => JsonString(text.Length <= Limit ? text : text.Substring(0, Limit - 1) + "…");

    /// <summary>The text as a JSON string literal, with quotes; readable (non-ASCII kept).</summary>
    public static string JsonString(string text) =>
        "\"" + JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"";
}
