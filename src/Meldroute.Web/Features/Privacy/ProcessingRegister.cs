using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

public sealed class ProcessingActivityRequest
{
    public Guid? Version { get; set; }

    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Purpose { get; set; }

    public string? LegalGround { get; set; }

    public string? DataCategories { get; set; }

    public string? DataSubjects { get; set; }

    public string? Recipients { get; set; }

    public string? Retention { get; set; }

    public string? Safeguards { get; set; }

    public string? EnforcedBy { get; set; }

    public static ProcessingActivityRequest From(ProcessingActivity a) => new()
    {
        Version = a.Version, Code = a.Code, Name = a.Name, Purpose = a.Purpose, LegalGround = a.LegalGround, DataCategories = a.DataCategories,
        DataSubjects = a.DataSubjects, Recipients = a.Recipients, Retention = a.Retention, Safeguards = a.Safeguards, EnforcedBy = a.EnforcedBy,
    };
}

/// <summary>
/// ListProcessingActivities, AddProcessingActivity and UpdateProcessingActivity: the register of processing activities
/// (AVG art. 30). Every change is audited; a second editor holding an old version is refused.
/// </summary>
public static class ProcessingRegister
{
    public const int TextMax = 2_000;

    public static async Task<IReadOnlyList<ProcessingActivity>> ListAsync(MeldrouteDbContext db, CancellationToken cancellationToken) =>
        await db.ProcessingActivities.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken);

    public static async Task<Outcome<ProcessingActivity>> SaveAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int? id, ProcessingActivityRequest r, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Code), r.Code, 20, t, required: true);
        TextRules.Check(errors, nameof(r.Name), r.Name, 200, t, required: true);
        foreach (var (field, value) in new[]
                 {
                     (nameof(r.Purpose), r.Purpose), (nameof(r.LegalGround), r.LegalGround), (nameof(r.DataCategories), r.DataCategories),
                     (nameof(r.DataSubjects), r.DataSubjects), (nameof(r.Recipients), r.Recipients), (nameof(r.Retention), r.Retention), (nameof(r.Safeguards), r.Safeguards),
                 })
        {
            TextRules.Check(errors, field, value, TextMax, t, required: true);
        }

        TextRules.Check(errors, nameof(r.EnforcedBy), r.EnforcedBy, TextMax, t);
        var code = r.Code?.Trim().ToUpperInvariant();
        if (code is not null && await db.ProcessingActivities.AnyAsync(a => a.Code == code && a.Id != id, cancellationToken))
        {
            errors[nameof(r.Code)] = [t["Register_CodeTaken"]];
        }

        if (errors.Count > 0)
        {
            return Outcome<ProcessingActivity>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ProcessingActivity activity;
        if (id is null)
        {
            activity = new ProcessingActivity { Code = code!, Name = "", Purpose = "", LegalGround = "", DataCategories = "", DataSubjects = "", Recipients = "", Retention = "", Safeguards = "" };
            db.ProcessingActivities.Add(activity);
        }
        else
        {
            var found = await db.ProcessingActivities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (found is null)
            {
                return Outcome<ProcessingActivity>.NotFound();
            }

            if (r.Version is { } version && version != found.Version)
            {
                return Outcome<ProcessingActivity>.Conflict(t["Register_ChangedByOther", found.Code]);
            }

            activity = found;
            db.Entry(activity).Property(a => a.Version).OriginalValue = activity.Version;
        }

        activity.Code = code!;
        activity.Name = TextRules.Clean(r.Name)!;
        activity.Purpose = TextRules.Clean(r.Purpose)!;
        activity.LegalGround = TextRules.Clean(r.LegalGround)!;
        activity.DataCategories = TextRules.Clean(r.DataCategories)!;
        activity.DataSubjects = TextRules.Clean(r.DataSubjects)!;
        activity.Recipients = TextRules.Clean(r.Recipients)!;
        activity.Retention = TextRules.Clean(r.Retention)!;
        activity.Safeguards = TextRules.Clean(r.Safeguards)!;
        activity.EnforcedBy = TextRules.Clean(r.EnforcedBy);
        activity.UpdatedAt = clock.GetUtcNow();
        activity.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ProcessingActivity>.Conflict(t["Register_ChangedByOther", activity.Code]);
        }

        await audit.RecordAsync(new AuditEntry(id is null ? "register.activity.added" : "register.activity.updated", AuditOutcome.Success, "processing-activity", activity.Code), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<ProcessingActivity>.Ok(activity);
    }

    /// <summary>The register as Meldroute ships it: what the system itself does. The privacy officer adapts it to the municipality.</summary>
    public static async Task EnsureAsync(MeldrouteDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.ProcessingActivities.AnyAsync(cancellationToken))
        {
            return;
        }

        db.ProcessingActivities.AddRange(Initial);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<ProcessingActivity> Initial =>
    [
        new()
        {
            Code = "VA-01", Name = "Ontvangen en analyseren van signalen van mensenhandel",
            Purpose = "Signalen van mogelijke seksuele, arbeids- en criminele uitbuiting van medewerkers met publiekscontact ontvangen via één interne meldroute, aanvullen en analyseren om te bepalen of en waarheen ze worden doorgezet (plan van aanpak mensenhandel, paragraaf 7 en 11).",
            LegalGround = "Art. 6 lid 1 sub e AVG (taak van algemeen belang: openbare orde en veiligheid, Gemeentewet art. 172; zorg, Wmo 2015). Bijzondere persoonsgegevens: art. 9 lid 2 sub g AVG. Strafrechtelijke gegevens (vermoedens): art. 10 AVG jo. art. 33 UAVG.",
            DataCategories = "Naam of omschrijving, leeftijd, minderjarigheid, nationaliteit, taal, contactgegevens, omschrijving van de situatie en de plaats, indicatoren van uitbuiting, analyse van de aandachtsfunctionaris.",
            DataSubjects = "Mogelijke slachtoffers (ook minderjarigen), mogelijke uitbuiters, andere betrokkenen, melders (medewerkers).",
            Recipients = "Aandachtsfunctionarissen mensenhandel; leden van de gemeentelijke casustafel alleen voor signalen op de agenda van een overleg dat zij bijwonen.",
            Retention = "Tot het doorzetten: daarna direct definitief verwijderd (plan par. 11). Afgesloten zonder actie: 6 maanden (instelbaar). Anonieme kenmerken blijven voor de monitoring.",
            Safeguards = "Versleuteld opgeslagen (AES-256-GCM, sleutels buiten de database); need-to-know per signaal; elke inzage in het auditlog; tweestapsverificatie; geen persoonsgegevens in logregels of adressen.",
            EnforcedBy = "Features/Intake, Features/Handling, SignalAccessHandler, SignalPurge, RunRetention",
        },
        new()
        {
            Code = "VA-02", Name = "Casusbespreking aan de gemeentelijke casustafel",
            Purpose = "Signalen bespreken en besluiten welke routes worden gevolgd: slachtofferspoor, daderspoor, Arbeidsinspectie, politie, bestuurlijke maatregelen.",
            LegalGround = "Art. 6 lid 1 sub e AVG; art. 9 lid 2 sub g en art. 10 AVG, zoals bij VA-01.",
            DataCategories = "Als VA-01, met de beoordeling en het besluit per route.",
            DataSubjects = "Mogelijke slachtoffers, mogelijke uitbuiters, andere betrokkenen.",
            Recipients = "Deelnemers aan het overleg (casustafelleden en aandachtsfunctionarissen), alleen zolang het overleg open is.",
            Retention = "Als VA-01: verwijderd bij het doorzetten.",
            Safeguards = "Toegang per overleg en per agenda; besluitenlijst zonder persoonsgegevens; inzage gelogd.",
            EnforcedBy = "Features/CaseTable, SignalAccessHandler",
        },
        new()
        {
            Code = "VA-03", Name = "Doorzetten naar ketenpartners",
            Purpose = "Signalen overdragen aan de partner van elke gekozen route: RIEC Noord-Holland en Zorg- en Veiligheidshuis (daderspoor), zorgcoördinatie (slachtofferspoor), Nederlandse Arbeidsinspectie, politie, jeugdhulp.",
            LegalGround = "Art. 6 lid 1 sub e AVG; voor slachtoffergegevens na een vastgelegde belangenafweging (plan par. 11); daderspoor binnen de Wet politiegegevens via het RIEC-convenant en privacyprotocol; convenant Zorg- en Veiligheidshuis Kennemerland; convenant Maatschappelijke Zorg.",
            DataCategories = "Per route alleen wat die route nodig heeft: slachtoffergegevens alleen op slachtofferspoor en jeugdhulp, gegevens van verdachten alleen op daderspoor, politie en Arbeidsinspectie.",
            DataSubjects = "Mogelijke slachtoffers, mogelijke uitbuiters.",
            Recipients = "RIEC NH (RIEC-IS), Zorg- en Veiligheidshuis Kennemerland, Nederlandse Arbeidsinspectie, politie, zorgcoördinatie, jeugdhulp.",
            Retention = "Geen registratie bij de gemeente na overdracht: de persoonsgegevens van het signaal worden bij het bevestigen van de laatste route definitief verwijderd, met een verwijderbewijs.",
            Safeguards = "Belangenafweging verplicht vóór overdracht van slachtoffergegevens; overdrachtsformulier per route; elke download gelogd.",
            EnforcedBy = "Features/Forwarding, RouteSuggestions.SharesVictimData, SignalPurge.OnForwardingRule",
        },
        new()
        {
            Code = "VA-04", Name = "Afgeschermd slachtofferdossier (zorgcoördinatie)",
            Purpose = "Zorg en ondersteuning coördineren voor een mogelijk slachtoffer dat via het slachtofferspoor is doorgezet (plan par. 11: afgeschermde omgeving, KEDO).",
            LegalGround = "Art. 6 lid 1 sub e AVG (Wmo 2015; convenant Maatschappelijke Zorg); art. 9 lid 2 sub g AVG; toestemming van betrokkene waar dat de grondslag voor delen is.",
            DataCategories = "Gegevens van het mogelijke slachtoffer, contactmomenten, zorgnotities, toestemmingen, belangenafwegingen, betrokken partners, bedenktijd (B8).",
            DataSubjects = "Mogelijke slachtoffers (ook minderjarigen). Nooit verdachten.",
            Recipients = "Zorgcoördinator; medewerkers van partners alleen met toegang tot dat ene dossier, voor een doel en tot een einddatum.",
            Retention = "24 maanden na afsluiten (instelbaar; te bevestigen door de archivaris), daarna definitief verwijderd met een verwijderbewijs, tenzij een juridische blokkade geldt.",
            Safeguards = "Versleuteld; alleen de zorgcoördinator en toegang per dossier; elke opening gelogd; andere rollen zien niet dat een dossier bestaat.",
            EnforcedBy = "Features/VictimDossiers, DossierAccessHandler, DossierPurge",
        },
        new()
        {
            Code = "VA-05", Name = "Logging van toegang en wijzigingen (auditlog)",
            Purpose = "Verantwoording en controle: vastleggen wie wanneer welke gegevens inzag of wijzigde (BIO 8.15, Logboek dataverwerkingen).",
            LegalGround = "Art. 6 lid 1 sub c en e AVG jo. art. 5 lid 2 en art. 32 AVG.",
            DataCategories = "Account-id en rol, handeling, soort en kenmerk van het object, doel, uitkomst, tijdstip, IP-adres, correlatie-id. Geen inhoud.",
            DataSubjects = "Medewerkers die Meldroute gebruiken.",
            Recipients = "Functionaris gegevensbescherming; auditors op verzoek.",
            Retention = "7 jaar (instelbaar), daarna per hele dag verwijderd met een controlepunt in de hashketen.",
            Safeguards = "Alleen toevoegen; hashketen die wijzigen en verwijderen zichtbaar maakt; alleen de functionaris gegevensbescherming zoekt en exporteert, en ook dat wordt gelogd.",
            EnforcedBy = "Features/Audit, AuditChain, AuditTrail.TrimAsync",
        },
        new()
        {
            Code = "VA-06", Name = "Accounts en toegangsbeheer",
            Purpose = "Medewerkers veilig laten inloggen met een rol die past bij hun taak, en toegang jaarlijks herzien (BIO 5.18).",
            LegalGround = "Art. 6 lid 1 sub b en e AVG (arbeidsovereenkomst, publieke taak).",
            DataCategories = "Naam, e-mailadres, rol, afdeling, tweestapsverificatie, laatste inlog, mislukte inlogpogingen.",
            DataSubjects = "Medewerkers.",
            Recipients = "Functioneel beheerder.",
            Retention = "Zolang het account bestaat; geblokkeerde accounts worden bij de jaarlijkse toegangsreview opgeruimd.",
            Safeguards = "Wachtwoorden gehasht; tweestapsverificatie; blokkade na mislukte pogingen; rolwijziging beëindigt sessies.",
            EnforcedBy = "Features/Account, Features/Admin/Users",
        },
        new()
        {
            Code = "VA-07", Name = "Monitoring en verantwoording (cijfers)",
            Purpose = "Laten zien of de signaleringscapaciteit groeit (plan par. 6, doel 2) en verantwoorden aan de raad.",
            LegalGround = "Geen persoonsgegevens: alleen anonieme kenmerken die na verwijdering overblijven; kleine aantallen worden onderdrukt.",
            DataCategories = "Datum, vorm van uitbuiting, bron, afdeling, soort locatie, route, doorlooptijden, wel/geen minderjarige.",
            DataSubjects = "Geen (geanonimiseerd).",
            Recipients = "Beleidsadviseurs, gemeenteraad.",
            Retention = "Onbeperkt (anoniem).",
            Safeguards = "Geen vrije tekst of namen in de kenmerken; celonderdrukking onder de drempel.",
            EnforcedBy = "Signal (anonieme kenmerken), SignalPurge",
        },
    ];
}
