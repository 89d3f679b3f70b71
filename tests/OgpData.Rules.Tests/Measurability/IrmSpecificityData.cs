using System.Globalization;
using System.Text;
using OgpData.Measurability;

namespace OgpData.Rules.Tests.Measurability;

/// <summary>One commitment of the IRM explorer file: country, text and the IRM's specificity label.</summary>
internal sealed record IrmCommitment(string Country, string Text, string Specificity)
{
    /// <summary>None/Low: the IRM found nothing (or little) to verify.</summary>
    public bool IsLowSpecificity => Specificity is "None" or "a. low";

    /// <summary>High: the IRM found clearly verifiable milestones.</summary>
    public bool IsHighSpecificity => Specificity == "c. high";

    /// <summary>Held-out half: countries are split by a hash of their name, so no country is in both halves.</summary>
    public bool IsHeldOut => IrmSpecificityData.CountryHash(Country) % 2 == 1;
}

/// <summary>The figures of one evaluation split.</summary>
internal sealed record SplitFigures(string Name, int Low, int High, int Medium, double Auc, double Precision, double Recall,
    double MeanLow, double MeanMedium, double MeanHigh)
{
    public string ToRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name,-22} | {Low,5} | {High,5} | {Auc,6:0.000} | {Precision,9:0.000} | {Recall,6:0.000} | {MeanLow,5:0.00} / {MeanMedium,4:0.00} / {MeanHigh,4:0.00} |");

    public const string Header =
        "| split                  | None/Low | High |    AUC | precision | recall | mean score None-Low / Medium / High |\n" +
        "|------------------------|------:|------:|-------:|----------:|-------:|------|";
}

/// <summary>
/// Reads <c>ogp/irm-2016/irm-explorer-commitments-2016.csv</c> (row 1: column numbers, row 2: names) and
/// measures how well the measurability score separates the IRM's None/Low specificity from High.
/// </summary>
internal static class IrmSpecificityData
{
    public const string RelativePath = "ogp/irm-2016/irm-explorer-commitments-2016.csv";

    public static List<IrmCommitment> Read(string path)
    {
        var rows = ReadCsv(File.ReadAllText(path, Encoding.UTF8));
        var names = rows[1];
        int country = names.IndexOf("Country"), title = names.IndexOf("Commitment Title"), fullText = names.IndexOf("Full Text"), specificity = names.IndexOf("Specificity");
        if (country < 0 || title < 0 || fullText < 0 || specificity < 0)
            throw new InvalidDataException("The IRM file lacks one of Country, Commitment Title, Full Text, Specificity.");
        var commitments = new List<IrmCommitment>();
        for (var r = 2; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count <= Math.Max(fullText, specificity) || row[country].Length == 0) continue;
            var text = StripMarkup(row[title]).Trim() + ".\n" + StripMarkup(row[fullText]).Trim();
            commitments.Add(new IrmCommitment(row[country].Trim(), text, row[specificity].Trim()));
        }
        return commitments;
    }

    public static SplitFigures Evaluate(string name, IEnumerable<(IrmCommitment Commitment, MeasurabilityVerdict Verdict)> scored)
    {
        var low = new List<double>();
        var high = new List<double>();
        var medium = new List<double>();
        int truePositive = 0, falsePositive = 0, falseNegative = 0;
        foreach (var (commitment, verdict) in scored)
        {
            if (commitment.Specificity == "b. medium") medium.Add(verdict.Score);
            if (commitment.IsHighSpecificity)
            {
                high.Add(verdict.Score);
                if (verdict.IsMeasurable) truePositive++; else falseNegative++;
            }
            else if (commitment.IsLowSpecificity)
            {
                low.Add(verdict.Score);
                if (verdict.IsMeasurable) falsePositive++;
            }
        }
        return new SplitFigures(name, low.Count, high.Count, medium.Count, Auc(low, high),
            truePositive + falsePositive == 0 ? 0 : (double)truePositive / (truePositive + falsePositive),
            truePositive + falseNegative == 0 ? 0 : (double)truePositive / (truePositive + falseNegative),
            Mean(low), Mean(medium), Mean(high));
    }

    /// <summary>The probability that a High commitment scores above a None/Low one (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> negatives, IReadOnlyList<double> positives)
    {
        if (negatives.Count == 0 || positives.Count == 0) return double.NaN;
        var all = new List<(double Score, bool Positive)>(negatives.Count + positives.Count);
        foreach (var s in negatives) all.Add((s, false));
        foreach (var s in positives) all.Add((s, true));
        all.Sort((a, b) => a.Score.CompareTo(b.Score));
        double rankSum = 0;
        for (var i = 0; i < all.Count;)
        {
            var j = i;
            while (j < all.Count && all[j].Score == all[i].Score) j++;
            var averageRank = (i + 1 + j) / 2.0; // ranks i+1..j
            for (var k = i; k < j; k++) if (all[k].Positive) rankSum += averageRank;
            i = j;
        }
        return (rankSum - positives.Count * (positives.Count + 1) / 2.0) / ((double)positives.Count * negatives.Count);
    }

    public static uint CountryHash(string country)
    {
        var hash = 2166136261u;
        foreach (var c in country)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }

    private static double Mean(List<double> values) => values.Count == 0 ? double.NaN : values.Average();

    private static string StripMarkup(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inTag = false;
        foreach (var c in text)
        {
            if (c == '<') { inTag = true; builder.Append(' '); continue; }
            if (c == '>' && inTag) { inTag = false; continue; }
            if (!inTag) builder.Append(c);
        }
        return builder.Replace("&amp;", "&").Replace("&nbsp;", " ").ToString();
    }

    /// <summary>RFC 4180: commas, double quotes doubled inside quoted fields, newlines inside quotes.</summary>
    private static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = new List<string>(); break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
