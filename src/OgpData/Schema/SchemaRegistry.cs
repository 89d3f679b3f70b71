using System.Collections.Concurrent;
using System.Text.Json;

namespace OgpData.Schema;

/// <summary>
/// Schema documents known by URI, so <c>$ref</c> can reach them without a network: the OCDS package
/// schemas name the release schema by its published URL, tests name <c>http://localhost:1234/...</c>.
/// An http URI and its https twin find the same document.
/// </summary>
public sealed class SchemaRegistry
{
    private readonly ConcurrentDictionary<string, JsonElement> _documents = new(StringComparer.Ordinal);

    /// <summary>Registers a document under a URI (any fragment is ignored). The element is cloned.</summary>
    public void Register(Uri uri, JsonElement document)
    {
        ArgumentNullException.ThrowIfNull(uri);
        _documents[Key(uri.OriginalString)] = document.Clone();
    }

    /// <summary>Registers a document given as JSON text.</summary>
    public void Register(Uri uri, string json)
    {
        using var document = JsonDocument.Parse(json);
        Register(uri, document.RootElement);
    }

    /// <summary>Registers a document under the URI its own <c>$id</c> (or draft 4 <c>id</c>) declares.</summary>
    /// <exception cref="ArgumentException">The document declares no absolute id.</exception>
    public void Register(JsonElement document)
    {
        if (document.ValueKind == JsonValueKind.Object &&
            (document.TryGetProperty("$id", out var id) || document.TryGetProperty("id", out id)) &&
            id.ValueKind == JsonValueKind.String && Uri.TryCreate(id.GetString(), UriKind.Absolute, out var uri))
        {
            Register(uri, document);
            return;
        }
        throw new ArgumentException("the document declares no absolute $id; register it with a URI.", nameof(document));
    }

    /// <summary>True when a document is registered under the URI (or its http/https twin).</summary>
    public bool Contains(Uri uri) => Find(Key(uri.OriginalString)) is not null;

    /// <summary>Compiles the registered document (or the subschema a fragment names) at a URI.</summary>
    /// <exception cref="SchemaCompileException">Nothing is registered there, or the schema does not compile.</exception>
    public CompiledSchema Compile(Uri uri, SchemaOptions? options = null)
    {
        options = (options ?? SchemaOptions.Default) with { Registry = this };
        var compiler = new SchemaCompiler(options);
        var root = compiler.CompileUri(uri.OriginalString);
        return new CompiledSchema(root, options);
    }

    internal JsonElement? Find(string absolute)
    {
        var key = Key(absolute);
        if (_documents.TryGetValue(key, out var document)) return document;
        if (SchemaUri.OtherScheme(key) is { } other && _documents.TryGetValue(other, out document)) return document;
        return null;
    }

    private static string Key(string uri) => SchemaUri.Normalize(SchemaUri.Split(uri).Absolute);
}
