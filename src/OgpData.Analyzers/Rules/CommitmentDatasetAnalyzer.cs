using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OgpData.Analyzers.Datasets;
using OgpData.Analyzers.Infrastructure;
using OgpData.Findings;
using OgpData.Quality;
using OgpData.Quality.Rules;
using OgpData.Text;

namespace OgpData.Analyzers.Rules;

/// <summary>
/// Every commitment rule (OGP0001–OGP0011) on the dataset files of a project: the AdditionalFiles named
/// <c>*.commitments.json</c> or <c>*.commitments.csv</c>, or given with <c>OgpDataKind="commitments"</c>. Findings are reported inside the
/// file at their exact span, so the build prints <c>data/plan.commitments.json(15,30): warning OGP0001: ...</c>.
/// A file that is not JSON gets one OGP0000 diagnostic where the reading stopped, and nothing else.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class CommitmentDatasetAnalyzer : DiagnosticAnalyzer
{
    /// <summary>One checker and result cache per distinct option set (threshold, language).</summary>
    private static readonly ConcurrentDictionary<string, DatasetChecker> CheckersByOptions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = OgpDescriptors.DatasetDescriptorsInOrder();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Guard.Safely<CompilationStartAnalysisContext>(start =>
        {
            if (start.Options.AdditionalFiles.IsEmpty) return;
            TryGetCached cache = start.TryGetValue;
            start.RegisterAdditionalFileAction(Guard.Safely<AdditionalFileAnalysisContext>(file => AnalyzeFile(file, cache)));
        }));
    }

    /// <summary>The compilation's cache of values computed from texts (<c>TryGetValue</c> of the start context).</summary>
    private delegate bool TryGetCached(SourceText text, SourceTextValueProvider<CommitmentCheckResult> provider, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out CommitmentCheckResult result);

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, TryGetCached cache)
    {
        var file = context.AdditionalFile;
        var fileOptions = context.Options.AnalyzerConfigOptionsProvider.GetOptions(file);
        var kind = DatasetFiles.KindOf(file.Path, fileOptions);
        if (kind == DatasetKind.None) return;

        var text = file.GetText(context.CancellationToken);
        if (text is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(OgpDescriptors.UnreadableDataset, Location.Create(file.Path, default, default),
                "The dataset file could not be read."));
            return;
        }

        var options = OgpOptions.Read(fileOptions);
        var checker = CheckersByOptions.GetOrAdd(options.CacheKey, _ => new DatasetChecker(options));
        // Parsed and checked once per text: the build analyses each file once, the IDE reuses the result
        // for as long as the file's text does not change.
        var sheet = kind == DatasetKind.CommitmentsCsv;
        var provider = sheet ? checker.SheetResults : checker.PackageResults;
        var result = cache(text, provider, out var cached) ? cached : (sheet ? checker.CheckSheet(text) : checker.CheckPackage(text));

        if (result.ParseError is { } error)
        {
            var at = new TextSpan(Math.Max(0, Math.Min(error.Offset, text.Length)), 0);
            context.ReportDiagnostic(Diagnostic.Create(OgpDescriptors.UnreadableDataset, Locate(file.Path, text, at),
                (sheet ? "The sheet cannot be read: " : "The dataset is not JSON: ") + error.Message + "."));
            return;
        }

        foreach (var finding in result.Findings)
        {
            if (!OgpDescriptors.ForDatasetFindings.TryGetValue(finding.RuleId, out var descriptor)) continue;
            var span = finding.Span is { } s ? Clamp(s, text.Length) : new TextSpan(0, 0);
            // OGP0001's uncertain milestones come at info, below the rule's own severity.
            context.ReportDiagnostic(finding.Severity == Severity.Info && descriptor.DefaultSeverity > DiagnosticSeverity.Info
                ? Diagnostic.Create(descriptor, Locate(file.Path, text, span), DiagnosticSeverity.Info, null, null, finding.Message)
                : Diagnostic.Create(descriptor, Locate(file.Path, text, span), finding.Message));
        }
    }

    private static Location Locate(string path, SourceText text, TextSpan span) =>
        Location.Create(path, span, text.Lines.GetLinePositionSpan(span));

    private static TextSpan Clamp(SourceSpan span, int length)
    {
        var start = Math.Max(0, Math.Min(span.Start, length));
        var end = Math.Max(start, Math.Min(span.End, length));
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The commitment rules for one option set, with the cache of their results by text.</summary>
    private sealed class DatasetChecker
    {
        private readonly CommitmentChecker _checker;
        private readonly CommitmentRuleOptions _ruleOptions;

        public DatasetChecker(OgpOptions options)
        {
            // The shared rules, with OGP0001 judging by the classifier the .editorconfig options configure.
            _checker = new CommitmentChecker(CommitmentRules.With(options.Classifier));
            _ruleOptions = CommitmentRuleOptions.Default with { DefaultLanguage = options.Language };
            PackageResults = new SourceTextValueProvider<CommitmentCheckResult>(CheckPackage);
            SheetResults = new SourceTextValueProvider<CommitmentCheckResult>(CheckSheet);
        }

        public SourceTextValueProvider<CommitmentCheckResult> PackageResults { get; }

        public SourceTextValueProvider<CommitmentCheckResult> SheetResults { get; }

        public CommitmentCheckResult CheckPackage(SourceText text) => _checker.Run(JsonTextParser.Parse(text.ToString()), _ruleOptions);

        public CommitmentCheckResult CheckSheet(SourceText text) => _checker.Run(CommitmentSheetReader.Read(text.ToString()), _ruleOptions);
    }
}
