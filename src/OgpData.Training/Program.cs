using System.Globalization;
using OgpData.Measurability;
using OgpData.Training;

// dotnet run --project src/OgpData.Training -c Release -- train      writes src/OgpData.Rules/Measurability/Model/weights.txt
// dotnet run --project src/OgpData.Training -c Release -- evaluate   prints the cross-validated tables of docs/measurability.md
// dotnet run --project src/OgpData.Training -c Release -- lambda     cross-validated AUC per regularisation
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
        Console.Error.WriteLine("usage: OgpData.Training train|evaluate|lambda|classes [--lambda x] | explain \"text\" [language]");
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
