using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Features.VictimDossiers;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

/// <summary>
/// A record that names the person: where, in which role, since when. No content. Its status is the signal's
/// (<see cref="SignalStatus"/>), or for a victim dossier "Open" or "Closed".
/// </summary>
public sealed record SubjectRecord(SubjectRecordKind Kind, Guid Id, string Reference, string Status, PersonRole Role, DateTimeOffset RegisteredAt);

/// <summary>Where a subject-access search found the person; in JSON as the audit log names these objects.</summary>
public enum SubjectRecordKind
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("signal")]
    Signal,

    [System.Text.Json.Serialization.JsonStringEnumMemberName("victim-dossier")]
    VictimDossier,
}

/// <summary>FindSubjectData: the signals and dossiers that name the person, without content; audited with the request's reference.</summary>
public static class FindSubjectData
{
    public static async Task<Outcome<IReadOnlyList<SubjectRecord>>> HandleAsync(MeldrouteDbContext db, AuditTrail audit, IStringLocalizer t, SubjectAccessRequest r, CancellationToken cancellationToken)
    {
        if (SubjectAccessRequest.Validate(r, t) is { } errors)
        {
            return Outcome<IReadOnlyList<SubjectRecord>>.Invalid(errors);
        }

        var records = await RecordsAsync(db, r.Name!, cancellationToken);
        await audit.RecordAsync(new AuditEntry("subject-access.searched", AuditOutcome.Success, "subject-access-request", r.RequestReference!.Trim(), $"found={records.Count}"), cancellationToken);
        return Outcome<IReadOnlyList<SubjectRecord>>.Ok(records);
    }

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
        return [.. inSignals.Select(x => new SubjectRecord(SubjectRecordKind.Signal, x.Id, x.Reference, x.Status.ToString(), x.Role, x.ReceivedAt))
            .Concat(inDossiers.Select(x => new SubjectRecord(SubjectRecordKind.VictimDossier, x.Id, x.Reference, x.ClosedAt is null ? "Open" : "Closed", PersonRole.PossibleVictim, x.OpenedAt)))
            .OrderBy(x => x.RegisteredAt.UtcTicks)];
    }
}
