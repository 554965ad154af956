using System.Text.RegularExpressions;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Features.VictimDossiers;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

public sealed class SubjectAccessRequest
{
    /// <summary>The name as the person gave it; compared exactly after normalisation (case, accents, spacing).</summary>
    public string? Name { get; set; }

    /// <summary>The request's own case number, e.g. AVG-2026-014 — recorded in the audit log instead of the name.</summary>
    public string? RequestReference { get; set; }
}

/// <summary>A record that names the person: where, in which role, since when. No content.</summary>
public sealed record SubjectRecord(string Kind, Guid Id, string Reference, string Status, string Role, DateTimeOffset RegisteredAt);

public sealed record SubjectPerson(string? Name, string? Age, string Minor, string? Nationality, string? Language, string? Contact);

public sealed record SubjectSignalData(string Reference, string Status, DateTimeOffset ReceivedAt, string Role, SubjectPerson Person, string? Description, DateOnly? ObservedOn, string LocationType, string? LocationDetail);

public sealed record SubjectDossierData(string Reference, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, SubjectPerson Person, DateOnly? ReflectionPeriodStart, DateOnly? ReflectionPeriodEnd,
    IReadOnlyList<DossierNoteView> Notes, IReadOnlyList<DossierConsentView> Consents, IReadOnlyList<string> Partners);

/// <summary>The export the privacy officer reviews and hands over (third parties named in free text are to be blacked out by hand).</summary>
public sealed record SubjectExport(string RequestReference, DateTimeOffset ProducedAt, IReadOnlyList<SubjectSignalData> Signals, IReadOnlyList<SubjectDossierData> Dossiers);

/// <summary>
/// FindSubjectData and ExportSubjectData: a subject access request (AVG art. 15). The name is looked up through the
/// keyed hash index (<see cref="SubjectIndex"/>) in the people of signals and the victims of dossiers — nothing is
/// decrypted to search. Both the search and the export are audited with the request's reference, never the name.
/// Free text is not searched (that would mean decrypting everything); it is part of the export of each record found.
/// </summary>
public static partial class SubjectAccess
{
    public static async Task<Outcome<IReadOnlyList<SubjectRecord>>> FindAsync(MeldrouteDbContext db, AuditTrail audit, IStringLocalizer t, SubjectAccessRequest r, CancellationToken cancellationToken)
    {
        if (Validate(r, t) is { } errors)
        {
            return Outcome<IReadOnlyList<SubjectRecord>>.Invalid(errors);
        }

        var records = await RecordsAsync(db, r.Name!, cancellationToken);
        await audit.RecordAsync(new AuditEntry("subject-access.searched", AuditOutcome.Success, "subject-access-request", r.RequestReference!.Trim(), $"found={records.Count}"), cancellationToken);
        return Outcome<IReadOnlyList<SubjectRecord>>.Ok(records);
    }

    public static async Task<Outcome<SubjectExport>> ExportAsync(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, SubjectAccessRequest r, CancellationToken cancellationToken)
    {
        if (Validate(r, t) is { } errors)
        {
            return Outcome<SubjectExport>.Invalid(errors);
        }

        var hash = db.Protection.SubjectIndex.Hash(r.Name);
        var people = await db.SignalPeople.AsNoTracking().Where(p => p.SubjectHash == hash).ToListAsync(cancellationToken);
        var signalIds = people.Select(p => p.SignalId).Distinct().ToList();
        var signals = await db.Signals.AsNoTracking().Where(s => signalIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var victims = await db.Set<DossierVictim>().AsNoTracking().Where(v => v.SubjectHash == hash).ToListAsync(cancellationToken);
        var dossierIds = victims.Select(v => v.DossierId).Distinct().ToList();
        var dossiers = await db.VictimDossiers.AsNoTracking().Include(d => d.Notes).Include(d => d.Consents).Include(d => d.Partners)
            .AsSplitQuery().Where(d => dossierIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var partnerNames = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var export = new SubjectExport(
            r.RequestReference!.Trim(),
            clock.GetUtcNow(),
            [.. people.Select(p => (p, s: signals[p.SignalId])).OrderBy(x => x.s.ReceivedAt.UtcTicks).Select(x => new SubjectSignalData(
                x.s.Reference, x.s.Status.ToString(), x.s.ReceivedAt, x.p.Role.ToString(), Person(x.p.NameOrDescription, x.p.Age, x.p.Minor, x.p.Nationality, x.p.Language, x.p.ContactDetails),
                x.s.Description, x.s.ObservedOn, x.s.LocationType.ToString(), x.s.LocationDetail))],
            [.. victims.Select(v => (v, d: dossiers[v.DossierId])).OrderBy(x => x.d.OpenedAt.UtcTicks).Select(x => new SubjectDossierData(
                x.d.Reference, x.d.OpenedAt, x.d.ClosedAt, Person(x.v.NameOrDescription, x.v.Age, x.v.Minor, x.v.Nationality, x.v.Language, x.v.ContactDetails),
                x.d.ReflectionPeriodStart, x.d.ReflectionPeriodEnd,
                [.. x.d.Notes.OrderBy(n => n.OccurredOn).Select(n => new DossierNoteView(n.Id, n.Kind, n.OccurredOn, n.Text, "—", n.RecordedAt))],
                [.. x.d.Consents.OrderBy(c => c.RecordedOn).Select(c => new DossierConsentView(c.Id, c.Purpose, c.Given, c.RecordedOn))],
                [.. x.d.Partners.Select(p => partnerNames.GetValueOrDefault(p.PartnerId, "—"))]))]);

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
        new(name, age, minor.ToString(), nationality, language, contact);

    private static async Task<IReadOnlyList<SubjectRecord>> RecordsAsync(MeldrouteDbContext db, string name, CancellationToken cancellationToken)
    {
        var hash = db.Protection.SubjectIndex.Hash(name);
        var inSignals = await (from p in db.SignalPeople
                               join s in db.Signals on p.SignalId equals s.Id
                               where p.SubjectHash == hash
                               select new { s.Id, s.Reference, s.Status, p.Role, s.ReceivedAt }).ToListAsync(cancellationToken);
        var inDossiers = await (from v in db.Set<DossierVictim>()
                                join d in db.VictimDossiers on v.DossierId equals d.Id
                                where v.SubjectHash == hash
                                select new { d.Id, d.Reference, d.ClosedAt, d.OpenedAt }).ToListAsync(cancellationToken);
        return [.. inSignals.Select(x => new SubjectRecord("signal", x.Id, x.Reference, x.Status.ToString(), x.Role.ToString(), x.ReceivedAt))
            .Concat(inDossiers.Select(x => new SubjectRecord("victim-dossier", x.Id, x.Reference, x.ClosedAt is null ? "Open" : "Closed", nameof(PersonRole.PossibleVictim), x.OpenedAt)))
            .OrderBy(x => x.RegisteredAt.UtcTicks)];
    }

    private static Dictionary<string, string[]>? Validate(SubjectAccessRequest r, IStringLocalizer t)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Name), r.Name, 500, t, required: true);
        if (string.IsNullOrWhiteSpace(r.RequestReference) || !RequestReferencePattern().IsMatch(r.RequestReference.Trim()))
        {
            errors[nameof(r.RequestReference)] = [t["Subject_RequestReferenceRule"]];
        }

        return errors.Count > 0 ? errors : null;
    }

    /// <summary>A case number, not a name: letters, digits and - / . only, up to 50.</summary>
    [GeneratedRegex(@"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-/.]{1,49}$")]
    private static partial Regex RequestReferencePattern();
}
