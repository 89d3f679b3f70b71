using System.Text.Json.Serialization;
using OgpData.Ogp;

namespace OgpData.Serialization;

/// <summary>
/// Source-generated contracts for the OGP commitment package model. Read and write through
/// <see cref="OgpJson"/>, which adds the lossless handling on top of these contracts.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CommitmentPackage))]
[JsonSerializable(typeof(Commitment))]
internal sealed partial class OgpJsonContext : JsonSerializerContext
{
}
