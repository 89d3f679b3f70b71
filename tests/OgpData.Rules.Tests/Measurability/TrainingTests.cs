using OgpData.Measurability;
using OgpData.Testing;
using OgpData.Training;

namespace OgpData.Rules.Tests.Measurability;

/// <summary>The embedded weights are what the training command learns from the corpus, and learning is deterministic.</summary>
public class TrainingTests
{
    [SkippableFact]
    public void Training_on_the_corpus_reproduces_the_embedded_weights_byte_for_byte()
    {
        var corpus = Corpus.Read(SharedData.Require(Corpus.RelativePath));
        var featurized = Trainer.Featurize(corpus);

        var first = Trainer.Train(featurized, Trainer.DefaultLambda);
        var second = Trainer.Train(Trainer.Featurize(corpus), Trainer.DefaultLambda);
        Assert.Equal(first, second);

        // If this fails, the lexicons, the features or the corpus changed without re-training:
        // dotnet run --project src/OgpData.Training -c Release -- train
        var embedded = File.ReadAllText(SharedData.InRepo("src/OgpData.Rules/Measurability/Model/weights.txt"));
        Assert.Equal(embedded, first);
    }

    [Fact]
    public void The_embedded_weights_read_without_errors_and_keep_the_linguistic_signs()
    {
        var model = MeasurabilityClassifier.Default.Model;
        // Outputs count for a milestone, vague words, hedges and negations against it, wherever they stand.
        foreach (var kind in new[] { MeasurabilityCueKind.Deliverable, MeasurabilityCueKind.Event, MeasurabilityCueKind.Quantity })
        {
            Assert.True(model.ClassWeight((int)kind) > 0, kind.ToString());
            Assert.True(model.ClassWeight((int)kind + MeasurabilityModel.ClassSlots) > 0, kind + " heading");
        }
        foreach (var kind in new[] { MeasurabilityCueKind.VagueActivity, MeasurabilityCueKind.Hedge, MeasurabilityCueKind.Negation })
        {
            Assert.True(model.ClassWeight((int)kind) < 0, kind.ToString());
            Assert.True(model.ClassWeight((int)kind + MeasurabilityModel.ClassSlots) < 0, kind + " heading");
        }
    }

    [Fact]
    public void A_bad_weights_line_is_reported_not_thrown()
    {
        var errors = new List<string>();
        var model = MeasurabilityModel.Parse("bias 0.5\nclass deliverable x\nword publi 0.3\nnonsense 1\n", errors);
        Assert.Equal(0.5, model.Bias);
        Assert.Equal(["weights:2: 'class deliverable x' does not end with a number", "weights:4: 'nonsense 1' is not a weight line"], errors);
    }
}
