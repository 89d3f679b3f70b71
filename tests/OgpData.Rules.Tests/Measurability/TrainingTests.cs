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

    [SkippableFact]
    public void The_nested_cross_validation_scores_a_text_as_the_classifier_does()
    {
        // Inside the nested CV, items are scored from their features without re-reading the text; that shortcut
        // must give the classifier's own score (up to the four decimals the weights file keeps).
        var featurized = Trainer.Featurize(Corpus.Read(SharedData.Require(Corpus.RelativePath)));
        var training = featurized.Where(f => Corpus.FoldOf(f.Item.Commitment, 5) != 0).ToList();
        var fitted = Trainer.Fit(training, Trainer.DefaultLambda);
        var classifier = Trainer.Classifier(fitted.ToText());
        foreach (var item in featurized.Where(f => Corpus.FoldOf(f.Item.Commitment, 5) == 0))
        {
            Assert.InRange(fitted.Score(item) - classifier.Classify(item.Item.Text, item.Item.Language).Score, -0.002, 0.002);
        }
    }

    [Fact]
    public void The_held_out_set_and_the_plans_are_fixed()
    {
        // The held-out set is a fixed fifth of the commitments by a salted hash: the same on every machine.
        Assert.False(Corpus.IsHeldOut("FR-2015-1"));
        Assert.Equal(Corpus.IsHeldOut("LU-2019-6"), Corpus.IsHeldOut("LU-2019-6"));
        Assert.Equal("IRM Costa Rica", Corpus.PlanOf(new LabelledMilestone("IRM-Costa Rica-3.1.5-1", "irm-explorer-commitments-2016.csv", "es", "Costa Rica-3.1.5", "x", 'M')));
        Assert.Equal("luxembourg-action-plan-2019-2021.fr.txt", Corpus.PlanOf(new LabelledMilestone("LU-2019-6-2", "luxembourg-action-plan-2019-2021.fr.txt", "fr", "LU-2019-6", "x", 'M')));
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
