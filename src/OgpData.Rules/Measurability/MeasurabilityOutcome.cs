namespace OgpData.Measurability;

/// <summary>The three answers of the classifier, by where the score falls against the options' thresholds.</summary>
public enum MeasurabilityOutcome
{
    /// <summary>Below <see cref="MeasurabilityOptions.Threshold"/>: OGP0001 fires.</summary>
    NotMeasurable,
    /// <summary>Between the threshold and <see cref="MeasurabilityOptions.UncertainBelow"/>: reported at info, or not at all.</summary>
    Uncertain,
    /// <summary>At or above <see cref="MeasurabilityOptions.UncertainBelow"/>.</summary>
    Measurable,
}
