using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using OgpData.Analyzers.Infrastructure;
using OgpData.Findings;
using OgpData.Testing;

namespace OgpData.Analyzers.Tests;

public class CatalogueAndDocsTests
{
    public static IEnumerable<DiagnosticAnalyzer> Analyzers() =>
        typeof(OgpDescriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    public static IEnumerable<DiagnosticDescriptor> Exported() =>
        Analyzers().SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First());

    [Fact]
    public void Every_exported_id_has_its_help_link_and_a_docs_page()
    {
        var missing = new List<string>();
        foreach (var descriptor in Exported())
        {
            // No documentation address is configured in this build, so no link: Roslyn then leaves it empty.
            Assert.Equal(RuleCatalog.Get(descriptor.Id).HelpUri ?? "", descriptor.HelpLinkUri);
            if (!File.Exists(SharedData.InRepo($"docs/rules/{descriptor.Id}.md"))) missing.Add(descriptor.Id);
        }
        Assert.True(missing.Count == 0, "No docs/rules page for " + string.Join(", ", missing));
    }

    [Fact]
    public void Descriptors_are_the_catalogue_entries()
    {
        foreach (var descriptor in Exported())
        {
            var rule = RuleCatalog.Get(descriptor.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            // The full description travels with the analyzer: the first section of the rule's page.
            Assert.Equal(rule.Description, descriptor.Description.ToString());
            Assert.True(descriptor.Description.ToString().Length > rule.Title.Length + 20, descriptor.Id + " has no full description");
            Assert.Equal(OgpDescriptors.ToRoslyn(rule.DefaultSeverity), descriptor.DefaultSeverity);
            Assert.Equal(rule.Category, descriptor.Category);
        }
    }

    [Fact]
    public void The_analyzers_export_the_csharp_rules_and_every_ogp_rule_for_datasets()
    {
        var ids = Exported().Select(d => d.Id).ToHashSet();
        Assert.Contains(RuleIds.MilestoneNotMeasurable, ids);
        Assert.Contains(RuleIds.MilestoneWithoutDeadline, ids);
        foreach (var rule in RuleCatalog.All.Where(r => r.Category == "OGP")) Assert.Contains(rule.Id, ids);
    }

    [Fact]
    public void Code_fixes_fix_exported_ids()
    {
        var fixes = typeof(CodeFixes.AddMilestonePeriodCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        Assert.NotEmpty(fixes);
        var ids = Exported().Select(d => d.Id).ToHashSet();
        foreach (var fix in fixes)
        {
            Assert.NotNull(fix.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>());
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, ids));
        }
    }
}
