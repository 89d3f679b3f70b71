using System.Text;
using System.Text.RegularExpressions;
using OgpData.Testing;

namespace OgpData.Rules.Tests;

/// <summary>
/// The commitments of the Luxembourg action plan 2019–2021 as its text gives them: for each "Engagement #n",
/// the rows of its table of activities (description, start cell, end cell) and its period line. Read from
/// ../shared/data; tests that use it skip when it is absent.
/// </summary>
internal sealed class LuxembourgPlan
{
    public const string RelativePath = "ogp/plans/luxembourg-action-plan-2019-2021.fr.txt";

    public sealed record Row(string Description, string? Start, string? End);

    public sealed record Commitment(int Number, string? Period, IReadOnlyList<Row> Rows);

    public required IReadOnlyList<Commitment> Commitments { get; init; }

    public static LuxembourgPlan Load()
    {
        var lines = File.ReadAllLines(SharedData.Require(RelativePath), Encoding.UTF8);
        var commitments = new List<Commitment>();
        int? number = null;
        string? period = null;
        var rows = new List<Row>();
        var inTable = false;
        foreach (var raw in lines)
        {
            var line = Regex.Replace(raw, "</?p>", "").Trim();
            var heading = Regex.Match(line, @"^Engagement # ?(\d+)");
            if (heading.Success)
            {
                if (number is not null) commitments.Add(new Commitment(number.Value, period, rows));
                number = int.Parse(heading.Groups[1].Value);
                period = null;
                rows = new List<Row>();
                inTable = false;
                continue;
            }
            if (number is null) continue;
            if (period is null && Regex.IsMatch(line, @"^(Date de durée.*?)?(\d+ )?[AÂ]o[uû]t 2019", RegexOptions.IgnoreCase)) period = line;
            if (line.StartsWith("Activités importantes avec des résultats livrables", StringComparison.Ordinal)) { inTable = true; continue; }
            if (line.StartsWith("Coordonnées de contact", StringComparison.Ordinal)) { inTable = false; continue; }
            if (!inTable || line.Length == 0) continue;
            var cells = line.Split('\t').Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
            if (cells.Length >= 3) rows.Add(new Row(cells[0], cells[^2], cells[^1]));
            else if (cells.Length == 2) rows.Add(new Row(cells[0], cells[1], null));
        }
        if (number is not null) commitments.Add(new Commitment(number.Value, period, rows));
        return new LuxembourgPlan { Commitments = commitments };
    }

    /// <summary>The plan as a commitment package: the words kept in startText/endText, the dates left to the rules.</summary>
    public string ToPackageJson()
    {
        var json = new StringBuilder();
        json.Append("{\n  \"version\": \"1.0\",\n  \"actionPlans\": [{\n    \"id\": \"LU-2019-2021\", \"member\": \"LU\", \"language\": \"fr\",\n");
        json.Append("    \"period\": { \"startDate\": \"2019-08\", \"endDate\": \"2021-08\" },\n    \"commitments\": [\n");
        for (var c = 0; c < Commitments.Count; c++)
        {
            var commitment = Commitments[c];
            var id = "LU" + commitment.Number.ToString("D4");
            json.Append("      {\n        \"id\": \"").Append(id).Append("\", \"title\": \"Engagement ").Append(commitment.Number).Append("\",\n");
            if (commitment.Period is not null) json.Append("        \"period\": { \"startText\": ").Append(Quote(commitment.Period)).Append(" },\n");
            json.Append("        \"milestones\": [\n");
            for (var r = 0; r < commitment.Rows.Count; r++)
            {
                var row = commitment.Rows[r];
                json.Append("          { \"id\": \"").Append(id).Append('-').Append(r + 1).Append("\", \"description\": ").Append(Quote(row.Description));
                json.Append(", \"period\": {");
                if (row.Start is not null) json.Append(" \"startText\": ").Append(Quote(row.Start));
                if (row.End is not null) json.Append(row.Start is null ? "" : ",").Append(" \"endText\": ").Append(Quote(row.End));
                json.Append(" } }").Append(r + 1 < commitment.Rows.Count ? ",\n" : "\n");
            }
            json.Append("        ]\n      }").Append(c + 1 < Commitments.Count ? ",\n" : "\n");
        }
        json.Append("    ]\n  }]\n}\n");
        return json.ToString();
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (ch < ' ') builder.Append("\\u").Append(((int)ch).ToString("x4"));
                    else builder.Append(ch);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
