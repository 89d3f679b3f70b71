using System.Globalization;
using OgpData.Measurability;
using OgpData.Training;

// dotnet run --project src/OgpData.Training -c Release -- train      writes src/OgpData.Rules/Measurability/Model/weights.txt
// dotnet run --project src/OgpData.Training -c Release -- evaluate   prints the cross-validated tables of docs/measurability.md
// dotnet run --project src/OgpData.Training -c Release -- lambda     cross-validated AUC per regularisation
// dotnet run --project src/OgpData.Training -c Release -- develop    nested cross-validation on the development items (held-out set excluded), with their errors
// dotnet run --project src/OgpData.Training -c Release -- heldout    the held-out set and leave-one-plan-out, hyperparameters chosen by nested CV (figures only, no texts)
// dotnet run --project src/OgpData.Training -c Release -- select     the lambda and threshold chosen by cross-validation on the whole corpus (the shipped ones)
// dotnet run --project src/OgpData.Training -c Release -- classes    which lexicon expressions occur in M, N and B items
// dotnet run --project src/OgpData.Training -c Release -- explain "text" [fr|en|es]   one text through the shipped weights
var mode = args.Length > 0 ? args[0] : "evaluate";
var lambda = args.Length > 2 && args[1] == "--lambda" ? double.Parse(args[2], CultureInfo.InvariantCulture) : Trainer.DefaultLambda;
if (mode == "explain")
{
    // One text through the shipped weights: its score, outcome and cues (no corpus needed).
    var verdict = MeasurabilityClassifier.Default.Classify(args[1], args.Length > 2 ? args[2] : null);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verdict.Score:0.000} {verdict.Outcome} ({verdict.Language}): {verdict.Explanation}"));
    foreach (var cue in verdict.Cues) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {cue.Weight:+0.00;-0.00} {cue.KindName}{(cue.IsHead ? " head" : "")}{(cue.IsNegated ? " negated" : "")} \"{cue.Text}\""));
    return 0;
}

var shared = Corpus.FindSharedData() ?? throw new InvalidOperationException("../shared/data is not beside the repository.");
var corpus = Corpus.Read(Path.Combine(shared, Corpus.RelativePath));
var featurized = Trainer.Featurize(corpus);

switch (mode)
{
    case "train":
    {
        var root = FindRepo();
        var path = Path.Combine(root, "src", "OgpData.Rules", "Measurability", "Model", "weights.txt");
        File.WriteAllText(path, Trainer.Train(featurized, lambda));
        Console.WriteLine($"wrote {path}");
        break;
    }
    case "evaluate":
    {
        const int folds = 5;
        var learned = CrossValidate(featurized, folds, lambda);
        var hand = Trainer.Classifier(Trainer.HandWeighted());
        var handScored = corpus.Select(i => new Scored(i, hand.Classify(i.Text, i.Language).Score)).ToList();
        var t = MeasurabilityOptions.DefaultThreshold;
        var u = MeasurabilityOptions.DefaultUncertainBelow;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Corpus: {corpus.Count} items; learned: {folds}-fold cross-validation grouped by commitment, lambda {lambda}, threshold {t}, uncertain below {u}; hand-weighted: threshold 0.5 (it has no training)."));
        Console.WriteLine();
        Console.WriteLine(Evaluation.Header);
        foreach (var lang in new[] { "fr", "en", "es", "all" })
        {
            Console.WriteLine(Evaluation.Row("hand weights, current lexicons", lang, handScored, 0.5, 0.5));
            Console.WriteLine(Evaluation.Row("learned (held-out folds)", lang, learned, t, u));
        }
        var luxembourg = learned.Where(s => s.Item.Source.Contains("luxembourg", StringComparison.OrdinalIgnoreCase)).ToList();
        var luxembourgHand = handScored.Where(s => s.Item.Source.Contains("luxembourg", StringComparison.OrdinalIgnoreCase)).ToList();
        Console.WriteLine(Evaluation.Row("hand weights, Luxembourg plan", "fr", luxembourgHand, 0.5, 0.5));
        Console.WriteLine(Evaluation.Row("learned, Luxembourg plan", "fr", luxembourg, t, u));
        Console.WriteLine();
        Console.WriteLine("Threshold sweep (learned, held-out folds): N recall / FPR on M");
        Console.WriteLine("| threshold | fr | en | es | all |");
        Console.WriteLine("|--:|--|--|--|--|");
        for (var threshold = 0.15; threshold < 0.751; threshold += 0.05)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {threshold:0.00} | {Evaluation.Pair(learned, "fr", threshold)} | {Evaluation.Pair(learned, "en", threshold)} | {Evaluation.Pair(learned, "es", threshold)} | {Evaluation.Pair(learned, "all", threshold)} |"));
        }
        Console.WriteLine();
        Console.WriteLine(Evaluation.Errors(learned, t, 25));
        break;
    }
    case "lambda":
    {
        foreach (var l in new[] { 0.3, 1.0, 2.0, 4.0, 8.0 })
        {
            var scored = CrossValidate(featurized, 5, l);
            var m = scored.Where(s => s.Item.Label == 'M').Select(s => s.Score).ToList();
            var n = scored.Where(s => s.Item.Label == 'N').Select(s => s.Score).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lambda {l}: AUC N vs M {Evaluation.Auc(m, n):0.000}"));
        }
        break;
    }
    case "develop":
    {
        // What tuning may read: the development items only, each scored by weights learned without its
        // commitment's fold, λ and threshold chosen inside the other folds.
        var development = featurized.Where(f => !Corpus.IsHeldOut(f.Item.Commitment)).ToList();
        var nested = Selection.Nested(development, i => "fold " + Corpus.FoldOf(i.Commitment, Selection.Folds),
            (group, choice) => Console.WriteLine($"{group}: {choice}"));
        Console.WriteLine($"Development items: {development.Count} (held-out set excluded); nested 5-fold CV grouped by commitment.");
        Console.WriteLine();
        Console.WriteLine(Evaluation.Header);
        foreach (var lang in new[] { "fr", "en", "es", "all" }) Console.WriteLine(Evaluation.Row("nested CV, development", lang, nested, double.NaN, MeasurabilityOptions.DefaultUncertainBelow));
        var fixedScores = CrossValidate(development, 5, Trainer.DefaultLambda);
        foreach (var lang in new[] { "fr", "en", "es", "all" }) Console.WriteLine(Evaluation.Row($"CV, development, lambda {Trainer.DefaultLambda}, threshold {MeasurabilityOptions.DefaultThreshold}", lang, fixedScores, MeasurabilityOptions.DefaultThreshold, MeasurabilityOptions.DefaultUncertainBelow));
        var pooled = Selection.ThresholdFor(fixedScores, 0.05);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CV, development, lambda {Trainer.DefaultLambda}: best N recall at FPR on M <= 0.05: {pooled.Recall:0.00} (threshold {pooled.Threshold:0.00}, FPR {pooled.Fpr:0.00})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"AUC N vs M (nested): {Evaluation.Auc(nested.Where(s => s.Item.Label == 'M').Select(s => s.Score).ToList(), nested.Where(s => s.Item.Label == 'N').Select(s => s.Score).ToList()):0.000}"));
        Console.WriteLine();
        Console.WriteLine(Evaluation.Errors(nested, double.NaN, 40));
        break;
    }
    case "heldout":
    {
        // Figures only: the held-out items are never printed, so that they are not read while tuning.
        var development = featurized.Where(f => !Corpus.IsHeldOut(f.Item.Commitment)).ToList();
        var heldOut = featurized.Where(f => Corpus.IsHeldOut(f.Item.Commitment)).ToList();
        var choice = Selection.Choose(development, Corpus.FoldOf);
        Console.WriteLine($"Held-out set: {heldOut.Count} items of {heldOut.Select(f => f.Item.Commitment).Distinct().Count()} commitments; development: {development.Count} items.");
        Console.WriteLine($"Chosen by 5-fold CV on the development items: {choice}");
        Console.WriteLine();
        var chosen = Selection.Score(development, heldOut, choice.Lambda, choice.Threshold);
        var shipped = Selection.Score(development, heldOut, Trainer.DefaultLambda, MeasurabilityOptions.DefaultThreshold);
        Console.WriteLine(Evaluation.Header);
        foreach (var lang in new[] { "fr", "en", "es", "all" })
        {
            Console.WriteLine(Evaluation.Row("held-out, nested choice", lang, chosen, double.NaN, MeasurabilityOptions.DefaultUncertainBelow));
            Console.WriteLine(Evaluation.Row($"held-out, lambda {Trainer.DefaultLambda}, threshold {MeasurabilityOptions.DefaultThreshold}", lang, shipped, double.NaN, MeasurabilityOptions.DefaultUncertainBelow));
        }
        Console.WriteLine();
        var plans = Selection.Nested(featurized, Corpus.PlanOf);
        var plansShipped = new List<Scored>();
        foreach (var plan in featurized.Select(f => Corpus.PlanOf(f.Item)).Distinct().OrderBy(p => p, StringComparer.Ordinal))
        {
            plansShipped.AddRange(Selection.Score(featurized.Where(f => Corpus.PlanOf(f.Item) != plan).ToList(), featurized.Where(f => Corpus.PlanOf(f.Item) == plan).ToList(), Trainer.DefaultLambda, MeasurabilityOptions.DefaultThreshold));
        }
        Console.WriteLine($"Leave one plan out: {featurized.Select(f => Corpus.PlanOf(f.Item)).Distinct().Count()} plans (France's self-assessment, Luxembourg's plan, one per IRM country).");
        Console.WriteLine(Evaluation.Header);
        foreach (var lang in new[] { "fr", "en", "es", "all" })
        {
            Console.WriteLine(Evaluation.Row("leave one plan out, nested choice", lang, plans, double.NaN, MeasurabilityOptions.DefaultUncertainBelow));
            Console.WriteLine(Evaluation.Row($"leave one plan out, lambda {Trainer.DefaultLambda}, threshold {MeasurabilityOptions.DefaultThreshold}", lang, plansShipped, double.NaN, MeasurabilityOptions.DefaultUncertainBelow));
        }
        foreach (var plan in new[] { "france-self-assessment-2015-2017.fr.txt", "luxembourg-action-plan-2019-2021.fr.txt" })
        {
            Console.WriteLine(Evaluation.Row("leave one plan out, nested: " + plan, "all", plans.Where(s => Corpus.PlanOf(s.Item) == plan).ToList(), double.NaN, MeasurabilityOptions.DefaultUncertainBelow));
        }
        Console.WriteLine(Evaluation.Row("leave one plan out, nested: IRM countries", "all", plans.Where(s => Corpus.PlanOf(s.Item).StartsWith("IRM ", StringComparison.Ordinal)).ToList(), double.NaN, MeasurabilityOptions.DefaultUncertainBelow));
        break;
    }
    case "select":
    {
        var choice = Selection.Choose(featurized, Corpus.FoldOf);
        Console.WriteLine($"Chosen by 5-fold CV on the whole corpus: {choice}");
        break;
    }
    case "classes":
    {
        // Which lexicon expressions occur in M, N and B items: what the class weights are learned from.
        var classifier = Trainer.Classifier(Trainer.HandWeighted());
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var item in corpus)
        {
            foreach (var cue in classifier.Classify(item.Text, item.Language).Cues)
            {
                var key = cue.KindName + " | " + cue.Text.ToLowerInvariant();
                if (!counts.TryGetValue(key, out var c)) counts[key] = c = new int[3];
                c[item.Label == 'M' ? 0 : item.Label == 'N' ? 1 : 2]++;
            }
        }
        foreach (var (key, c) in counts) Console.WriteLine($"{key}: M {c[0]} N {c[1]} B {c[2]}");
        break;
    }
    default:
        Console.Error.WriteLine("usage: OgpData.Training train|evaluate|develop|heldout|select|lambda|classes [--lambda x] | explain \"text\" [language]");
        return 2;
}
return 0;

static List<Scored> CrossValidate(List<Featurized> items, int folds, double lambda)
{
    var scored = new List<Scored>();
    for (var fold = 0; fold < folds; fold++)
    {
        var training = items.Where(i => Corpus.FoldOf(i.Item.Commitment, folds) != fold).ToList();
        var classifier = Trainer.Classifier(Trainer.Train(training, lambda));
        foreach (var item in items.Where(i => Corpus.FoldOf(i.Item.Commitment, folds) == fold))
        {
            scored.Add(new Scored(item.Item, classifier.Classify(item.Item.Text, item.Item.Language).Score));
        }
    }
    // Corpus order, so the printed lists do not depend on the fold loop.
    var order = items.Select((f, k) => (f.Item.Id, k)).ToDictionary(p => p.Id, p => p.k, StringComparer.Ordinal);
    return scored.OrderBy(s => order[s.Item.Id]).ToList();
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "OgpData.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("Run from inside the repository.");
}
