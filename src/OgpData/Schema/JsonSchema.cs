using System.Text.Json;

namespace OgpData.Schema;

/// <summary>Entry point of the schema engine: compile a schema once, validate many instances.</summary>
public static class JsonSchema
{
    /// <summary>
    /// Compiles a schema (drafts 4, 6, 7, 2019-09, 2020-12, chosen by <c>$schema</c>). Every <c>$ref</c> is
    /// resolved now, inside the schema or through <see cref="SchemaOptions.Registry"/> and
    /// <see cref="SchemaOptions.Resolver"/>; nothing is fetched from the network.
    /// </summary>
    /// <exception cref="SchemaCompileException">A reference cannot be resolved, or a keyword is malformed.</exception>
    public static CompiledSchema Compile(JsonElement schema, SchemaOptions? options = null) =>
        Compile(schema, null, options);

    /// <summary>Compiles a schema whose own URI is <paramref name="uri"/> (relative references resolve against it).</summary>
    /// <exception cref="SchemaCompileException">A reference cannot be resolved, or a keyword is malformed.</exception>
    public static CompiledSchema Compile(JsonElement schema, Uri? uri, SchemaOptions? options = null)
    {
        options ??= SchemaOptions.Default;
        var compiler = new SchemaCompiler(options);
        SchemaNode root;
        try
        {
            root = compiler.Compile(schema, uri?.OriginalString);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("UTF-16", StringComparison.Ordinal))
        {
            // A keyword's string escaping a lone surrogate: not text a schema can be made of.
            throw new SchemaCompileException("the schema holds a string that is not Unicode text (an escaped lone surrogate): " + e.Message, e);
        }
        return new CompiledSchema(root, options);
    }

    /// <summary>Parses and compiles a schema given as JSON text.</summary>
    /// <exception cref="SchemaCompileException">The text is not JSON, a reference cannot be resolved, or a keyword is malformed.</exception>
    public static CompiledSchema Compile(string json, SchemaOptions? options = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SchemaCompileException($"the schema is not valid JSON: {e.Message}", e);
        }
        using (document) return Compile(document.RootElement, options);
    }
}

/// <summary>
/// A schema compiled into an immutable plan. Thread-safe: one instance may validate from many threads at once.
/// </summary>
public sealed class CompiledSchema
{
    private readonly SchemaNode _root;

    internal CompiledSchema(SchemaNode root, SchemaOptions options)
    {
        _root = root;
        Options = options;
    }

    /// <summary>The options the schema was compiled with (they also govern validation).</summary>
    public SchemaOptions Options { get; }

    /// <summary>Where the schema lives (its <c>$id</c>, or <c>#</c> for an anonymous schema).</summary>
    public string Location => _root.Location;

    /// <summary>Validates an instance and collects its errors (up to <see cref="SchemaOptions.MaxErrors"/>).</summary>
    public ValidationResult Validate(JsonElement instance)
    {
        var evaluator = Evaluator.Rent(Options);
        bool valid;
        try
        {
            valid = _root.Evaluate(instance, evaluator, null);
        }
        catch (InvalidOperationException e) when (IsUndecodableText(e))
        {
            evaluator.Finish(true);
            return UndecodableText;
        }
        catch
        {
            evaluator.Finish(true);
            throw;
        }
        return evaluator.Finish(valid);
    }

    // String values are read leniently (JsonText.StringOf); a property name escaping a lone surrogate ("\ud800")
    // is the one text System.Text.Json still refuses to decode. It ends the validation with one error, not a crash.
    private static readonly ValidationResult UndecodableText = new()
    {
        Errors =
        [
            new SchemaError
            {
                InstancePointer = "", Keyword = "unicode", SchemaLocation = "#",
                Message = "a property name escapes a lone surrogate (\\uD800-\\uDFFF without its pair), which is not Unicode text; validation stopped",
            },
        ],
    };

    private static bool IsUndecodableText(InvalidOperationException e) =>
        e.Message.Contains("UTF-16", StringComparison.Ordinal);

    /// <summary>
    /// How many errors <see cref="Validate"/> would list for the instance (capped the same way), without
    /// formatting a message or a pointer: for callers that only count findings past their own cap.
    /// </summary>
    internal int CountErrors(JsonElement instance)
    {
        var evaluator = Evaluator.RentCounting(Options);
        bool valid;
        try
        {
            valid = _root.Evaluate(instance, evaluator, null);
        }
        catch (InvalidOperationException e) when (IsUndecodableText(e))
        {
            evaluator.FinishCount(true);
            return 1;
        }
        catch
        {
            evaluator.FinishCount(true);
            throw;
        }
        return evaluator.FinishCount(valid);
    }

    /// <summary>True when the instance is valid; stops at the first failure and builds no error.</summary>
    public bool IsValid(JsonElement instance)
    {
        var evaluator = Evaluator.Rent(Options);
        evaluator.BeginSilent();
        bool valid;
        try
        {
            valid = _root.Evaluate(instance, evaluator, null);
        }
        catch (InvalidOperationException e) when (IsUndecodableText(e))
        {
            valid = false;
        }
        finally
        {
            evaluator.EndSilent();
            evaluator.Finish(true);
        }
        return valid;
    }
}
