using System.Collections.Immutable;
using OgpData.Ocds;

namespace OgpData.Decp;

/// <summary>
/// The parties of one release: each organization once, keyed by scheme and identifier, with every role it plays
/// (a buyer that is also a supplier is one party with two roles).
/// </summary>
internal sealed class PartyBook(string siretScheme)
{
    private readonly List<Entry> _parties = [];
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);

    private sealed class Entry(string id, string? scheme, string identifier)
    {
        public string Id { get; } = id;
        public string? Scheme { get; } = scheme;
        public string Identifier { get; } = identifier;
        public string? Name { get; set; }
        public List<string> Roles { get; } = [];
    }

    /// <summary>The scheme written for a DECP type d'identifiant: the SIRET scheme for SIRET, the DECP type otherwise.</summary>
    public string? SchemeOf(string? identifierType) => identifierType == "SIRET" ? siretScheme : identifierType;

    /// <summary>The party id for an organization: <c>scheme-identifier</c> (<c>FR-RCS-21750001630066</c>).</summary>
    public string PartyIdOf(DecpOrganization organization) =>
        SchemeOf(organization.IdentifierType) is { } scheme ? scheme + "-" + organization.Id : organization.Id;

    /// <summary>Adds the organization (or the role to it, when it is already a party) and returns the reference to it.</summary>
    public OrganizationReference Add(DecpOrganization organization, params ReadOnlySpan<string> roles)
    {
        var id = PartyIdOf(organization);
        if (!_byId.TryGetValue(id, out var entry))
        {
            entry = new Entry(id, SchemeOf(organization.IdentifierType), organization.Id);
            _byId.Add(id, entry);
            _parties.Add(entry);
        }
        entry.Name ??= organization.Name;
        foreach (var role in roles)
        {
            if (!entry.Roles.Contains(role)) entry.Roles.Add(role);
        }
        return new OrganizationReference { Id = id, Name = organization.Name ?? entry.Name };
    }

    /// <summary>The parties, in the order they were first added.</summary>
    public ImmutableArray<Organization> ToParties()
    {
        var parties = ImmutableArray.CreateBuilder<Organization>(_parties.Count);
        foreach (var entry in _parties)
        {
            parties.Add(new Organization
            {
                Id = entry.Id,
                Name = entry.Name,
                Identifier = new Identifier { Scheme = entry.Scheme, Id = entry.Identifier, LegalName = entry.Name },
                Roles = [.. entry.Roles],
            });
        }
        return parties.MoveToImmutable();
    }
}
