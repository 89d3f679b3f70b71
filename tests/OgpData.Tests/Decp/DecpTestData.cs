using System.Text;
using System.Text.Json.Nodes;
using OgpData.Decp;
using OgpData.OcdsValidation;
using OgpData.Validation;
using OgpData.Tests.OcdsValidation;

namespace OgpData.Tests.Decp;

/// <summary>Converts DECP text or files in memory and validates the OCDS written, with the project's own validator.</summary>
internal static class DecpTestData
{
    public static readonly DecpConversionOptions Options = new() { PublishedDate = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), Indented = true };

    public sealed record Converted(DecpConversionResult Result, byte[] Ocds)
    {
        public JsonObject Package => JsonNode.Parse(Ocds)!.AsObject();

        public JsonArray Releases => Package["releases"]!.AsArray();

        public string Text => Encoding.UTF8.GetString(Ocds);
    }

    public static Converted Convert(string decpJson, DecpConversionOptions? options = null) =>
        Convert(Encoding.UTF8.GetBytes(decpJson), options);

    public static Converted Convert(byte[] decp, DecpConversionOptions? options = null)
    {
        using var output = new MemoryStream();
        var result = DecpToOcdsConverter.Convert(new MemoryStream(decp), output, options ?? Options);
        return new Converted(result, output.ToArray());
    }

    public static Converted ConvertFile(string path, DecpConversionOptions? options = null) => Convert(File.ReadAllBytes(path), options);

    /// <summary>The OCDS 1.1.5 schema and every OCDS check, as <c>ogpdata validate</c> runs them.</summary>
    public static async Task<OcdsValidationResult> Validate(byte[] ocds)
    {
        var schemas = await OcdsTestData.SchemaSet();
        return await OcdsValidator.ValidateAsync(new MemoryStream(ocds), new OcdsValidationOptions
        {
            Schemas = schemas,
            SchemaCheckFactory = OcdsSchemaChecks.Create,
            MaxFindings = 100_000,
        });
    }
}
