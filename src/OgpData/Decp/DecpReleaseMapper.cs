using OgpData.Findings;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OgpData.Ocds;
using OgpData.Serialization;

namespace OgpData.Decp;

/// <summary>
/// Maps one DECP marché or contrat de concession onto one OCDS release: the buyer and suppliers as parties, the
/// procedure as the tender, the notification as the award, the contract with its modifications as amendments.
/// See <c>docs/formats/decp-to-ocds.md</c> for every field.
/// </summary>
internal sealed class DecpReleaseMapper(DecpConversionOptions options, DecpFindingLog log, string fallbackDate)
{
    private static readonly FrozenSet<string> MarcheMembers = new[]
    {
        "id", "acheteur", "acheteur.id", "nature", "objet", "codeCPV", "techniques", "modalitesExecution", "idAccordCadre",
        "marcheInnovant", "ccag", "offresRecues", "attributionAvance", "tauxAvance", "typeGroupementOperateurs",
        "sousTraitanceDeclaree", "actesSousTraitance", "procedure", "lieuExecution", "dureeMois", "dateNotification",
        "datePublicationDonnees", "montant", "typesPrix", "formePrix", "origineUE", "origineFrance", "titulaires",
        "considerationsSociales", "considerationsEnvironnementales", "modificationsActesSousTraitance", "modifications", "_type",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ConcessionMembers = new[]
    {
        "id", "autoriteConcedante", "autoriteConcedante.id", "nature", "objet", "procedure", "dureeMois", "dateSignature",
        "datePublicationDonnees", "dateDebutExecution", "valeurGlobale", "montantSubventionPublique", "donneesExecution",
        "concessionnaires", "considerationsSociales", "considerationsEnvironnementales", "modifications", "lieuExecution", "_type",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly HashSet<string> _releaseKeys = new(StringComparer.Ordinal);

    /// <summary>The release for one entry, or null (with an error finding) when it cannot have an ocid.</summary>
    public Release? Map(DecpEntry entry, JsonElement root, out bool isConcession)
    {
        var scope = new DecpEntryScope(entry, log);
        isConcession = entry.Kind switch
        {
            DecpEntryKind.Concession => true,
            DecpEntryKind.Marche => false,
            _ => IsFlatConcession(root),
        };
        if (root.ValueKind != JsonValueKind.Object)
        {
            scope.Report(RuleIds.DecpNotAnObject, "", "The entry is not an object: not converted.");
            return null;
        }
        ReportUnmapped(scope, root, isConcession);
        var zone = DecpTimeZones.Of(root);
        if (zone?.Assumption is { } assumption) scope.Report(RuleIds.DecpBadDate, "/lieuExecution", assumption);
        var values = new DecpValues(scope, zone);
        return isConcession ? MapConcession(values, root) : MapMarche(values, root);
    }

    private static bool IsFlatConcession(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && (root.TryGetProperty("_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString()!.Contains("concession", StringComparison.OrdinalIgnoreCase)
            || root.TryGetProperty("autoriteConcedante", out _));

    private void ReportUnmapped(DecpEntryScope scope, JsonElement root, bool isConcession)
    {
        var known = isConcession ? ConcessionMembers : MarcheMembers;
        var kind = isConcession ? "contrat de concession" : "marché";
        foreach (var member in root.EnumerateObject())
        {
            if (known.Contains(member.Name) || !log.FirstUnmapped(kind, member.Name)) continue;
            scope.Report(RuleIds.DecpUnmappedField, DecpValues.Child("", member.Name),
                $"'{member.Name}' is not a member of a DECP {kind}: not converted (reported once per file).");
        }
    }

    private Release? MapMarche(DecpValues values, JsonElement root)
    {
        if (Head(values, root, "acheteur", "marché") is not var (id, buyer, ocid)) return null;
        var parties = new PartyBook(options.SiretScheme);
        var buyerRef = parties.Add(buyer, "buyer", "procuringEntity");

        var objet = values.Text(root, "objet", "");
        var nature = values.Text(root, "nature", "");
        if (nature is not null && !DecpCodes.MarcheNatures.Contains(nature))
            values.Scope.Report(RuleIds.DecpUnknownCode, "/nature", $"'{nature}' is not a DECP nature de marché: kept as text.", nature);
        var (method, methodDetails) = Procedure(values, root);
        var techniques = values.Codes(root, "techniques", "technique", "");
        var modalites = values.Codes(root, "modalitesExecution", "modaliteExecution", "");
        var social = values.Codes(root, "considerationsSociales", "considerationSociale", "");
        var environmental = values.Codes(root, "considerationsEnvironnementales", "considerationEnvironnementale", "");
        var notification = values.Date(root, "dateNotification", "");
        var published = values.Date(root, "datePublicationDonnees", "");
        var amount = values.Amount(root, "montant", "");
        var months = values.Months(root, "dureeMois", "");
        var titulaires = values.Organizations(root, "titulaires", "titulaire", "");
        var supplierRefs = titulaires.Select(t => parties.Add(t, "supplier")).ToImmutableArray();

        // Tender: the procedure and what was bought.
        string? cpv = null, category = null;
        if (values.Text(root, "codeCPV", "") is { } cpvText)
        {
            cpv = DecpCodes.CpvCode(cpvText);
            if (cpv is null) values.Scope.Report(RuleIds.DecpBadCpv, "/codeCPV", $"'{cpvText}' is not a CPV code (8 digits, optional check digit): kept as written.", cpvText);
            else category = DecpCodes.CategoryOfCpv(cpv);
            cpv ??= cpvText;
        }
        var techniqueText = Join(techniques.Where(t => !DecpCodes.IsNone(t)));
        var tenderText = new Lines()
            .Add("Nature", nature)
            .Add("Lieu d'exécution", Place(values, root))
            .Add("Modalités d'exécution", Join(modalites))
            .Add("CCAG de référence", values.Text(root, "ccag", ""))
            .Add("Marché innovant", YesNo(values.Flag(root, "marcheInnovant", "")));
        var submission = techniques.Select(t => DecpCodes.SubmissionMethods.GetValueOrDefault(t)).OfType<string>().Distinct().ToImmutableArray();
        var offres = values.Count(root, "offresRecues", "");
        var tender = new Tender
        {
            Id = id,
            Title = objet,
            Description = tenderText.ToString(),
            Status = "complete",
            ProcuringEntity = buyerRef,
            Items = cpv is null ? null : [new Item { Id = "1", Description = objet, Classification = new Classification { Scheme = "CPV", Id = cpv } }],
            ProcurementMethod = method,
            ProcurementMethodDetails = techniqueText is null ? methodDetails : Concat(methodDetails, "techniques d'achat : " + techniqueText),
            MainProcurementCategory = category,
            SubmissionMethod = submission.IsEmpty ? null : submission,
            AwardCriteriaDetails = Considerations(social, environmental, DecpCodes.IsCriterion),
            EligibilityCriteria = Considerations(social, environmental, DecpCodes.IsReservation),
            NumberOfTenderers = offres is { } n ? new JsonNumber(n) : null,
        };

        // Award: the notification to the initial titulaires.
        var award = new Award
        {
            Id = id,
            Status = "active",
            Date = notification?.ToOcds(),
            Value = Euros(amount),
            Suppliers = supplierRefs.IsEmpty ? null : supplierRefs,
            ContractPeriod = months is { } m ? new Period { DurationInDays = DecpDates.DurationInDays(m, notification?.Day) } : null,
        };

        // Contract: its current state, after the modifications, which become amendments.
        var state = new ContractState(amount, months, titulaires.Select(parties.PartyIdOf).ToList());
        var (amendments, lastPublished, updates) = Modifications(values, root, state, ModificationFields.Marche, parties);
        var contractText = new Lines()
            .Add("Clauses", Considerations(social, environmental, c => !DecpCodes.IsCriterion(c) && !DecpCodes.IsReservation(c)))
            .Add("Forme du prix", values.Text(root, "formePrix", ""))
            .Add("Types de prix", Join(values.Codes(root, "typesPrix", "typePrix", "")))
            .Add("Avance", Advance(values, root))
            .Add("Groupement d'opérateurs", values.Text(root, "typeGroupementOperateurs", ""))
            .Add("Sous-traitance déclarée", YesNo(values.Flag(root, "sousTraitanceDeclaree", "")))
            .Add("Part des produits de l'Union européenne", values.Share(root, "origineUE", "") is { } ue ? DecpValues.Percent(ue) : null)
            .Add("Part des produits français", values.Share(root, "origineFrance", "") is { } fr ? DecpValues.Percent(fr) : null)
            .AddAll(Subcontracting(values, root));
        var contract = new Contract
        {
            Id = id,
            AwardId = id,
            Title = objet,
            Description = contractText.ToString(),
            Value = Euros(state.Amount),
            Period = state.Months is { } cm ? new Period { DurationInDays = DecpDates.DurationInDays(cm, notification?.Day) } : null,
            DateSigned = notification?.ToOcds(),
            Amendments = amendments.IsEmpty ? null : amendments,
        };

        RelatedProcess? framework = null;
        if (values.Text(root, "idAccordCadre", "") is { } frameworkId)
        {
            framework = new RelatedProcess
            {
                Id = "1",
                Relationship = ["framework"],
                Title = "Accord-cadre " + frameworkId,
                Scheme = "ocid",
                Identifier = Ocid(buyer.Id, frameworkId),
            };
        }

        var tags = amendments.IsEmpty ? ImmutableArray.Create("award", "contract") : ImmutableArray.Create("award", "contract", "contractAmendment");
        return new Release
        {
            Ocid = ocid,
            Id = ReleaseId(values, ocid, updates),
            Date = ReleaseDate(values, Latest(published, lastPublished), notification),
            Tag = tags,
            InitiationType = "tender",
            Language = "fr",
            Parties = parties.ToParties(),
            Buyer = buyerRef,
            Tender = tender,
            Awards = [award],
            Contracts = [contract],
            RelatedProcesses = framework is null ? null : [framework],
        };
    }

    private Release? MapConcession(DecpValues values, JsonElement root)
    {
        if (Head(values, root, "autoriteConcedante", "contrat de concession") is not var (id, authority, ocid)) return null;
        var parties = new PartyBook(options.SiretScheme);
        var buyerRef = parties.Add(authority, "buyer", "procuringEntity");

        var objet = values.Text(root, "objet", "");
        var nature = values.Text(root, "nature", "");
        string? category = null;
        if (nature is not null && !DecpCodes.ConcessionNatures.TryGetValue(nature, out category))
            values.Scope.Report(RuleIds.DecpUnknownCode, "/nature", $"'{nature}' is not a DECP nature de concession: kept as text.", nature);
        var (method, methodDetails) = Procedure(values, root);
        var social = values.Codes(root, "considerationsSociales", "considerationSociale", "");
        var environmental = values.Codes(root, "considerationsEnvironnementales", "considerationEnvironnementale", "");
        var signed = values.Date(root, "dateSignature", "");
        var published = values.Date(root, "datePublicationDonnees", "");
        var start = values.Date(root, "dateDebutExecution", "");
        var value = values.Amount(root, "valeurGlobale", "");
        var subsidy = values.Amount(root, "montantSubventionPublique", "");
        var months = values.Months(root, "dureeMois", "");
        var concessionnaires = values.Organizations(root, "concessionnaires", "concessionnaire", "");
        var supplierRefs = concessionnaires.Select(c => parties.Add(c, "supplier")).ToImmutableArray();

        var tender = new Tender
        {
            Id = id,
            Title = objet,
            Description = new Lines().Add("Nature", nature).Add("Lieu d'exécution", Place(values, root)).ToString(),
            Status = "complete",
            ProcuringEntity = buyerRef,
            ProcurementMethod = method,
            ProcurementMethodDetails = methodDetails,
            MainProcurementCategory = category,
            AwardCriteriaDetails = Considerations(social, environmental, DecpCodes.IsCriterion),
            EligibilityCriteria = Considerations(social, environmental, DecpCodes.IsReservation),
        };
        var award = new Award
        {
            Id = id,
            Status = "active",
            Date = signed?.ToOcds(),
            Value = Euros(value),
            Suppliers = supplierRefs.IsEmpty ? null : supplierRefs,
            ContractPeriod = ConcessionPeriod(start, months),
        };

        var state = new ContractState(value, months, []);
        var (amendments, lastPublished, updates) = Modifications(values, root, state, ModificationFields.Concession, null);
        var (milestones, lastExecution) = Execution(values, root);
        updates += milestones.Length;
        var contract = new Contract
        {
            Id = id,
            AwardId = id,
            Title = objet,
            Description = new Lines().Add("Clauses", Considerations(social, environmental, c => !DecpCodes.IsCriterion(c) && !DecpCodes.IsReservation(c))).ToString(),
            Value = Euros(state.Amount),
            Period = ConcessionPeriod(start, state.Months),
            DateSigned = signed?.ToOcds(),
            Amendments = amendments.IsEmpty ? null : amendments,
            Implementation = milestones.IsEmpty ? null : new Implementation { Milestones = milestones },
        };
        Planning? planning = subsidy is { } s
            ? new Planning { Budget = new Budget { Description = "Montant de la subvention publique ou de tout autre avantage financier accordé au concessionnaire", Amount = Euros(s) } }
            : null;

        var tags = ImmutableArray.CreateBuilder<string>();
        tags.Add("award");
        tags.Add("contract");
        if (!amendments.IsEmpty) tags.Add("contractAmendment");
        if (!milestones.IsEmpty) tags.Add("implementation");
        return new Release
        {
            Ocid = ocid,
            Id = ReleaseId(values, ocid, updates),
            Date = ReleaseDate(values, Latest(Latest(published, lastPublished), lastExecution), signed),
            Tag = tags.ToImmutable(),
            InitiationType = "tender",
            Language = "fr",
            Parties = parties.ToParties(),
            Buyer = buyerRef,
            Planning = planning,
            Tender = tender,
            Awards = [award],
            Contracts = [contract],
        };
    }

    /// <summary>The entry's id, its buyer and its ocid; null (reported) when the id or the buyer is missing.</summary>
    private (string Id, DecpOrganization Buyer, string Ocid)? Head(DecpValues values, JsonElement root, string buyerMember, string kind)
    {
        var id = values.Text(root, "id", "");
        if (id is null)
        {
            values.Scope.Report(RuleIds.DecpMissingId, "", $"The {kind} has no 'id': no ocid can be built, not converted.");
            return null;
        }
        string? siret = null;
        var pointer = "/" + buyerMember;
        if (root.TryGetProperty(buyerMember, out var buyer) && buyer.ValueKind == JsonValueKind.Object)
        {
            siret = values.Text(buyer, "id", pointer);
            pointer += "/id";
        }
        else if (root.TryGetProperty(buyerMember + ".id", out _))
        {
            // Consolidated 1.x files flatten the buyer to "acheteur.id".
            siret = values.Text(root, buyerMember + ".id", "");
            pointer = DecpValues.Child("", buyerMember + ".id");
        }
        if (siret is null)
        {
            values.Scope.Report(RuleIds.DecpMissingBuyer, pointer, $"The {kind} has no '{buyerMember}.id' (SIRET): the ocid needs it, not converted.");
            return null;
        }
        values.CheckSiret(siret, pointer);
        var name = buyer.ValueKind == JsonValueKind.Object ? values.Text(buyer, "nom", "/" + buyerMember) : null;
        return (id, new DecpOrganization("SIRET", siret, name, pointer), Ocid(siret, id));
    }

    private string Ocid(string buyerSiret, string id) => options.OcidPrefix + "-" + buyerSiret + "-" + id;

    /// <summary><c>ocid-n</c>, n the number of updates (modifications, annual data) the release includes; suffixed when the same one was seen before.</summary>
    private string ReleaseId(DecpValues values, string ocid, int updates)
    {
        var id = ocid + "-" + updates.ToString(CultureInfo.InvariantCulture);
        if (_releaseKeys.Add(id)) return id;
        for (var copy = 2; ; copy++)
        {
            var suffixed = id + "-" + copy.ToString(CultureInfo.InvariantCulture);
            if (!_releaseKeys.Add(suffixed)) continue;
            values.Scope.Report(RuleIds.DecpDuplicateMarche, "/id", $"The same buyer and id, with the same updates, appear earlier in the file: converted again as release '{suffixed}'.");
            return suffixed;
        }
    }

    private string ReleaseDate(DecpValues values, DecpDates.DecpDate? published, DecpDates.DecpDate? fallback)
    {
        if (published is { } date) return date.ToOcds();
        values.Scope.Report(RuleIds.DecpBadDate, "/datePublicationDonnees",
            fallback is null ? "No publication date: the release is dated with the package." : "No publication date: the release is dated with the notification or signature.");
        return fallback?.ToOcds() ?? fallbackDate;
    }

    private static (string? Method, string? Details) Procedure(DecpValues values, JsonElement root)
    {
        var procedure = values.Text(root, "procedure", "");
        if (procedure is null) return (null, null);
        if (DecpCodes.ProcurementMethods.TryGetValue(procedure.Replace('’', '\''), out var method)) return (method, procedure);
        values.Scope.Report(RuleIds.DecpUnknownCode, "/procedure", $"'{procedure}' is not a DECP procédure: kept in procurementMethodDetails, no procurementMethod.", procedure);
        return (null, procedure);
    }

    private static string? Place(DecpValues values, JsonElement root)
    {
        if (!root.TryGetProperty("lieuExecution", out var place)) return null;
        if (place.ValueKind != JsonValueKind.Object)
        {
            return values.Text(root, "lieuExecution", "");
        }
        var code = values.Text(place, "code", "/lieuExecution");
        var type = values.Text(place, "typeCode", "/lieuExecution");
        var name = values.Text(place, "nom", "/lieuExecution");
        var text = Concat(name, code);
        return type is null ? text : Concat(text, "(" + type + ")", " ");
    }

    private static string? Advance(DecpValues values, JsonElement root)
    {
        var granted = values.Flag(root, "attributionAvance", "");
        var rate = values.Share(root, "tauxAvance", "");
        if (granted is null) return rate is { } r ? "taux " + DecpValues.Percent(r) : null;
        if (granted == false) return "non";
        // A rate of 0 with an advance granted means the rate is not known.
        return rate is { } known && known > 0 ? "oui, taux " + DecpValues.Percent(known) : "oui";
    }

    private static IEnumerable<(string Label, string? Text)> Subcontracting(DecpValues values, JsonElement root)
    {
        foreach (var (act, at) in values.Objects(root, "actesSousTraitance", "acteSousTraitance", ""))
        {
            var subcontractor = act.TryGetProperty("sousTraitant", out var s) && s.ValueKind == JsonValueKind.Object
                ? values.Organization(s, DecpValues.Child(at, "sousTraitant")) : null;
            var text = new Lines(", ")
                .Add("sous-traitant", subcontractor is null ? null : $"{subcontractor.IdentifierType} {subcontractor.Id}")
                .Add("montant HT", values.Amount(act, "montant", at) is { } a ? a.Text + " EUR" : null)
                .Add("durée", values.Months(act, "dureeMois", at) is { } m ? m + " mois" : null)
                .Add("variation du prix", values.Text(act, "variationPrix", at))
                .Add("notifié le", values.Date(act, "dateNotification", at)?.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Add("publié le", values.Date(act, "datePublicationDonnees", at)?.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            yield return ("Acte de sous-traitance n°" + (values.Text(act, "id", at) ?? "?"), text.ToString());
        }
        foreach (var (change, at) in values.Objects(root, "modificationsActesSousTraitance", "modificationActeSousTraitance", ""))
        {
            var text = new Lines(", ")
                .Add("montant HT", values.Amount(change, "montant", at) is { } a ? a.Text + " EUR" : null)
                .Add("durée", values.Months(change, "dureeMois", at) is { } m ? m + " mois" : null)
                .Add("notifiée le", values.Date(change, "dateNotificationModificationSousTraitance", at)?.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Add("publiée le", values.Date(change, "datePublicationDonnees", at)?.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            yield return ("Modification de l'acte de sous-traitance n°" + (values.Text(change, "id", at) ?? "?"), text.ToString());
        }
    }

    /// <summary>What the contract is now: each modification replaces what it gives.</summary>
    private sealed class ContractState(JsonNumber? amount, int? months, List<string> suppliers)
    {
        public JsonNumber? Amount { get; set; } = amount;
        public int? Months { get; set; } = months;
        public List<string> Suppliers { get; set; } = suppliers;
    }

    /// <summary>Where a marché's and a concession's modifications differ: the date field and the amount field.</summary>
    private sealed record ModificationFields(string DateField, string AmountField, string AmountLabel)
    {
        public static readonly ModificationFields Marche = new("dateNotificationModification", "montant", "Montant");
        public static readonly ModificationFields Concession = new("dateSignatureModification", "valeurGlobale", "Valeur globale");
    }

    /// <summary>
    /// One amendment per modification, in order, each describing what changed from the previous state. A
    /// marché's modifications may change its titulaires (<paramref name="parties"/>); a concession's do not.
    /// </summary>
    private static (ImmutableArray<Amendment>, DecpDates.DecpDate?, int) Modifications(DecpValues values, JsonElement root, ContractState state,
        ModificationFields fields, PartyBook? parties)
    {
        var amendments = ImmutableArray.CreateBuilder<Amendment>();
        DecpDates.DecpDate? lastPublished = null;
        foreach (var (change, at, number) in Ordered(values, root))
        {
            var date = values.Date(change, fields.DateField, at);
            var published = values.Date(change, "datePublicationDonneesModification", at);
            lastPublished = Latest(lastPublished, published);
            var description = new Lines();
            if (values.Amount(change, fields.AmountField, at) is { } amount)
            {
                description.Add(fields.AmountLabel, $"{Euro(state.Amount)} → {amount.Text} EUR");
                state.Amount = amount;
            }
            if (values.Months(change, "dureeMois", at) is { } months)
            {
                description.Add("Durée", $"{Month(state.Months)} → {months} mois");
                state.Months = months;
            }
            if (parties is not null && values.Organizations(change, "titulaires", "titulaire", at) is { Count: > 0 } titulaires)
            {
                var now = titulaires.Select(t => parties.Add(t, "supplier").Id!.Value.Text).ToList();
                description.Add("Titulaires", $"{JoinOrNone(state.Suppliers)} → {string.Join(", ", now)}");
                state.Suppliers = now;
            }
            description.Add("Données republiées le", published?.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            amendments.Add(Amendment(values, at, number, date ?? published, description, values.Text(change, "objetModification", at), fields.DateField));
        }
        return (amendments.ToImmutable(), lastPublished, amendments.Count);
    }

    /// <summary>The modifications in the order of their ids (a growing sequence in DECP), file order when ids are missing.</summary>
    private static List<(JsonElement Change, string Pointer, string Number)> Ordered(DecpValues values, JsonElement root)
    {
        var changes = values.Objects(root, "modifications", "modification", "");
        var ordered = new List<(JsonElement, string, string, long)>(changes.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            var (change, at) = changes[i];
            var number = values.Text(change, "id", at);
            if (number is null) values.Scope.Report(RuleIds.DecpIncompleteModification, at, $"The modification has no 'id': numbered {i + 1} by its place in the list.");
            var key = long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
            ordered.Add((change, at, number ?? (i + 1).ToString(CultureInfo.InvariantCulture), key));
        }
        return [.. ordered.OrderBy(o => o.Item4).Select(o => (o.Item1, o.Item2, o.Item3))];
    }

    private static Amendment Amendment(DecpValues values, string at, string number, DecpDates.DecpDate? date, Lines description, string? rationale, string dateMember)
    {
        if (date is null) values.Scope.Report(RuleIds.DecpIncompleteModification, DecpValues.Child(at, dateMember), $"The modification has no readable '{dateMember}' nor publication date: the amendment is undated.");
        return new Amendment
        {
            Id = number,
            Date = date?.ToOcds(),
            Description = description.ToString() ?? "Modification sans changement de montant, de durée ni de titulaires.",
            Rationale = rationale,
        };
    }

    /// <summary>Each year's execution data as a met reporting milestone: investment spending and user tariffs have no core OCDS field.</summary>
    private static (ImmutableArray<Milestone>, DecpDates.DecpDate?) Execution(DecpValues values, JsonElement root)
    {
        var milestones = ImmutableArray.CreateBuilder<Milestone>();
        DecpDates.DecpDate? last = null;
        foreach (var (year, at) in values.Objects(root, "donneesExecution", "donneesAnnuelles", ""))
        {
            var published = values.Date(year, "datePublicationDonneesExecution", at);
            last = Latest(last, published);
            var tariffs = values.Objects(year, "tarifs", "tarif", at)
                .Select(t => Concat(values.Text(t.Value, "intituleTarif", t.Pointer), values.Amount(t.Value, "tarif", t.Pointer) is { } a ? a.Text + " EUR" : null, " : "))
                .OfType<string>();
            var text = new Lines()
                .Add("Dépenses d'investissement", values.Amount(year, "depensesInvestissement", at) is { } spent ? spent.Text + " EUR" : null)
                .Add("Tarifs à la charge des usagers", string.Join(" ; ", tariffs) is { Length: > 0 } joined ? joined : null);
            milestones.Add(new Milestone
            {
                Id = "execution-" + (milestones.Count + 1).ToString(CultureInfo.InvariantCulture),
                Title = "Données d'exécution annuelles",
                Type = "reporting",
                Status = published is null ? null : "met",
                DateMet = published?.ToOcds(),
                Description = text.ToString(),
            });
        }
        return (milestones.ToImmutable(), last);
    }

    private static Period? ConcessionPeriod(DecpDates.DecpDate? start, int? months)
    {
        if (start is null && months is null) return null;
        return new Period
        {
            StartDate = start?.ToOcds(),
            EndDate = start is { } s && months is { } m && s.Day.Year + m / 12 < 9000 ? new DecpDates.DecpDate(s.Day.AddMonths(m), s.Offset).ToOcds() : null,
            DurationInDays = months is { } n ? DecpDates.DurationInDays(n, start?.Day) : null,
        };
    }

    private static Value? Euros(JsonNumber? amount) => amount is { } a ? new Value { Amount = a, Currency = "EUR" } : null;

    private static string Euro(JsonNumber? amount) => amount is { } a ? a.Text + " EUR" : "(non publié)";

    private static string Month(int? months) => months is { } m ? m + " mois" : "(non publiée)";

    private static string JoinOrNone(List<string> items) => items.Count == 0 ? "(non publiés)" : string.Join(", ", items);

    private static string? YesNo(bool? flag) => flag switch { true => "oui", false => "non", null => null };

    private static string? Join(IEnumerable<string> codes)
    {
        var text = string.Join(", ", codes);
        return text.Length == 0 ? null : text;
    }

    private static string? Concat(string? first, string? second, string separator = " ; ") =>
        first is null ? second : second is null ? first : first + separator + second;

    /// <summary>The considérations sociales and environnementales the filter keeps, "none" answers left out.</summary>
    private static string? Considerations(List<string> social, List<string> environmental, Func<string, bool> keep) =>
        Join(social.Concat(environmental).Where(c => !DecpCodes.IsNone(c) && keep(c)));

    private static DecpDates.DecpDate? Latest(DecpDates.DecpDate? a, DecpDates.DecpDate? b) =>
        a is null ? b : b is null ? a : b.Value.Day > a.Value.Day ? b : a;

    /// <summary>"Label : value" lines for the free-text fields that carry what core OCDS has no field for.</summary>
    private sealed class Lines(string separator = "\n")
    {
        private readonly StringBuilder _text = new();

        public Lines Add(string label, string? value)
        {
            if (value is null) return this;
            if (_text.Length > 0) _text.Append(separator);
            _text.Append(label).Append(" : ").Append(value);
            return this;
        }

        public Lines AddAll(IEnumerable<(string Label, string? Text)> lines)
        {
            foreach (var (label, text) in lines) Add(label, text);
            return this;
        }

        public override string? ToString() => _text.Length == 0 ? null : _text.ToString();
    }
}
