using Microsoft.CodeAnalysis.Testing;
using OgpData.Analyzers.Infrastructure;
using OgpData.Analyzers.Rules;
using OgpData.Analyzers.Tests.Verifiers;

namespace OgpData.Analyzers.Tests;

/// <summary>
/// An exception escaping an analyzer becomes AD0001 and breaks builds that treat warnings as errors. The
/// verifiers fail a test on AD0001, so each run here also proves that nothing escaped.
/// </summary>
public class NeverThrowTests
{
    private const string MalformedCode = """
        using OgpData.Ogp;
        using OgpData;
        class Plan
        {
            Milestone A() => new Milestone { Description = "Poursuite des travaux" Period = };
            Milestone B() => new Milestone(;
            Milestone C(Milestone m) => m with { Description = $"{" };
            Milestone D() => new Milestone { Description = Undefined.Text, Period = new Period { EndDate = ??? } };
            void E([MilestoneText] string s) { E(); E("a", "b"); E(s: ); }
            [MilestoneText] string F { get; } = 
        """;

    [Fact]
    public async Task Malformed_csharp_never_makes_an_analyzer_throw()
    {
        foreach (var test in new AnalyzerTest<DefaultVerifier>[]
        {
            Verify.Analyzer<MilestoneNotMeasurableAnalyzer>(MalformedCode),
            Verify.Analyzer<MilestoneWithoutDeadlineAnalyzer>(MalformedCode),
        })
        {
            test.TestState.Sources.Add(("Model.cs", ModelSource.Milestone));
            // The compiler's own errors are expected; only the analyzers are under test.
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            // Whatever the rules still see in broken code is fine; an AD0001 is not.
            test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
            test.ExpectedDiagnostics.Clear();
            var diagnostics = await RunCollecting(test);
            Assert.DoesNotContain(diagnostics, d => d.StartsWith("AD", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_guard_swallows_failures_but_lets_cancellation_through()
    {
        var calls = 0;
        Guard.Safely<int>(_ => { calls++; throw new InvalidOperationException("a bug"); })(1);
        Guard.Safely<int>(_ => { calls++; throw new NullReferenceException(); })(2);
        Assert.Equal(2, calls);
        Assert.Throws<OperationCanceledException>(() => Guard.Safely<int>(_ => throw new OperationCanceledException())(3));
    }

    [Fact]
    public async Task The_check_would_see_an_exception_escaping_an_analyzer()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<ThrowingAnalyzer, DefaultVerifier>
        {
            TestCode = "class C { }",
            ReferenceAssemblies = Verify.Net80,
        };
        var diagnostics = await RunCollecting(test);
        Assert.Contains("AD0001", diagnostics);
    }

    /// <summary>An analyzer that lets an exception escape, to prove the check above can fail.</summary>
#pragma warning disable RS1036, RS2008 // a test double, never shipped
    [Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class ThrowingAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
    {
        private static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor Rule =
            new("TEST0001", "t", "t", "t", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, true);

        public override System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("escaped"));
        }
    }
#pragma warning restore RS1036, RS2008

    /// <summary>Runs a test and returns the ids it reported, whatever they are.</summary>
    private static async Task<IReadOnlyList<string>> RunCollecting(AnalyzerTest<DefaultVerifier> test)
    {
        try
        {
            await test.RunAsync();
            return [];
        }
        catch (Exception e) when (e.GetType().Name.Contains("Assert") || e is InvalidOperationException)
        {
            // The verifier lists actual diagnostics in its message as "// path(l,c): severity ID: ...".
            return System.Text.RegularExpressions.Regex.Matches(e.Message, @"(?:warning|error|info|hidden) (\w+):")
                .Select(m => m.Groups[1].Value).ToList();
        }
    }
}
