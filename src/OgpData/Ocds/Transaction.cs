using System.Text.Json.Serialization;
using OgpData.Serialization;

namespace OgpData.Ocds;

/// <summary>A spending transaction related to a contract.</summary>
public sealed record Transaction : ExtensibleObject
{
    /// <summary>The transaction identifier.</summary>
    [JsonPropertyName("id")]
    public OcdsId? Id { get; init; }

    /// <summary>Where the transaction data comes from.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>When the transaction was made (date-time text).</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>The value of the transaction.</summary>
    [JsonPropertyName("value")]
    public Value? Value { get; init; }

    /// <summary>The paying organization.</summary>
    [JsonPropertyName("payer")]
    public OrganizationReference? Payer { get; init; }

    /// <summary>The paid organization.</summary>
    [JsonPropertyName("payee")]
    public OrganizationReference? Payee { get; init; }

    /// <summary>A URI for the transaction.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }

    /// <summary>The value of the transaction (deprecated in 1.1 in favour of <see cref="Value"/>).</summary>
    [JsonPropertyName("amount")]
    public Value? Amount { get; init; }

    /// <summary>The paying organization (deprecated in 1.1 in favour of <see cref="Payer"/>).</summary>
    [JsonPropertyName("providerOrganization")]
    public Identifier? ProviderOrganization { get; init; }

    /// <summary>The paid organization (deprecated in 1.1 in favour of <see cref="Payee"/>).</summary>
    [JsonPropertyName("receiverOrganization")]
    public Identifier? ReceiverOrganization { get; init; }
}
