using System;
using Microsoft.CodeAnalysis;

namespace OgpData.Analyzers.Infrastructure;

/// <summary>
/// The types of the OgpData library the C# rules recognise, resolved once per compilation. A compilation
/// that references neither costs the analyzers nothing beyond this lookup.
/// </summary>
internal sealed class MilestoneSymbols
{
    /// <summary>Metadata name of the milestone record of the library.</summary>
    public const string MilestoneTypeName = "OgpData.Ogp.Milestone";

    /// <summary>Metadata name of the attribute that marks milestone text.</summary>
    public const string MilestoneTextAttributeName = "OgpData.MilestoneTextAttribute";

    /// <summary>The milestone's description property and constructor parameter.</summary>
    public const string DescriptionName = "Description";

    /// <summary>The milestone's period property and constructor parameter.</summary>
    public const string PeriodName = "Period";

    /// <summary>The period's end date property.</summary>
    public const string EndDateName = "EndDate";

    private MilestoneSymbols(INamedTypeSymbol? milestone, INamedTypeSymbol? milestoneText)
    {
        Milestone = milestone;
        MilestoneTextAttribute = milestoneText;
    }

    /// <summary><c>OgpData.Ogp.Milestone</c>, when the compilation sees it.</summary>
    public INamedTypeSymbol? Milestone { get; }

    /// <summary><c>OgpData.MilestoneTextAttribute</c>, when the compilation sees it.</summary>
    public INamedTypeSymbol? MilestoneTextAttribute { get; }

    /// <summary>True when neither type is visible: nothing to analyse.</summary>
    public bool IsEmpty => Milestone is null && MilestoneTextAttribute is null;

    /// <summary>Resolves the symbols of a compilation.</summary>
    public static MilestoneSymbols From(Compilation compilation) => new(
        compilation.GetTypeByMetadataName(MilestoneTypeName),
        compilation.GetTypeByMetadataName(MilestoneTextAttributeName));

    /// <summary>True when <paramref name="type"/> is the milestone type (or derives from it).</summary>
    public bool IsMilestone(ITypeSymbol? type)
    {
        if (Milestone is null) return false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, Milestone)) return true;
        }
        return false;
    }

    /// <summary>True when a property, field or parameter carries milestone text: the milestone's description, or marked with the attribute.</summary>
    public bool IsMilestoneText(ISymbol? symbol)
    {
        switch (symbol)
        {
            case IPropertySymbol property:
                if (IsMilestone(property.ContainingType) && property.Name == DescriptionName) return true;
                return HasAttribute(property) || (property.OverriddenProperty is { } overridden && IsMilestoneText(overridden));
            case IFieldSymbol field:
                return HasAttribute(field);
            case IParameterSymbol parameter:
                if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                    && IsMilestone(constructor.ContainingType)
                    && string.Equals(parameter.Name, DescriptionName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
                return HasAttribute(parameter);
            default:
                return false;
        }
    }

    private bool HasAttribute(ISymbol symbol)
    {
        if (MilestoneTextAttribute is null) return false;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, MilestoneTextAttribute)) return true;
        }
        return false;
    }
}
