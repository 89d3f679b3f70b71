using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace OgpData.Analyzers.Tests.Verifiers;

/// <summary>Analyzer and code-fix tests over .NET 8 reference assemblies, with the OgpData types in scope.</summary>
internal static class Verify
{
    /// <summary>.NET 8 reference assemblies, from the local package cache when present.</summary>
    public static readonly ReferenceAssemblies Net80 = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.31"),
        Path.Combine("ref", "net8.0"));

    /// <summary>OgpData.Rules (MilestoneTextAttribute, rule catalogue) as a compilation reference.</summary>
    public static readonly MetadataReference RulesAssembly = MetadataReference.CreateFromFile(typeof(MilestoneTextAttribute).Assembly.Location);

    /// <summary>An analyzer test over <paramref name="source"/>, with the OgpData references added.</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Analyzer<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = Net80 };
        test.TestState.AdditionalReferences.Add(RulesAssembly);
        return test;
    }

    /// <summary>A code-fix test from <paramref name="source"/> to <paramref name="fixedSource"/>.</summary>
    public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> CodeFix<TAnalyzer, TCodeFix>(string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = Net80,
        };
        test.TestState.AdditionalReferences.Add(RulesAssembly);
        test.FixedState.AdditionalReferences.Add(RulesAssembly);
        // A fix may leave a diagnostic on purpose (a placeholder to fill in): the fixed code's markup says where.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test;
    }
}
