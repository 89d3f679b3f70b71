using System;
using System.Collections.Generic;
using System.Text;

namespace OgpData.Measurability;

/// <summary>The one-line reason of a verdict, for the finding message: names the words that decided.</summary>
internal static class MeasurabilityExplanation
{
    /// <summary>
    /// "measurable: deliverable "Lancement", …", "no verifiable deliverable or quantified target: vague activity
    /// "sensibilisation", hedge "éventuellement"", "not measurable: vague activity "Sensibilisation" outweighs
    /// deliverable "publications"": the strongest cues on each side, at most three.
    /// </summary>
    public static string Write(IReadOnlyList<MeasurabilityCue> cues, bool measurable)
    {
        var positives = Strongest(cues, positive: true, 3);
        var negatives = Strongest(cues, positive: false, 3);
        var builder = new StringBuilder();
        if (measurable)
        {
            builder.Append("measurable: ");
            AppendCues(builder, positives);
            if (negatives.Count > 0)
            {
                builder.Append("; despite ");
                AppendCues(builder, negatives);
            }
            return builder.ToString();
        }

        var negatedCues = new List<MeasurabilityCue>();
        MeasurabilityCue? negation = null;
        foreach (var cue in cues)
        {
            if (cue.IsNegated) negatedCues.Add(cue);
            if (cue.Kind == MeasurabilityCueKind.Negation && cue.Weight != 0) negation ??= cue;
        }

        if (positives.Count == 0)
        {
            builder.Append("no verifiable deliverable or quantified target");
            if (negatives.Count == 0 && negatedCues.Count == 0) return builder.Append(" named").ToString();
            builder.Append(": ");
            AppendCues(builder, negatives);
            AppendNegated(builder, negatedCues, negation, negatives.Count > 0);
            return builder.ToString();
        }

        if (negatives.Count == 0)
        {
            builder.Append("no verifiable deliverable: only ");
            AppendCues(builder, positives);
            AppendNegated(builder, negatedCues, negation, separator: true);
            return builder.ToString();
        }

        builder.Append("not measurable: ");
        AppendCues(builder, negatives);
        builder.Append(negatives.Count == 1 ? " outweighs " : " outweigh ");
        AppendCues(builder, positives);
        AppendNegated(builder, negatedCues, negation, separator: true);
        return builder.ToString();
    }

    private static List<MeasurabilityCue> Strongest(IReadOnlyList<MeasurabilityCue> cues, bool positive, int count)
    {
        var ranked = new List<MeasurabilityCue>();
        foreach (var cue in cues)
        {
            if (positive ? cue.Weight <= 0 : cue.Weight >= 0 || cue.Kind == MeasurabilityCueKind.Negation) continue;
            if (!Contains(ranked, cue.Text)) ranked.Add(cue); // a word repeated is named once
        }
        // Strongest first, text order among equals (List.Sort is not stable, hence the second key).
        ranked.Sort((a, b) =>
        {
            var byWeight = Math.Abs(b.Weight).CompareTo(Math.Abs(a.Weight));
            return byWeight != 0 ? byWeight : a.Start.CompareTo(b.Start);
        });
        if (ranked.Count > count) ranked.RemoveRange(count, ranked.Count - count);
        return ranked;
    }

    private static bool Contains(List<MeasurabilityCue> cues, string text)
    {
        foreach (var cue in cues)
        {
            if (string.Equals(cue.Text, text, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static void AppendCues(StringBuilder builder, List<MeasurabilityCue> cues)
    {
        for (var k = 0; k < cues.Count; k++)
        {
            if (k > 0) builder.Append(", ");
            AppendCue(builder, cues[k]);
        }
    }

    private static void AppendNegated(StringBuilder builder, List<MeasurabilityCue> negated, MeasurabilityCue? negation, bool separator)
    {
        for (var k = 0; k < negated.Count && k < 2; k++)
        {
            if (separator || k > 0) builder.Append(", ");
            AppendCue(builder, negated[k]);
            builder.Append(" negated");
            if (negation is not null) builder.Append(" by \"").Append(OneLine(negation.Text)).Append('"');
        }
    }

    private static void AppendCue(StringBuilder builder, MeasurabilityCue cue) =>
        builder.Append(cue.KindName).Append(" \"").Append(OneLine(cue.Text)).Append('"');

    private static string OneLine(string text)
    {
        if (text.IndexOfAny(['\n', '\r', '\t']) < 0) return text;
        return text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
    }
}
