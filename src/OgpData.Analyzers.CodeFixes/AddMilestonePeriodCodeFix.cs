using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using OgpData.Analyzers.Infrastructure;
using OgpData.Analyzers.Rules;
using OgpData.Findings;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace OgpData.Analyzers.CodeFixes;

/// <summary>
/// Fixes OGP0002 when a milestone is created with no period: adds <c>Period = new Period { EndDate = ... }</c>
/// to its initializer. The end date is a placeholder to fill in (an empty value, or <c>"YYYY-MM"</c> when the
/// end date is text), so OGP0002 then points exactly where the deadline has to be written.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMilestonePeriodCodeFix)), Shared]
public sealed class AddMilestonePeriodCodeFix : CodeFixProvider
{
    private const string Title = "Add a period with an end date";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MilestoneWithoutDeadline);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(MilestoneWithoutDeadlineAnalyzer.MissingKey, out var missing)
                || missing != MilestoneWithoutDeadlineAnalyzer.MissingPeriod)
            {
                continue;
            }
            var creation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault();
            if (creation is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, token => AddPeriodAsync(context.Document, creation, token), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Document> AddPeriodAsync(Document document, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null) return document;
        if (model.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol milestone) return document;

        var periodProperty = FindProperty(milestone, MilestoneSymbols.PeriodName);
        if (periodProperty is null) return document;
        var periodType = StripNullable(periodProperty.Type);
        var periodTypeName = ParseTypeName(periodType.ToMinimalDisplayString(model, creation.SpanStart));

        InitializerExpressionSyntax? periodInitializer = null;
        if (FindProperty(periodType, MilestoneSymbols.EndDateName) is { } endDate)
        {
            ExpressionSyntax placeholder = StripNullable(endDate.Type).SpecialType == SpecialType.System_String
                ? LiteralExpression(SyntaxKind.StringLiteralExpression, Literal("YYYY-MM"))
                : LiteralExpression(SyntaxKind.DefaultLiteralExpression);
            periodInitializer = InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SingletonSeparatedList<ExpressionSyntax>(
                    AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(MilestoneSymbols.EndDateName), placeholder)));
        }
        var newPeriod = ObjectCreationExpression(periodTypeName)
            .WithArgumentList(periodInitializer is null ? ArgumentList() : null)
            .WithInitializer(periodInitializer);
        var assignment = AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(MilestoneSymbols.PeriodName), newPeriod);

        BaseObjectCreationExpressionSyntax updated;
        if (creation.Initializer is { } initializer)
        {
            updated = creation.WithInitializer(initializer.AddExpressions(assignment));
        }
        else
        {
            var created = InitializerExpression(SyntaxKind.ObjectInitializerExpression, SingletonSeparatedList<ExpressionSyntax>(assignment));
            updated = creation.WithInitializer(created);
        }
        updated = updated.WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(creation, updated));
    }

    private static IPropertySymbol? FindProperty(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol property) return property;
            }
        }
        return null;
    }

    private static ITypeSymbol StripNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
}
