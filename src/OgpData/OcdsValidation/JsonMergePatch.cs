using System.Text.Json.Nodes;

namespace OgpData.OcdsValidation;

/// <summary>JSON Merge Patch (RFC 7386), the way OCDS extensions amend the release schema.</summary>
public static class JsonMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> and returns the result (the target may be changed in place).</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target as JsonObject ?? new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }
            if (value is JsonObject && result[name] is JsonObject current)
            {
                Apply(current, value); // amended in place, so the property keeps its place in the object
                continue;
            }
            result[name] = Apply(null, value);
        }
        return result;
    }
}
