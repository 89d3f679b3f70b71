using OgpData.Measurability;
using OgpData.Training;

// The hand-weighted lexicon classifier on the labelled corpus, before it is replaced by a learned one:
// dotnet run --project src/OgpData.Training
var shared = Corpus.FindSharedData() ?? throw new InvalidOperationException("../shared/data is not beside the repository.");
var corpus = Corpus.Read(Path.Combine(shared, Corpus.RelativePath));
var classifier = MeasurabilityClassifier.Default;
var scored = corpus.Select(i => new Scored(i, classifier.Classify(i.Text, i.Language).Score)).ToList();
Console.WriteLine(Evaluation.Header);
foreach (var lang in new[] { "fr", "en", "es", "all" }) Console.WriteLine(Evaluation.Row("hand-weighted lexicon", lang, scored, 0.5, 0.5));
var luxembourg = scored.Where(s => s.Item.Source.Contains("luxembourg", StringComparison.OrdinalIgnoreCase)).ToList();
Console.WriteLine(Evaluation.Row("hand-weighted, Luxembourg plan", "fr", luxembourg, 0.5, 0.5));
Console.WriteLine(Evaluation.Errors(scored, 0.5, 15));
