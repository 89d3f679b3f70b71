using System.Globalization;
using System.Text;
using OgpData.Measurability;

namespace OgpData.Training;

/// <summary>A corpus item as features: the class values and the names of its word, head and pair features.</summary>
internal sealed record Featurized(LabelledMilestone Item, double[] ClassValues, string[] Terms);

/// <summary>
/// L2-regularised logistic regression over <see cref="MeasurabilityFeatures"/>, by Nesterov-accelerated
/// gradient descent with a fixed step and a fixed number of iterations over items in corpus order: no
/// randomness, so the same corpus gives the same weights file, byte for byte.
/// </summary>
internal static class Trainer
{
    /// <summary>The regularisation of every weight but the bias.</summary>
    public const double DefaultLambda = 2.0;

    /// <summary>A word, head or pair feature is kept when it occurs in at least this many commitments of the training items.</summary>
    public const int MinimumCommitments = 3;

    private const int Iterations = 4000;

    /// <summary>How much harder class weights are held to their prior than word weights to 0.</summary>
    private const double ClassPenalty = 2;

    private static double Prior(MeasurabilityCueKind kind) => kind switch
    {
        MeasurabilityCueKind.Hedge or MeasurabilityCueKind.Negation => -2,
        MeasurabilityCueKind.VagueActivity => -1,
        MeasurabilityCueKind.BarePhase => -0.5,
        _ => 1,
    };
    private const int Slots = MeasurabilityModel.DenseSlots;

    /// <summary>Reads every item through the classifier's own feature code, with a vocabulary of stems open to every word.</summary>
    public static List<Featurized> Featurize(IReadOnlyList<LabelledMilestone> corpus)
    {
        var model = MeasurabilityModel.ForTraining();
        var classifier = new MeasurabilityClassifier(null, model);
        var result = new List<Featurized>(corpus.Count);
        foreach (var item in corpus)
        {
            var features = classifier.ReadFeatures(item.Text, item.Language, out _);
            var terms = new List<string>(features.Terms.Count);
            foreach (var term in features.Terms)
            {
                var name = term.Kind switch
                {
                    TermKind.Word => "word " + model.Stems[term.Stem],
                    TermKind.Head => "head " + model.Stems[term.Stem],
                    _ => "pair " + model.Stems[term.Stem] + " " + model.Stems[term.SecondStem],
                };
                if (!terms.Contains(name)) terms.Add(name);
            }
            result.Add(new Featurized(item, (double[])features.ClassValues.Clone(), terms.ToArray()));
        }
        return result;
    }

    /// <summary>Learns from the M and N items (B is left out: the readers disagreed) and returns the weights file text.</summary>
    public static string Train(IReadOnlyList<Featurized> items, double lambda) => Fit(items, lambda).ToText();

    /// <summary>Learns from the M and N items: the fitted weights, before they are written.</summary>
    public static Fitted Fit(IReadOnlyList<Featurized> items, double lambda)
    {
        var training = items.Where(i => i.Item.Label != 'B').ToList();

        // Term features: those in enough distinct commitments, numbered in ordinal order of their names.
        var commitmentsByTerm = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var item in training)
        {
            foreach (var term in item.Terms)
            {
                if (!commitmentsByTerm.TryGetValue(term, out var set)) commitmentsByTerm[term] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(item.Item.Commitment);
            }
        }
        var names = commitmentsByTerm.Where(p => p.Value.Count >= MinimumCommitments).Select(p => p.Key).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < names.Count; k++) index[names[k]] = Slots + k;
        var dimension = Slots + names.Count;

        var rows = new List<(int[] Columns, double[] Values, double Label)>(training.Count);
        foreach (var item in training)
        {
            var columns = new List<int>();
            var values = new List<double>();
            for (var s = 0; s < Slots; s++)
            {
                if (item.ClassValues[s] == 0) continue;
                columns.Add(s);
                values.Add(item.ClassValues[s]);
            }
            foreach (var term in item.Terms)
            {
                if (!index.TryGetValue(term, out var column)) continue;
                columns.Add(column);
                values.Add(1);
            }
            rows.Add((columns.ToArray(), values.ToArray(), item.Item.Label == 'M' ? 1 : item.Item.Label == 'N' ? 0 : 0.5));
        }

        // Class weights shrink towards a linguistic prior — an output, event, number or date counts for the
        // milestone (+1), a vague activity or a bare phase against it (-1, -0.5), and a hedge or a negation
        // strongly against it (-2: it takes back the promise); 1.5 times that heading the milestone — so that
        // a class the corpus rarely shows (hedges, negations) keeps its linguistic sign and size. Pattern,
        // word, head and pair weights shrink towards 0.
        var penalty = new double[dimension];
        var prior = new double[dimension];
        for (var j = 0; j < dimension; j++) penalty[j] = j < MeasurabilityModel.PatternSlot ? ClassPenalty * lambda : lambda;
        for (var s = 0; s < MeasurabilityModel.PatternSlot; s++)
        {
            var weight = Prior((MeasurabilityCueKind)(s % MeasurabilityModel.ClassSlots));
            prior[s] = s < MeasurabilityModel.ClassSlots ? weight : 1.5 * weight;
        }
        var (weights, bias) = Minimise(rows, dimension, penalty, prior);
        var termWeights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < names.Count; k++) termWeights[names[k]] = weights[Slots + k];
        return new Fitted(training.Count, lambda, bias, weights.Take(Slots).ToArray(), names, termWeights);
    }

    /// <summary>Fitted weights: the dense slots, then the kept term features in ordinal order of their names.</summary>
    internal sealed record Fitted(int Items, double Lambda, double Bias, double[] SlotWeights, List<string> Names, Dictionary<string, double> TermWeights)
    {
        /// <summary>
        /// The score of an already featurized text: the same sum the classifier makes (up to the four decimals
        /// the weights file keeps); used inside the nested cross-validation, where re-reading every text per
        /// model would cost more than the fitting.
        /// </summary>
        public double Score(Featurized item)
        {
            var z = Bias;
            for (var s = 0; s < Slots; s++) z += SlotWeights[s] * item.ClassValues[s];
            foreach (var term in item.Terms)
            {
                if (TermWeights.TryGetValue(term, out var w)) z += w;
            }
            return 1.0 / (1.0 + Math.Exp(-z));
        }

        public string ToText()
        {
            var text = new StringBuilder();
            text.Append("# OGP0001 measurability weights, learned from ../shared/data/").Append(Corpus.RelativePath).Append('\n');
            text.Append("# by: dotnet run --project src/OgpData.Training -c Release -- train   (do not edit by hand)\n");
            text.Append(string.Create(CultureInfo.InvariantCulture, $"# {Items} items (M and N), lambda {Lambda}, features in >= {MinimumCommitments} commitments, {Iterations} iterations\n"));
            text.Append("bias ").Append(Format(Bias)).Append('\n');
            for (var s = 0; s < Slots; s++) text.Append(SlotLine(s)).Append(' ').Append(Format(SlotWeights[s])).Append('\n');
            foreach (var name in Names)
            {
                var w = Format(TermWeights[name]);
                if (w is "0.0000" or "-0.0000") continue;
                text.Append(name).Append(' ').Append(w).Append('\n');
            }
            return text.ToString();
        }
    }

    /// <summary>"class deliverable", "class-head vague", "pattern no-output".</summary>
    private static string SlotLine(int slot) =>
        slot >= MeasurabilityModel.PatternSlot ? "pattern " + MeasurabilityModel.PatternName(slot - MeasurabilityModel.PatternSlot)
        : (slot < MeasurabilityModel.ClassSlots ? "class " : "class-head ") + MeasurabilityModel.SlotName(slot % MeasurabilityModel.ClassSlots);

    private static string Format(double w) => w.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Minimises the summed log loss plus half the weighted squared distance to the prior (the bias is not penalised).</summary>
    private static (double[] Weights, double Bias) Minimise(List<(int[] Columns, double[] Values, double Label)> rows, int dimension, double[] penalty, double[] prior)
    {
        // Step 1/L with L a bound on the curvature: a quarter of the summed squared row norms, plus the penalty.
        var curvature = 0.0;
        foreach (var row in rows)
        {
            var norm = 1.0; // the bias column
            foreach (var v in row.Values) norm += v * v;
            curvature += norm / 4;
        }
        var step = 1.0 / (curvature + penalty.Max());

        var w = new double[dimension + 1]; // the last is the bias
        Array.Copy(prior, w, dimension);
        var previous = (double[])w.Clone();
        var look = new double[dimension + 1];
        var gradient = new double[dimension + 1];
        for (var t = 1; t <= Iterations; t++)
        {
            var momentum = (t - 1.0) / (t + 2.0);
            for (var j = 0; j <= dimension; j++) look[j] = w[j] + momentum * (w[j] - previous[j]);
            for (var j = 0; j < dimension; j++) gradient[j] = penalty[j] * (look[j] - prior[j]);
            gradient[dimension] = 0;
            foreach (var (columns, values, label) in rows)
            {
                var z = look[dimension];
                for (var k = 0; k < columns.Length; k++) z += look[columns[k]] * values[k];
                var error = 1.0 / (1.0 + Math.Exp(-z)) - label;
                for (var k = 0; k < columns.Length; k++) gradient[columns[k]] += error * values[k];
                gradient[dimension] += error;
            }
            Array.Copy(w, previous, w.Length);
            for (var j = 0; j <= dimension; j++) w[j] = look[j] - step * gradient[j];
        }
        var weights = new double[dimension];
        Array.Copy(w, weights, dimension);
        return (weights, w[dimension]);
    }

    /// <summary>
    /// The weights of the hand-weighted lexicon classifier this one replaced: the lexicon weights as they were
    /// (+1 for the positive kinds, -1 for the negative), times 1.5 heading the milestone, bias -0.5.
    /// </summary>
    public static string HandWeighted()
    {
        var text = new StringBuilder("bias -0.5\n");
        for (var s = 0; s < MeasurabilityModel.PatternSlot; s++)
        {
            var kind = (MeasurabilityCueKind)(s % MeasurabilityModel.ClassSlots);
            var sign = MeasurabilityCueKinds.IsPositive(kind) ? 1 : -1;
            var weight = s < MeasurabilityModel.ClassSlots ? sign : sign * 1.5;
            text.Append(s < MeasurabilityModel.ClassSlots ? "class " : "class-head ").Append(MeasurabilityModel.SlotName((int)kind))
                .Append(' ').Append(weight.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    public static MeasurabilityClassifier Classifier(string weights, MeasurabilityOptions? options = null)
    {
        var errors = new List<string>();
        var model = MeasurabilityModel.Parse(weights, errors);
        if (errors.Count > 0) throw new InvalidDataException(string.Join("; ", errors));
        return new MeasurabilityClassifier(options, model);
    }
}
