using System.Text.Json;

namespace OgpData.Training;

/// <summary>One labelled milestone of <c>ogp/measurability/milestones.json</c>.</summary>
internal sealed record LabelledMilestone(string Id, string Source, string Language, string Commitment, string Text, char Label);

/// <summary>Reads the labelled corpus (see its README.md: fields id, language, commitment, text, label).</summary>
internal static class Corpus
{
    public const string RelativePath = "ogp/measurability/milestones.json";

    public static List<LabelledMilestone> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var items = new List<LabelledMilestone>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var label = item.GetProperty("label").GetString();
            if (label is not ("M" or "N" or "B")) throw new InvalidDataException($"{path}: label '{label}' is not M, N or B.");
            items.Add(new LabelledMilestone(
                item.GetProperty("id").GetString()!,
                item.GetProperty("source").GetString()!,
                item.GetProperty("language").GetString()!,
                item.GetProperty("commitment").GetString()!,
                item.GetProperty("text").GetString()!,
                label[0]));
        }
        return items;
    }

    /// <summary>The fold of a commitment: a stable hash of its key, so that no commitment is split across folds.</summary>
    public static int FoldOf(string commitment, int folds)
    {
        var hash = 2166136261u;
        foreach (var c in commitment)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)(hash % (uint)folds);
    }

    /// <summary>../shared/data beside the repository that holds the current folder, or null.</summary>
    public static string? FindSharedData()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OgpData.sln")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared", "data");
                return Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }
        return null;
    }
}
