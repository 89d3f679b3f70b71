namespace OgpData.Analyzers.Tests.EndToEnd;

/// <summary>The files of the consumer project the end-to-end tests build against the packed OgpData.</summary>
internal static class ConsumerFiles
{
    public const string Vague = "Poursuite des travaux de sensibilisation";
    public const string Measurable = "Publication de 12 jeux de données sur data.public.lu";

    public const string PlanSource = $$"""
        using OgpData;
        using OgpData.Dates;
        using OgpData.Ogp;

        namespace Consumer;

        public static class Plan
        {
            public static void Add([MilestoneText] string milestone) { }

            public static void Build()
            {
                Add("{{Measurable}}");
                Add("{{Vague}}");
            }

            public static Milestone[] Milestones() =>
            [
                new Milestone { Id = "LU0001-1", Description = "{{Measurable}}", Period = new Period { EndDate = PartialDate.OfMonth(2020, 12) } },
                new Milestone { Id = "LU0001-2", Description = "{{VagueToo}}", Period = new Period { EndDate = PartialDate.OfMonth(2020, 12) } },
                new Milestone { Id = "LU0001-3", Description = "{{Measurable}}" },
            ];
        }
        """;

    public const string VagueToo = "Renforcer la coopération et poursuivre le dialogue";

    /// <summary>A commitment package: one vague milestone, one measurable, one without a deadline.</summary>
    public const string Dataset = $$"""
        {
          "version": "1.0",
          "actionPlans": [{
            "id": "LU-2019-2021", "member": "LU", "language": "fr",
            "period": { "startDate": "2019-08", "endDate": "2021-08" },
            "commitments": [{
              "id": "LU0001", "title": "Données ouvertes",
              "period": { "startDate": "2019-08", "endDate": "2021-08" },
              "leadAgency": { "name": "Ministère d'État" },
              "ogpValues": ["accessToInformation"],
              "contacts": [{ "name": "Service des médias", "organization": "Ministère d'État" }],
              "milestones": [
                { "id": "LU0001-1", "description": "{{Measurable}}", "period": { "startDate": "2019-08", "endDate": "2020-12" } },
                { "id": "LU0001-2", "description": "{{Vague}}", "period": { "startDate": "2019-08", "endDate": "2020-12" } },
                { "id": "LU0001-3", "description": "{{Measurable}}" }
              ]
            }]
          }]
        }
        """;

    /// <summary>The same kind of plan as a commitments CSV sheet: one vague milestone.</summary>
    public const string Sheet = $$"""
        id;title;leadAgency/name;ogpValues;contacts/0/name;milestones/0/id;milestones/0/description;milestones/0/period/startDate;milestones/0/period/endDate
        LU0002;Budget ouvert;Ministère des Finances;accessToInformation;Service presse;LU0002-1;{{Measurable}};2019-08;2020-12
        LU0002;;;;;LU0002-2;{{VagueToo}};2019-08;2020-12
        """;

    /// <summary>A dataset cut short: one OGP0000 where the reading stopped, and nothing else.</summary>
    public const string BrokenDataset = """
        {
          "version": "1.0",
          "actionPlans": [ { "id": "LU-2019-2021" "member": "LU" } ]
        }
        """;

    /// <summary>Severities for every file, the data files included (an .editorconfig section reaches source files only).</summary>
    public const string GlobalConfig = """
        is_global = true
        dotnet_diagnostic.OGP0002.severity = error
        """;

    /// <summary>The same vague text, in a folder whose .editorconfig section raises OGP0001 to an error.</summary>
    public const string StrictSource = $$"""
        using OgpData;

        namespace Consumer.Strict;

        public static class StrictPlan
        {
            public static void Build() => Consumer.Plan.Add("{{Vague}}");
        }
        """;

    /// <summary>And in a folder where the rule is switched off.</summary>
    public const string QuietSource = $$"""
        namespace Consumer.Quiet;

        public static class QuietPlan
        {
            public static void Build() => Consumer.Plan.Add("{{Vague}}");
        }
        """;

    public const string EditorConfig = """
        root = true

        [Strict/*.cs]
        dotnet_diagnostic.OGP0001.severity = error

        [Quiet/*.cs]
        dotnet_diagnostic.OGP0001.severity = none
        """;

    public static string Project(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="OgpData" Version="{version}" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Writes the consumer into <paramref name="directory"/>.</summary>
    public static void Write(string directory, string version)
    {
        Directory.CreateDirectory(Path.Combine(directory, "Strict"));
        Directory.CreateDirectory(Path.Combine(directory, "Quiet"));
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), Project(version));
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), EditorConfig);
        File.WriteAllText(Path.Combine(directory, "Plan.cs"), PlanSource);
        File.WriteAllText(Path.Combine(directory, "Strict", "StrictPlan.cs"), StrictSource);
        File.WriteAllText(Path.Combine(directory, "Quiet", "QuietPlan.cs"), QuietSource);
        File.WriteAllText(Path.Combine(directory, ".globalconfig"), GlobalConfig);
        File.WriteAllText(Path.Combine(directory, "data", "plan.commitments.json"), Dataset);
        File.WriteAllText(Path.Combine(directory, "data", "broken.commitments.json"), BrokenDataset);
        File.WriteAllText(Path.Combine(directory, "data", "budget.commitments.csv"), Sheet);
    }

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="needle"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string needle)
    {
        var offset = text.IndexOf(needle, StringComparison.Ordinal);
        if (offset < 0) throw new ArgumentException($"'{needle}' is not in the text.");
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        }
        return (line, offset - lineStart + 1);
    }
}
