using System.Globalization;

namespace OgpData.Training;

/// <summary>Hyperparameters chosen on training items only, and what the inner cross-validation said of them.</summary>
internal readonly record struct Choice(double Lambda, double Threshold, double InnerRecall, double InnerFpr)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"lambda {Lambda}, threshold {Threshold:0.00} (inner N recall {InnerRecall:0.00}, FPR on M {InnerFpr:0.00})");
}

/// <summary>
/// Honest estimates: hyperparameters (the regularisation and the threshold) are chosen by cross-validation
/// inside the training items of each split, never on the items the split scores.
/// </summary>
internal static class Selection
{
    /// <summary>The regularisations tried.</summary>
    public static readonly double[] Lambdas = [0.5, 1, 2, 4, 8];

    /// <summary>
    /// The false-positive rate on M the threshold is chosen for, inside the training items. Below the product's
    /// limit (0.05) because a threshold set at the edge on one sample overshoots on the next: the margin was
    /// fixed before any figure was read, not tuned.
    /// </summary>
    public const double TargetFpr = 0.04;

    public const int Folds = 5;

    /// <summary>Grouped k-fold scores of <paramref name="items"/> (B included: scored, never learned), in the items' order.</summary>
    public static List<Scored> CrossValidate(IReadOnlyList<Featurized> items, double lambda, Func<string, int, int> foldOf)
    {
        var scores = new double[items.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var training = new List<Featurized>();
            for (var k = 0; k < items.Count; k++)
            {
                if (foldOf(items[k].Item.Commitment, Folds) != fold) training.Add(items[k]);
            }
            var fitted = Trainer.Fit(training, lambda);
            for (var k = 0; k < items.Count; k++)
            {
                if (foldOf(items[k].Item.Commitment, Folds) == fold) scores[k] = fitted.Score(items[k]);
            }
        }
        var scored = new List<Scored>(items.Count);
        for (var k = 0; k < items.Count; k++) scored.Add(new Scored(items[k].Item, scores[k]));
        return scored;
    }

    /// <summary>The largest threshold (0.05 to 0.95 by 0.01) whose FPR on M is at most <paramref name="maxFpr"/>, with its N recall and FPR.</summary>
    public static (double Threshold, double Recall, double Fpr) ThresholdFor(IReadOnlyList<Scored> scored, double maxFpr)
    {
        var best = (Threshold: 0.05, Recall: 0.0, Fpr: 0.0);
        for (var step = 5; step <= 95; step++)
        {
            var t = step / 100.0;
            var (recall, fpr) = Evaluation.Rates(scored, "all", t);
            if (fpr > maxFpr) break;
            best = (t, recall, fpr);
        }
        return best;
    }

    /// <summary>
    /// The regularisation and threshold for <paramref name="training"/>, by grouped cross-validation inside it:
    /// per λ, the threshold that keeps the inner FPR on M at most <see cref="TargetFpr"/>; the λ whose N recall
    /// there is highest (ties: the larger λ, the simpler model).
    /// </summary>
    public static Choice Choose(IReadOnlyList<Featurized> training, Func<string, int, int> foldOf)
    {
        Choice? best = null;
        foreach (var lambda in Lambdas)
        {
            var (threshold, recall, fpr) = ThresholdFor(CrossValidate(training, lambda, foldOf), TargetFpr);
            if (best is null || recall >= best.Value.InnerRecall) best = new Choice(lambda, threshold, recall, fpr);
        }
        return best!.Value;
    }

    /// <summary>
    /// Nested evaluation: each group of items (a fold, or a plan) is scored by weights learned without it,
    /// with λ and threshold chosen by cross-validation inside the rest; each item carries its split's threshold.
    /// </summary>
    public static List<Scored> Nested(IReadOnlyList<Featurized> items, Func<LabelledMilestone, string> groupOf, Action<string, Choice>? report = null)
    {
        var groups = items.Select(i => groupOf(i.Item)).Distinct(StringComparer.Ordinal).OrderBy(g => g, StringComparer.Ordinal).ToList();
        var byId = new Dictionary<string, Scored>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var training = items.Where(i => groupOf(i.Item) != group).ToList();
            var choice = Choose(training, Corpus.InnerFoldOf);
            report?.Invoke(group, choice);
            var classifier = Trainer.Classifier(Trainer.Train(training, choice.Lambda));
            foreach (var item in items.Where(i => groupOf(i.Item) == group))
            {
                byId[item.Item.Id] = new Scored(item.Item, classifier.Classify(item.Item.Text, item.Item.Language).Score, choice.Threshold);
            }
        }
        return items.Select(i => byId[i.Item.Id]).ToList();
    }

    /// <summary>The items' own scores under weights learned from <paramref name="training"/> (the real classifier reads each text).</summary>
    public static List<Scored> Score(IReadOnlyList<Featurized> training, IReadOnlyList<Featurized> scoredItems, double lambda, double threshold)
    {
        var classifier = Trainer.Classifier(Trainer.Train(training, lambda));
        return scoredItems.Select(i => new Scored(i.Item, classifier.Classify(i.Item.Text, i.Item.Language).Score, threshold)).ToList();
    }
}
