namespace OgpData.Schema;

/// <summary>URI resolution for <c>$id</c> and <c>$ref</c>, kept as strings so <c>urn:</c> ids and fragments survive.</summary>
internal static class SchemaUri
{
    /// <summary>The base used for a schema that names no URI of its own; never fetched, only a namespace.</summary>
    public const string AnonymousPrefix = "urn:ogpdata:anonymous:";

    public static bool HasScheme(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0])) return false;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':') return true;
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.') return false;
        }
        return false;
    }

    /// <summary>Splits off the fragment (without its '#'); the fragment is null when there is no '#'.</summary>
    public static (string Absolute, string? Fragment) Split(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? (uri, null) : (uri.Substring(0, hash), uri.Substring(hash + 1));
    }

    /// <summary>A canonical spelling of an absolute URI without fragment, so equal URIs index equally.</summary>
    public static string Normalize(string absolute)
    {
        if (absolute.Contains("://", StringComparison.Ordinal) &&
            Uri.TryCreate(absolute, UriKind.Absolute, out var uri))
        {
            var text = uri.AbsoluteUri;
            var hash = text.IndexOf('#');
            return hash < 0 ? text : text.Substring(0, hash);
        }
        return absolute;
    }

    /// <summary>Resolves a reference against a base (RFC 3986), returning absolute-part and fragment.</summary>
    public static (string Absolute, string? Fragment) Resolve(string baseUri, string reference)
    {
        var (refAbs, refFragment) = Split(reference);
        var (baseAbs, _) = Split(baseUri);
        if (refAbs.Length == 0) return (baseAbs, refFragment);
        if (HasScheme(refAbs)) return (Normalize(refAbs), refFragment);
        if (baseAbs.Contains("://", StringComparison.Ordinal) &&
            Uri.TryCreate(baseAbs, UriKind.Absolute, out var b) &&
            Uri.TryCreate(b, refAbs, out var combined))
        {
            return (Normalize(combined.AbsoluteUri), refFragment);
        }
        throw new SchemaCompileException($"cannot resolve the relative reference '{reference}' against the base URI '{baseUri}'.");
    }

    /// <summary>The same URI with http and https swapped, so both spellings of a published schema find it.</summary>
    public static string? OtherScheme(string absolute)
    {
        if (absolute.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return "https://" + absolute.Substring(7);
        if (absolute.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return "http://" + absolute.Substring(8);
        return null;
    }

    /// <summary>How a location is shown to people: anonymous bases are left out.</summary>
    public static string Display(string baseUri, string pointer) =>
        baseUri.StartsWith(AnonymousPrefix, StringComparison.Ordinal) ? "#" + pointer : baseUri + "#" + pointer;
}
