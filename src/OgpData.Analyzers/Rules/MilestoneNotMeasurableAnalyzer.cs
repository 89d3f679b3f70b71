using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using OgpData.Analyzers.Infrastructure;
using OgpData.Measurability;

namespace OgpData.Analyzers.Rules;

/// <summary>
/// OGP0001 in C#: constant text given as a milestone's description — <c>new Milestone { Description = "..." }</c>,
/// a <c>with</c> expression, a <c>Milestone</c> constructor argument, or any parameter, property or field marked
/// <see cref="MilestoneTextAttribute"/> — that the measurability classifier finds not checkable. Reported at
/// the text itself. Text only known at run time is never judged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MilestoneNotMeasurableAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(OgpDescriptors.MilestoneNotMeasurable);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Guard.Safely<CompilationStartAnalysisContext>(start =>
        {
            var symbols = MilestoneSymbols.From(start.Compilation);
            if (symbols.IsEmpty) return;
            start.RegisterOperationAction(Guard.Safely<OperationAnalysisContext>(c => AnalyzeAssignment(c, symbols)), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(Guard.Safely<OperationAnalysisContext>(c => AnalyzeArgument(c, symbols)), OperationKind.Argument);
            start.RegisterOperationAction(Guard.Safely<OperationAnalysisContext>(c => AnalyzeInitializer(c, symbols)), OperationKind.PropertyInitializer, OperationKind.FieldInitializer);
        }));
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, MilestoneSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        var target = assignment.Target switch
        {
            IPropertyReferenceOperation property => (ISymbol)property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (symbols.IsMilestoneText(target)) Judge(context, assignment.Value);
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, MilestoneSymbols symbols)
    {
        var argument = (IArgumentOperation)context.Operation;
        // An optional argument left out is implicit: there is no text in the code to point at.
        if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.IsImplicit && argument.ArgumentKind != ArgumentKind.ParamArray) return;
        if (symbols.IsMilestoneText(argument.Parameter)) Judge(context, argument.Value);
    }

    private static void AnalyzeInitializer(OperationAnalysisContext context, MilestoneSymbols symbols)
    {
        switch (context.Operation)
        {
            case IPropertyInitializerOperation property:
                foreach (var initialized in property.InitializedProperties)
                {
                    if (symbols.IsMilestoneText(initialized)) { Judge(context, property.Value); return; }
                }
                break;
            case IFieldInitializerOperation field:
                foreach (var initialized in field.InitializedFields)
                {
                    if (symbols.IsMilestoneText(initialized)) { Judge(context, field.Value); return; }
                }
                break;
        }
    }

    /// <summary>Judges every piece of constant text the value can be: a constant, both arms of a conditional, the fallback of <c>??</c>, an interpolated string's text.</summary>
    private static void Judge(OperationAnalysisContext context, IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;

        if (value.ConstantValue is { HasValue: true, Value: string constant })
        {
            JudgeText(context, constant, value.Syntax);
            return;
        }
        switch (value)
        {
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                Judge(context, conditional.WhenTrue);
                Judge(context, conditional.WhenFalse);
                break;
            case ICoalesceOperation coalesce:
                Judge(context, coalesce.WhenNull);
                break;
            case IInterpolatedStringOperation interpolated:
                if (ConstantParts(interpolated) is { } text) JudgeText(context, text, value.Syntax);
                break;
        }
    }

    /// <summary>
    /// The text of an interpolated string as far as the code states it. A hole holding a number stands for a
    /// quantity (so "Publish {count} datasets" counts as quantified); any other hole is left out. Null when
    /// the string is nothing but holes.
    /// </summary>
    private static string? ConstantParts(IInterpolatedStringOperation interpolated)
    {
        var builder = new StringBuilder();
        var hasText = false;
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } }:
                    builder.Append(text);
                    hasText |= text.Trim().Length > 0;
                    break;
                case IInterpolationOperation { Expression: var expression }:
                    if (expression.ConstantValue is { HasValue: true, Value: { } constantHole })
                    {
                        builder.Append(System.Convert.ToString(constantHole, CultureInfo.InvariantCulture));
                    }
                    else if (IsNumber(expression.Type))
                    {
                        builder.Append('1');
                    }
                    else
                    {
                        builder.Append(' ');
                    }
                    break;
            }
        }
        return hasText ? builder.ToString() : null;
    }

    private static bool IsNumber(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
        switch (type?.SpecialType)
        {
            case SpecialType.System_Byte: case SpecialType.System_SByte:
            case SpecialType.System_Int16: case SpecialType.System_UInt16:
            case SpecialType.System_Int32: case SpecialType.System_UInt32:
            case SpecialType.System_Int64: case SpecialType.System_UInt64:
            case SpecialType.System_Single: case SpecialType.System_Double: case SpecialType.System_Decimal:
                return true;
            default:
                return false;
        }
    }

    private static void JudgeText(OperationAnalysisContext context, string text, SyntaxNode at)
    {
        // An empty text is a placeholder, not a milestone: nothing to judge, and no false alarm on defaults.
        if (string.IsNullOrWhiteSpace(text)) return;
        var options = OgpOptions.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(at.SyntaxTree));
        var verdict = options.Classifier.Classify(text, options.Language);
        if (verdict.Outcome == MeasurabilityOutcome.Measurable) return;
        if (verdict.Outcome == MeasurabilityOutcome.Uncertain && !options.Measurability.ReportUncertain) return;
        var message = verdict.Explanation + " (read as " + verdict.Language + ", score " + verdict.Score.ToString("0.00", CultureInfo.InvariantCulture) + ")";
        // Not measurable: the rule's severity (warning, or what .editorconfig says); uncertain: info.
        context.ReportDiagnostic(verdict.Outcome == MeasurabilityOutcome.Uncertain
            ? Diagnostic.Create(OgpDescriptors.MilestoneNotMeasurable, at.GetLocation(), DiagnosticSeverity.Info, null, null, message)
            : Diagnostic.Create(OgpDescriptors.MilestoneNotMeasurable, at.GetLocation(), message));
    }
}
