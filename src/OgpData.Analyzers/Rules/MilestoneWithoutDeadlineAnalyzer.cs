using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using OgpData.Analyzers.Infrastructure;
using OgpData.Dates;

namespace OgpData.Analyzers.Rules;

/// <summary>
/// OGP0002 in C#: a <c>Milestone</c> created with no period, a null period, or a period without an end
/// date (or with one that is not a partial date). Only what the code states is judged: a period taken from
/// a variable or a method is assumed to carry its deadline.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MilestoneWithoutDeadlineAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property bag key telling the code fix what to add.</summary>
    internal const string MissingKey = "Missing";

    /// <summary>The milestone has no period at all: the fix adds one.</summary>
    internal const string MissingPeriod = "Period";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(OgpDescriptors.MilestoneWithoutDeadline);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Guard.Safely<CompilationStartAnalysisContext>(start =>
        {
            var symbols = MilestoneSymbols.From(start.Compilation);
            if (symbols.Milestone is null) return;
            start.RegisterOperationAction(Guard.Safely<OperationAnalysisContext>(c => AnalyzeCreation(c, symbols)), OperationKind.ObjectCreation);
            start.RegisterOperationAction(Guard.Safely<OperationAnalysisContext>(c => AnalyzeWith(c, symbols)), OperationKind.With);
        }));
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, MilestoneSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!symbols.IsMilestone(creation.Type)) return;

        IOperation? period = null;
        var periodGiven = false;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter && IsNamed(parameter.Name, MilestoneSymbols.PeriodName))
            {
                // An optional parameter left out is an implicit argument holding its default value.
                if (argument.ArgumentKind == ArgumentKind.DefaultValue) continue;
                periodGiven = true;
                period = argument.Value;
            }
        }
        if (creation.Initializer is { } initializer && FindPeriodAssignment(initializer, symbols) is { } assigned)
        {
            periodGiven = true;
            period = assigned;
        }

        if (!periodGiven)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(MissingKey, MissingPeriod);
            context.ReportDiagnostic(Diagnostic.Create(
                OgpDescriptors.MilestoneWithoutDeadline,
                NameLocation(creation.Syntax),
                properties,
                "no period is given; add one with an end date"));
            return;
        }
        JudgePeriod(context, period!);
    }

    private static void AnalyzeWith(OperationAnalysisContext context, MilestoneSymbols symbols)
    {
        var with = (IWithOperation)context.Operation;
        if (!symbols.IsMilestone(with.Type)) return;
        if (FindPeriodAssignment(with.Initializer, symbols) is { } period) JudgePeriod(context, period);
    }

    /// <summary>Judges the expression given as the period: null, or a period created without a readable end date.</summary>
    private static void JudgePeriod(OperationAnalysisContext context, IOperation period)
    {
        var value = Unwrap(period);
        if (IsNullOrDefault(value))
        {
            context.ReportDiagnostic(Diagnostic.Create(OgpDescriptors.MilestoneWithoutDeadline, value.Syntax.GetLocation(), "the period is empty; give it an end date"));
            return;
        }
        if (value is not IObjectCreationOperation periodCreation) return;

        IOperation? endDate = null;
        foreach (var argument in periodCreation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && IsNamed(parameter.Name, MilestoneSymbols.EndDateName))
            {
                endDate = argument.Value;
            }
        }
        if (periodCreation.Initializer is { } initializer)
        {
            foreach (var initializerOperation in initializer.Initializers)
            {
                if (initializerOperation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: MilestoneSymbols.EndDateName } } assignment)
                {
                    endDate = assignment.Value;
                }
            }
        }

        if (endDate is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(OgpDescriptors.MilestoneWithoutDeadline, NameLocation(periodCreation.Syntax), "the period has no end date"));
            return;
        }
        var end = Unwrap(endDate);
        if (IsNullOrDefault(end))
        {
            context.ReportDiagnostic(Diagnostic.Create(OgpDescriptors.MilestoneWithoutDeadline, end.Syntax.GetLocation(), "the period's end date is empty"));
        }
        else if (end.ConstantValue is { HasValue: true, Value: string text } && !PartialDate.TryParse(text, out _))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                OgpDescriptors.MilestoneWithoutDeadline,
                end.Syntax.GetLocation(),
                $"the end date '{text}' is not a partial date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn)"));
        }
    }

    private static IOperation? FindPeriodAssignment(IObjectOrCollectionInitializerOperation initializer, MilestoneSymbols symbols)
    {
        IOperation? found = null;
        foreach (var operation in initializer.Initializers)
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                && target.Property.Name == MilestoneSymbols.PeriodName
                && symbols.IsMilestone(target.Property.ContainingType))
            {
                found = assignment.Value;
            }
        }
        return found;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion) operation = conversion.Operand;
        return operation;
    }

    private static bool IsNullOrDefault(IOperation value) =>
        value.Kind == OperationKind.DefaultValue
        || (value.ConstantValue.HasValue && value.ConstantValue.Value is null && value.Type is null or { IsReferenceType: true })
        || (value is IConversionOperation conversion && Unwrap(conversion.Operand) is { } inner && inner.ConstantValue is { HasValue: true, Value: null });

    private static bool IsNamed(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Points at the type name of <c>new Milestone { ... }</c>, or at <c>new</c> when the type is implicit.</summary>
    private static Location NameLocation(SyntaxNode creation) => creation switch
    {
        ObjectCreationExpressionSyntax explicitNew => explicitNew.Type.GetLocation(),
        ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.NewKeyword.GetLocation(),
        _ => creation.GetLocation(),
    };
}
