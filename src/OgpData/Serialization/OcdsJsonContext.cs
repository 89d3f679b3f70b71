using System.Text.Json.Serialization;
using OgpData.Ocds;

namespace OgpData.Serialization;

/// <summary>
/// Source-generated contracts for the OCDS model. Read and write through <see cref="OcdsJson"/>, which adds
/// the lossless handling on top of these contracts.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReleasePackage))]
[JsonSerializable(typeof(RecordPackage))]
[JsonSerializable(typeof(Release))]
[JsonSerializable(typeof(Record))]
internal sealed partial class OcdsJsonContext : JsonSerializerContext
{
}
