using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A spending transaction related to a contract.</summary>
public sealed record Transaction : ExtensibleObject
{
    /// <summary>The transaction identifier.</summary>
    public OcdsId? Id { get; init; }

    /// <summary>Where the transaction data comes from.</summary>
    public string? Source { get; init; }

    /// <summary>When the transaction was made (date-time text).</summary>
    public string? Date { get; init; }

    /// <summary>The value of the transaction.</summary>
    public Value? Value { get; init; }

    /// <summary>The paying organization.</summary>
    public OrganizationReference? Payer { get; init; }

    /// <summary>The paid organization.</summary>
    public OrganizationReference? Payee { get; init; }

    /// <summary>A URI for the transaction.</summary>
    public string? Uri { get; init; }

    /// <summary>The value of the transaction (deprecated in 1.1 in favour of <see cref="Value"/>).</summary>
    public Value? Amount { get; init; }

    /// <summary>The paying organization (deprecated in 1.1 in favour of <see cref="Payer"/>).</summary>
    public Identifier? ProviderOrganization { get; init; }

    /// <summary>The paid organization (deprecated in 1.1 in favour of <see cref="Payee"/>).</summary>
    public Identifier? ReceiverOrganization { get; init; }
}
