using System.IO.Compression;
using System.Text.Json;
using OgpData.Json;
using OgpData.Streaming;
using OgpData.Testing;

namespace OgpData.Tests.OcdsValidation;

/// <summary>
/// The validator places an item's findings in one reading of the item (<see cref="StreamedPart.LocateAll"/>):
/// every place must be the one <see cref="StreamedPart.Locate"/> gives a pointer alone.
/// </summary>
public sealed class LocateAllTests
{
    [SkippableTheory]
    [InlineData("ocds/samples/all-publishers-2018.releases.jsonl", DocumentKind.OcdsReleasesJsonLines)]
    [InlineData("ocds/samples/armenia.release-package.json", DocumentKind.OcdsReleasePackage)]
    [InlineData("ocds/samples/mexico-grupo-aeroportuario.release-package.json", DocumentKind.OcdsReleasePackage)]
    public async Task Every_value_and_every_missing_member_is_placed_as_one_pointer_alone_places_it(string file, DocumentKind kind)
    {
        var path = SharedData.Require(file);
        await using var stream = File.OpenRead(path);
        var settings = new OcdsStreamReader.ReadSettings(OcdsStreamReader.DefaultBufferBytes, JsonChunkLimits.Default, ValidateItems: true);
        var items = 0;
        await foreach (var part in OcdsStreamReader.ReadAsync(stream, kind, settings, CancellationToken.None))
        {
            if (part is not StreamedItem item || items++ >= 60) continue;
            using var document = JsonDocument.Parse(item.Utf8);
            var pointers = new List<string>();
            Pointers(document.RootElement, "", pointers);
            // Missing members, at the root and deep, land on their nearest existing ancestor.
            pointers.AddRange(["/nowhere", "/tender/nowhere/deeper", "/awards/999/id", "/buyer/name/x", pointers[^1] + "/missing"]);
            var located = item.LocateAll(pointers);
            for (var i = 0; i < pointers.Count; i++) Assert.Equal(item.Locate(pointers[i]), located[i]);
            item.ReturnLentUtf8();
        }
        Assert.True(items > 1);
    }

    private static void Pointers(JsonElement value, string pointer, List<string> pointers)
    {
        pointers.Add(pointer);
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject()) Pointers(property.Value, JsonPointerText.Append(pointer, property.Name), pointers);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray()) Pointers(item, JsonPointerText.Append(pointer, index++), pointers);
        }
    }
}
