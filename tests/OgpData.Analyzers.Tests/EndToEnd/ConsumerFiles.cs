namespace OgpData.Analyzers.Tests.EndToEnd;

/// <summary>The files of the consumer project the end-to-end tests build against the packed OgpData.</summary>
internal static class ConsumerFiles
{
    public const string Vague = "Poursuite des travaux de sensibilisation";
    public const string Measurable = "Publication de 12 jeux de données sur data.public.lu";

    public const string PlanSource = $$"""
        using OgpData;

        namespace Consumer;

        public static class Plan
        {
            public static void Add([MilestoneText] string milestone) { }

            public static void Build()
            {
                Add("{{Measurable}}");
                Add("{{Vague}}");
            }
        }
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
