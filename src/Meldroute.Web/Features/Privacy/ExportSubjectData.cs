using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Features.VictimDossiers;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

public sealed record SubjectPerson(string? Name, string? Age, Minor Minor, string? Nationality, string? Language, string? Contact);

public sealed record SubjectSignalData(string Reference, SignalStatus Status, DateTimeOffset ReceivedAt, PersonRole Role, SubjectPerson Person, string? Description, DateOnly? ObservedOn, LocationType LocationType, string? LocationDetail);

public sealed record SubjectDossierData(string Reference, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, SubjectPerson Person, DateOnly? ReflectionPeriodStart, DateOnly? ReflectionPeriodEnd,
    IReadOnlyList<DossierNoteView> Notes, IReadOnlyList<DossierConsentView> Consents, IReadOnlyList<string> Partners, ComenshaRegistrationRequest? Comensha = null);

/// <summary>The export the privacy officer reviews and hands over (third parties named in free text are to be blacked out by hand).</summary>
public sealed record SubjectExport(string RequestReference, DateTimeOffset ProducedAt, IReadOnlyList<SubjectSignalData> Signals, IReadOnlyList<SubjectDossierData> Dossiers);

/// <summary>ExportSubjectData: everything recorded about the person in the signals and dossiers that name them; every record exported is audited.</summary>
public static class ExportSubjectData
{
    public static async Task<Outcome<SubjectExport>> HandleAsync(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, SubjectAccessRequest r, CancellationToken cancellationToken)
    {
        if (SubjectAccessRequest.Validate(r, t) is { } errors)
        {
            return Outcome<SubjectExport>.Invalid(errors);
        }

        var hash = db.Protection.SubjectIndex.Hash(r.Name);
        var people = await db.SignalPeople.AsNoTracking().Where(p => p.SubjectHash == hash).ToListAsync(cancellationToken);
        var signalIds = people.Select(p => p.SignalId).Distinct().ToList();
        var signals = await db.Signals.AsNoTracking().Where(s => signalIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var victims = await db.Set<DossierVictim>().AsNoTracking().Where(v => v.SubjectHash == hash).ToListAsync(cancellationToken);
        var dossierIds = victims.Select(v => v.DossierId).Distinct().ToList();
        var dossiers = await db.VictimDossiers.AsNoTracking().Include(d => d.Notes).Include(d => d.Consents).Include(d => d.Partners).Include(d => d.Registrations)
            .AsSplitQuery().Where(d => dossierIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var partnerNames = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var export = new SubjectExport(
            r.RequestReference!.Trim(),
            clock.GetUtcNow(),
            [.. people.Select(p => (p, s: signals[p.SignalId])).OrderBy(x => x.s.ReceivedAt.UtcTicks).Select(x => new SubjectSignalData(
                x.s.Reference, x.s.Status, x.s.ReceivedAt, x.p.Role, Person(x.p.NameOrDescription, x.p.Age, x.p.Minor, x.p.Nationality, x.p.Language, x.p.ContactDetails),
                x.s.Description, x.s.ObservedOn, x.s.LocationType, x.s.LocationDetail))],
            [.. victims.Select(v => (v, d: dossiers[v.DossierId])).OrderBy(x => x.d.OpenedAt.UtcTicks).Select(x => new SubjectDossierData(
                x.d.Reference, x.d.OpenedAt, x.d.ClosedAt, Person(x.v.NameOrDescription, x.v.Age, x.v.Minor, x.v.Nationality, x.v.Language, x.v.ContactDetails),
                x.d.ReflectionPeriodStart, x.d.ReflectionPeriodEnd,
                [.. x.d.Notes.OrderBy(n => n.OccurredOn).Select(n => new DossierNoteView(n.Id, n.Kind, n.OccurredOn, n.Text, "—", n.RecordedAt))],
                [.. x.d.Consents.OrderBy(c => c.RecordedOn).Select(c => new DossierConsentView(c.Id, c.Purpose, c.Given, c.RecordedOn))],
                [.. x.d.Partners.Select(p => partnerNames.GetValueOrDefault(p.PartnerId, "—"))],
                x.d.Registrations.SingleOrDefault(g => g.VictimId == x.v.Id) is { } registration ? ComenshaRules.ToRequest(registration) : null))]);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var s in export.Signals)
        {
            await audit.RecordAsync(new AuditEntry("subject-access.exported", AuditOutcome.Success, "signal", s.Reference, $"request={export.RequestReference}"), cancellationToken);
        }

        foreach (var d in export.Dossiers)
        {
            await audit.RecordAsync(new AuditEntry("subject-access.exported", AuditOutcome.Success, VictimDossier.AuditObject, d.Reference, $"request={export.RequestReference}"), cancellationToken);
        }

        await audit.RecordAsync(new AuditEntry("subject-access.exported", AuditOutcome.Success, "subject-access-request", export.RequestReference, $"signals={export.Signals.Count}, dossiers={export.Dossiers.Count}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<SubjectExport>.Ok(export);
    }

    private static SubjectPerson Person(string? name, string? age, Minor minor, string? nationality, string? language, string? contact) =>
        new(name, age, minor, nationality, language, contact);
}
