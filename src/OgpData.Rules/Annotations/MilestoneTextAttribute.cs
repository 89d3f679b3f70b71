using System;

namespace OgpData;

/// <summary>
/// Marks a parameter, property or field whose text is a milestone's description. The OgpData analyzers
/// judge the constant text given to it (OGP0001) exactly as they judge <c>Milestone.Description</c>.
/// </summary>
/// <example>
/// <code>
/// void Plan([MilestoneText] string milestone) { ... }
/// Plan("Publier 12 jeux de données sur data.public.lu"); // measurable: no warning
/// Plan("Poursuite des travaux");                       // OGP0001
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class MilestoneTextAttribute : Attribute
{
}
