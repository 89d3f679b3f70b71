using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OgpData.Measurability;

/// <summary>The one-line reason of a verdict, for the finding message: the words that decided, with their learned weights.</summary>
internal static class MeasurabilityExplanation
{
    /// <summary>How many words a message names.</summary>
    private const int Named = 4;

    /// <summary>
    /// The outcome, then the cues that moved the score most, strongest first, each with its learned weight:
    /// <c>no verifiable deliverable or quantified target: "Sensibilisation" (vague activity) -1.21, "publications"
    /// (deliverable) +0.40</c>; <c>measurable: "Publication" (deliverable) +1.60, "rapport" (deliverable) +0.85</c>.
    /// A negated output is named as such: <c>"publié" (deliverable, negated by "ne sera pas")</c>. Function words
    /// (<c>des</c>, <c>the</c>) are not named, though their weights count in the score and stay in the cues.
    /// </summary>
    public static string Write(IReadOnlyList<MeasurabilityCue> cues, MeasurabilityOutcome outcome)
    {
        var builder = new StringBuilder();
        builder.Append(outcome switch
        {
            MeasurabilityOutcome.NotMeasurable => "no verifiable deliverable or quantified target",
            MeasurabilityOutcome.Uncertain => "possibly not measurable",
            _ => "measurable",
        });

        var weighted = new List<MeasurabilityCue>();
        var negated = new List<MeasurabilityCue>();
        MeasurabilityCue? negation = null;
        foreach (var cue in cues)
        {
            if (cue.Kind == MeasurabilityCueKind.Negation && negation is null && cue.Weight != 0) negation = cue;
            if (cue.IsNegated)
            {
                if (negated.Count < 2 && !Contains(negated, cue.Text)) negated.Add(cue);
                continue;
            }
            if (cue.Weight != 0 && !cue.IsFunctionWord) weighted.Add(cue);
        }
        // Strongest first, text order among equals; a word repeated is named once; then the outputs a negation
        // took back (they weigh 0). Sorting first keeps a long text at n log n.
        weighted.Sort((a, b) =>
        {
            var byWeight = Math.Abs(b.Weight).CompareTo(Math.Abs(a.Weight));
            return byWeight != 0 ? byWeight : a.Start.CompareTo(b.Start);
        });
        var ranked = new List<MeasurabilityCue>(Named + negated.Count);
        for (var k = 0; k < weighted.Count && ranked.Count < Named; k++)
        {
            if (!Contains(ranked, weighted[k].Text)) ranked.Add(weighted[k]);
        }
        ranked.AddRange(negated);
        if (ranked.Count == 0) return builder.Append(" named").ToString();

        builder.Append(": ");
        for (var k = 0; k < ranked.Count; k++)
        {
            if (k > 0) builder.Append(", ");
            var cue = ranked[k];
            builder.Append('"').Append(OneLine(cue.Text)).Append("\" (").Append(cue.KindName);
            if (cue.IsNegated)
            {
                builder.Append(", negated");
                if (negation is not null) builder.Append(" by \"").Append(OneLine(negation.Text)).Append('"');
            }
            builder.Append(')');
            // Rounded first: a weight that rounds to zero is not shown, rather than as "-0.00".
            var weight = Math.Round(cue.Weight, 2);
            if (weight != 0) builder.Append(' ').Append(weight.ToString("+0.00;-0.00", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static bool Contains(List<MeasurabilityCue> cues, string text)
    {
        foreach (var cue in cues)
        {
            if (string.Equals(cue.Text, text, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static string OneLine(string text)
    {
        if (text.IndexOfAny(['\n', '\r', '\t']) < 0) return text;
        return text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
    }
}
