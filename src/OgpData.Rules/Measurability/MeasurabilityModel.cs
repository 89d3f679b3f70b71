using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace OgpData.Measurability;

/// <summary>
/// The learned weights of the measurability classifier: a logistic regression over features a reader of
/// action plans would look at. Written by the training command (<c>src/OgpData.Training</c>) into
/// <c>Model/weights.txt</c>, embedded in the assembly; never edited by hand.
/// </summary>
/// <remarks>
/// Features (see <see cref="MeasurabilityFeatures"/>): per word class of the lexicons (deliverable, event,
/// quantity, date, vague activity, hedge, negation, bare phase), its strength in the text, split by whether the
/// class heads the milestone; the stem of every word; the stem of the head word; pairs of adjacent stems.
/// File format, one weight a line: <c>bias w</c>, <c>class kind w</c>, <c>class-head kind w</c>, <c>pattern name w</c>,
/// <c>word stem w</c>, <c>head stem w</c>, <c>pair stem stem w</c>; <c>#</c> starts a comment.
/// </remarks>
internal sealed class MeasurabilityModel
{
    /// <summary>A word's stem is its first five folded letters: "publication", "publier", "publicación" share "publi".</summary>
    public const int StemLength = 5;

    /// <summary>Shorter folded words (articles, "de", "of") carry no word feature.</summary>
    public const int MinimumWordLength = 3;

    /// <summary>Class slots: one per cue kind that comes from the lexicons, twice (anywhere, heading the milestone).</summary>
    public const int ClassSlots = (int)MeasurabilityCueKind.BarePhase + 1;

    /// <summary>The first pattern slot: after the class slots, one per <see cref="MeasurabilityPattern"/>.</summary>
    public const int PatternSlot = ClassSlots * 2;

    /// <summary>Class slots and pattern slots: the dense part of the features.</summary>
    public const int DenseSlots = PatternSlot + (int)MeasurabilityPattern.NoOutput + 1;

    private const string ResourceName = "OgpData.Measurability.Model.weights.txt";

    private static readonly Lazy<MeasurabilityModel> BuiltInModel = new(LoadBuiltIn);

    private readonly double[] _classWeights = new double[DenseSlots];
    private readonly Dictionary<long, double> _pairWeights = new();
    private double[] _wordWeights = [];
    private double[] _headWeights = [];

    private MeasurabilityModel(bool open) => IsOpen = open;

    /// <summary>The model embedded in the assembly.</summary>
    public static MeasurabilityModel BuiltIn => BuiltInModel.Value;

    /// <summary>The stems that carry a weight (or, while training, every stem seen).</summary>
    public Vocabulary Stems { get; } = new();

    /// <summary>True while training: every stem is added to <see cref="Stems"/>.</summary>
    public bool IsOpen { get; }

    /// <summary>The logit of a text with no feature at all.</summary>
    public double Bias { get; private set; }

    /// <summary>An empty model whose vocabulary of stems grows with the texts read: for the training command.</summary>
    public static MeasurabilityModel ForTraining() => new(open: true);

    /// <summary>The weight of a dense slot: a class (<c>kind</c>, plus <see cref="ClassSlots"/> when the cue heads the milestone) or a pattern.</summary>
    public double ClassWeight(int slot) => _classWeights[slot];

    public double WordWeight(int stem) => stem >= 0 && stem < _wordWeights.Length ? _wordWeights[stem] : 0;

    public double HeadWeight(int stem) => stem >= 0 && stem < _headWeights.Length ? _headWeights[stem] : 0;

    public double PairWeight(int first, int second) =>
        first >= 0 && second >= 0 && _pairWeights.TryGetValue(PairKey(first, second), out var w) ? w : 0;

    public static long PairKey(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>The slot name written in the weights file: the kind as in the lexicon files.</summary>
    public static string SlotName(int kind) => kind switch
    {
        (int)MeasurabilityCueKind.Deliverable => "deliverable",
        (int)MeasurabilityCueKind.Quantity => "quantity",
        (int)MeasurabilityCueKind.Date => "date",
        (int)MeasurabilityCueKind.Event => "event",
        (int)MeasurabilityCueKind.VagueActivity => "vague",
        (int)MeasurabilityCueKind.Hedge => "hedge",
        (int)MeasurabilityCueKind.Negation => "negation",
        _ => "phase",
    };

    /// <summary>The name of a pattern in the weights file.</summary>
    public static string PatternName(int pattern) => pattern switch
    {
        (int)MeasurabilityPattern.ActivityOnOutput => "activity-on-output",
        (int)MeasurabilityPattern.PhaseOnOutput => "phase-on-output",
        (int)MeasurabilityPattern.OutputHeadAlone => "output-head-alone",
        _ => "no-output",
    };

    /// <summary>
    /// Reads a weights file. The classifier must never fail inside the compiler: a bad line is skipped and
    /// reported in <paramref name="errors"/>.
    /// </summary>
    public static MeasurabilityModel Parse(string text, List<string> errors)
    {
        var model = new MeasurabilityModel(open: false);
        var words = new List<(int Stem, double Weight)>();
        var heads = new List<(int Stem, double Weight)>();
        var lineNumber = 0;
        var buffer = new char[16];
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (!double.TryParse(parts[parts.Length - 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                errors.Add($"weights:{lineNumber}: '{line}' does not end with a number");
                continue;
            }
            switch (parts[0])
            {
                case "bias" when parts.Length == 2:
                    model.Bias = weight;
                    break;
                case "class" or "class-head" when parts.Length == 3 && MeasurabilityCueKinds.TryParse(parts[1], out var kind) && (int)kind < ClassSlots:
                    model._classWeights[(int)kind + (parts[0] == "class-head" ? ClassSlots : 0)] = weight;
                    break;
                case "pattern" when parts.Length == 3 && PatternIndex(parts[1]) is var pattern && pattern >= 0:
                    model._classWeights[PatternSlot + pattern] = weight;
                    break;
                case "word" when parts.Length == 3:
                    words.Add((model.AddStem(parts[1], ref buffer), weight));
                    break;
                case "head" when parts.Length == 3:
                    heads.Add((model.AddStem(parts[1], ref buffer), weight));
                    break;
                case "pair" when parts.Length == 4:
                    model._pairWeights[PairKey(model.AddStem(parts[1], ref buffer), model.AddStem(parts[2], ref buffer))] = weight;
                    break;
                default:
                    errors.Add($"weights:{lineNumber}: '{line}' is not a weight line");
                    break;
            }
        }
        model._wordWeights = Dense(words, model.Stems.Count);
        model._headWeights = Dense(heads, model.Stems.Count);
        return model;
    }

    private static int PatternIndex(string name)
    {
        for (var p = 0; p <= (int)MeasurabilityPattern.NoOutput; p++) if (PatternName(p) == name) return p;
        return -1;
    }

    private int AddStem(string stem, ref char[] buffer)
    {
        if (buffer.Length < stem.Length) buffer = new char[stem.Length * 2];
        stem.CopyTo(0, buffer, 0, stem.Length);
        return Stems.Add(buffer, stem.Length);
    }

    private static double[] Dense(List<(int Stem, double Weight)> weights, int size)
    {
        var dense = new double[size];
        foreach (var (stem, weight) in weights) if (stem >= 0) dense[stem] = weight;
        return dense;
    }

    private static MeasurabilityModel LoadBuiltIn()
    {
        var assembly = typeof(MeasurabilityModel).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded weights '{ResourceName}' are missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var errors = new List<string>();
        var model = Parse(reader.ReadToEnd(), errors);
        if (errors.Count > 0) throw new InvalidOperationException("The embedded weights do not read: " + string.Join("; ", errors));
        return model;
    }
}
