using System.Globalization;
using System.Text;

namespace OgpData.Training;

/// <summary>
/// A score (probability of "measurable") for one corpus item, from a model that never saw its commitment;
/// <paramref name="Threshold"/> is the threshold chosen for its split (nested evaluation), NaN when the
/// evaluation applies one threshold to every item.
/// </summary>
internal readonly record struct Scored(LabelledMilestone Item, double Score, double Threshold = double.NaN)
{
    public bool FlaggedAt(double threshold) => Score < (double.IsNaN(Threshold) ? threshold : Threshold);
}

/// <summary>
/// The figures of the evaluation, per language: N is the positive class (what OGP0001 should flag).
/// Flagged = score below the threshold; uncertain = between the threshold and the upper edge of the band.
/// </summary>
internal static class Evaluation
{
    public const string Header =
        "| classifier | lang | N | M | N recall | N precision | FPR on M | B: flagged / uncertain / measurable | AUC N vs M |\n" +
        "|---|---|--:|--:|--:|--:|--:|--:|--:|";

    public static string Row(string name, string language, IReadOnlyList<Scored> scored, double threshold, double uncertainUpTo)
    {
        int n = 0, m = 0, nFlagged = 0, mFlagged = 0, bFlagged = 0, bUncertain = 0, bMeasurable = 0;
        var nScores = new List<double>();
        var mScores = new List<double>();
        foreach (var s in scored)
        {
            if (language != "all" && s.Item.Language != language) continue;
            var flagged = s.FlaggedAt(threshold);
            switch (s.Item.Label)
            {
                case 'N': n++; nScores.Add(s.Score); if (flagged) nFlagged++; break;
                case 'M': m++; mScores.Add(s.Score); if (flagged) mFlagged++; break;
                default:
                    if (flagged) bFlagged++;
                    else if (s.Score < uncertainUpTo) bUncertain++;
                    else bMeasurable++;
                    break;
            }
        }
        var recall = n == 0 ? double.NaN : (double)nFlagged / n;
        var precision = nFlagged + mFlagged == 0 ? double.NaN : (double)nFlagged / (nFlagged + mFlagged);
        var fpr = m == 0 ? double.NaN : (double)mFlagged / m;
        // AUC of "not measurable": the chance that an N item scores below an M item (ties half).
        var auc = Auc(mScores, nScores);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {language} | {n} | {m} | {recall:0.00} ({nFlagged}/{n}) | {(double.IsNaN(precision) ? "— (none flagged)" : precision.ToString("0.00", CultureInfo.InvariantCulture))} | {fpr:0.00} ({mFlagged}/{m}) | {bFlagged} / {bUncertain} / {bMeasurable} | {auc:0.00} |");
    }

    /// <summary>Mann–Whitney: the probability that a <paramref name="high"/> score exceeds a <paramref name="low"/> one, ties half.</summary>
    public static double Auc(IReadOnlyList<double> high, IReadOnlyList<double> low)
    {
        if (high.Count == 0 || low.Count == 0) return double.NaN;
        double wins = 0;
        foreach (var h in high)
        {
            foreach (var l in low)
            {
                if (h > l) wins += 1;
                else if (h == l) wins += 0.5;
            }
        }
        return wins / ((double)high.Count * low.Count);
    }

    /// <summary>"0.93 / 0.05": N recall and FPR on M at a threshold.</summary>
    public static string Pair(IReadOnlyList<Scored> scored, string language, double threshold)
    {
        var (recall, fpr) = Rates(scored, language, threshold);
        return string.Create(CultureInfo.InvariantCulture, $"{recall:0.00} / {fpr:0.00}");
    }

    /// <summary>N recall and FPR on M at a threshold (an item's own threshold when it carries one), for one language or "all".</summary>
    public static (double Recall, double Fpr) Rates(IReadOnlyList<Scored> scored, string language, double threshold)
    {
        int n = 0, m = 0, nFlagged = 0, mFlagged = 0;
        foreach (var s in scored)
        {
            if (language != "all" && s.Item.Language != language) continue;
            if (s.Item.Label == 'N') { n++; if (s.FlaggedAt(threshold)) nFlagged++; }
            else if (s.Item.Label == 'M') { m++; if (s.FlaggedAt(threshold)) mFlagged++; }
        }
        return (n == 0 ? double.NaN : (double)nFlagged / n, m == 0 ? double.NaN : (double)mFlagged / m);
    }

    /// <summary>The items each classifier gets wrong, N flagged as measurable and M flagged, for the error analysis.</summary>
    public static string Errors(IReadOnlyList<Scored> scored, double threshold, int max)
    {
        var builder = new StringBuilder();
        foreach (var kind in new[] { 'N', 'M' })
        {
            builder.AppendLine(kind == 'N' ? "N read as measurable (missed):" : "M flagged (false alarms):");
            var wrong = scored.Where(s => s.Item.Label == kind && (kind == 'N' ? !s.FlaggedAt(threshold) : s.FlaggedAt(threshold)))
                .OrderBy(s => kind == 'N' ? -s.Score : s.Score).ThenBy(s => s.Item.Id, StringComparer.Ordinal).Take(max);
            foreach (var s in wrong)
            {
                builder.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Score:0.00} {s.Item.Language} {s.Item.Id}: {s.Item.Text}"));
            }
        }
        return builder.ToString();
    }
}
