namespace OgpData.Measurability;

/// <summary>
/// One piece of evidence the classifier found in a milestone's text: the words as written, where they are,
/// what they mean and how much they weighed.
/// </summary>
public sealed record MeasurabilityCue
{
    /// <summary>The matched words exactly as they appear in the input (the substring at <see cref="Start"/>).</summary>
    public required string Text { get; init; }

    /// <summary>Index of the first matched character in the input text.</summary>
    public required int Start { get; init; }

    /// <summary>Number of characters matched in the input text.</summary>
    public required int Length { get; init; }

    /// <summary>What the words say about measurability.</summary>
    public required MeasurabilityCueKind Kind { get; init; }

    /// <summary>
    /// What the cue added to the score's logit, as learned: the weight of its word class (times the lexicon
    /// strength of the expression, 0 when a negation cancelled it) plus the learned weights of its words.
    /// The weights of all cues plus the model's bias are the logit of <see cref="MeasurabilityVerdict.Score"/>.
    /// Positive weights make the milestone checkable.
    /// </summary>
    public required double Weight { get; init; }

    /// <summary>True when a negation before the cue cancelled it ("ne sera pas publié", "without a report").</summary>
    public bool IsNegated { get; init; }

    /// <summary>True when the cue heads the milestone (among its first two content words): it says what the milestone is.</summary>
    public bool IsHead { get; init; }

    /// <summary>The first character after the cue.</summary>
    public int End => Start + Length;

    /// <summary>
    /// A word cue that is a function word of its language (<c>des</c>, <c>the</c>, <c>para</c>): its learned weight
    /// counts in the score like any other, but it says nothing to a reader, so the explanation does not name it.
    /// </summary>
    internal bool IsFunctionWord { get; init; }

    /// <summary>The kind in the words used by the finding message ("vague activity", "bare phase").</summary>
    public string KindName => MeasurabilityCueKinds.ToName(Kind);
}
