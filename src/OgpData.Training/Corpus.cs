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
    public static int FoldOf(string commitment, int folds) => (int)(Hash(commitment) % (uint)folds);

    /// <summary>
    /// The fold of a commitment inside a training set that is itself one side of a split: the same key with a
    /// salt, so that the inner folds cut across the outer ones (the unsalted hash would leave an inner fold empty).
    /// </summary>
    public static int InnerFoldOf(string commitment, int folds) => (int)(Hash("inner:" + commitment) % (uint)folds);

    /// <summary>
    /// Whether a commitment belongs to the held-out set: a fixed fifth of the commitments, by a salted hash of
    /// their key (independent of the folds). Its items are scored once, by a model and hyperparameters chosen
    /// without them, and the tool never prints their texts: they are not read while tuning.
    /// </summary>
    public static bool IsHeldOut(string commitment) => Hash("held-out-2026:" + commitment) % 5 == 0;

    /// <summary>
    /// The plan a milestone comes from: France's self-assessment, Luxembourg's plan, or for the IRM texts the
    /// country (each country's commitments are its plan). Leaving one plan out is the closest estimate of a
    /// plan the model has never seen.
    /// </summary>
    public static string PlanOf(LabelledMilestone item)
    {
        if (!item.Source.StartsWith("irm", StringComparison.OrdinalIgnoreCase)) return item.Source;
        var dash = item.Commitment.IndexOf('-');
        return "IRM " + (dash > 0 ? item.Commitment.Substring(0, dash) : item.Commitment);
    }

    /// <summary>FNV-1a over the characters: stable across runs and platforms (string.GetHashCode is not).</summary>
    private static uint Hash(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
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
