using System.Text.Json;
using System.Text.Json.Serialization;

namespace OgpData.Tests.Models;

/// <summary>Writes a parsed JSON value back to bytes (the document under test, exactly as parsed).</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class JsonElementContext : JsonSerializerContext
{
}
