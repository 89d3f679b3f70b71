using OgpData.IO;

namespace OgpData.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ogpdata-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[] Entries() => [.. Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void A_written_file_replaces_the_old_one_and_leaves_nothing_beside_it()
    {
        var path = Path.Combine(_folder, "out.json");
        File.WriteAllText(path, "old");
        AtomicFile.Write(path, stream => stream.Write("new"u8));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["out.json"], Entries());
    }

    [Fact]
    public void A_writer_that_throws_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Path.Combine(_folder, "out.json");
        File.WriteAllText(path, "yesterday's good conversion");
        var thrown = Assert.Throws<InvalidDataException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("{\"half\": "u8);
            stream.Flush();
            throw new InvalidDataException("cut");
        }));
        Assert.Equal("cut", thrown.Message);
        Assert.Equal("yesterday's good conversion", File.ReadAllText(path));
        Assert.Equal(["out.json"], Entries());
    }

    [Fact]
    public void Until_commit_the_destination_does_not_change_and_a_missing_folder_is_created()
    {
        var path = Path.Combine(_folder, "new", "deeper", "out.csv");
        using (var file = AtomicFile.Create(path))
        {
            file.Stream.Write("a,b\n"u8);
            Assert.False(File.Exists(path));
            Assert.Equal(Path.GetDirectoryName(path), Path.GetDirectoryName(file.TemporaryPath));
            Assert.StartsWith(".out.csv.", Path.GetFileName(file.TemporaryPath), StringComparison.Ordinal);
            file.Commit();
        }
        Assert.Equal("a,b\n", File.ReadAllText(path));
        Assert.Equal(["out.csv"], Directory.GetFileSystemEntries(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Disposing_without_commit_abandons_the_new_content()
    {
        var path = Path.Combine(_folder, "out.csv");
        using (var file = AtomicFile.Create(path)) file.Stream.Write("never"u8);
        Assert.Empty(Entries());
    }

    [Fact]
    public async Task An_async_writer_cancelled_leaves_the_old_file()
    {
        var path = Path.Combine(_folder, "report.sarif");
        File.WriteAllText(path, "old");
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await stream.WriteAsync("new"u8.ToArray(), token);
            await cancel.CancelAsync();
        }, cancel.Token));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["report.sarif"], Entries());
    }

    [Fact]
    public void A_folder_is_built_beside_the_target_and_swapped_in_whole()
    {
        var target = Path.Combine(_folder, "sheets");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "stale.csv"), "from an older conversion");
        var built = AtomicFile.ReplaceFolder(target, building =>
        {
            Assert.Equal(_folder, Path.GetDirectoryName(building));
            Assert.False(File.Exists(Path.Combine(target, "main.csv")));
            File.WriteAllText(Path.Combine(building, "main.csv"), "id\n1\n");
            return 1;
        });
        Assert.Equal(1, built);
        Assert.Equal(["main.csv"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal(["sheets"], Entries());
    }

    [Fact]
    public void A_folder_build_that_throws_leaves_the_old_folder_and_no_temporary_folder()
    {
        var target = Path.Combine(_folder, "sheets");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "main.csv"), "good");
        Assert.Throws<IOException>(() => AtomicFile.ReplaceFolder<int>(target, building =>
        {
            File.WriteAllText(Path.Combine(building, "main.csv"), "half");
            throw new IOException("disk full");
        }));
        Assert.Equal("good", File.ReadAllText(Path.Combine(target, "main.csv")));
        Assert.Equal(["sheets"], Entries());
    }

    [Fact]
    public void A_file_cannot_stand_in_for_a_folder_nor_a_folder_for_a_file()
    {
        var file = Path.Combine(_folder, "file");
        File.WriteAllText(file, "kept");
        Assert.Throws<IOException>(() => AtomicFile.ReplaceFolder(file, _ => 0));
        Assert.Throws<IOException>(() => AtomicFile.Write(_folder, _ => { }));
        Assert.Equal("kept", File.ReadAllText(file));
        Assert.Equal(["file"], Entries());
    }
}
