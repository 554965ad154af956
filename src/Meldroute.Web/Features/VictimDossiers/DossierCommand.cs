using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>The answer to a change: the dossier's new version (for the next change).</summary>
public sealed record DossierChanged(Guid Id, string Reference, Guid Version);

/// <summary>A change request that carries the version of the dossier the user saw.</summary>
public interface IDossierRequest
{
    Guid? Version { get; set; }
}

/// <summary>The services every change to a dossier needs; injected once per request.</summary>
public sealed class DossierCommandContext(
    MeldrouteDbContext db,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t)
{
    public MeldrouteDbContext Db { get; } = db;

    public IStringLocalizer<SharedResource> T { get; } = t;

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>
    /// Loads the dossier, checks the requirement and the version the user saw, applies the change and saves it with
    /// its audit event (naming the section changed) in one transaction. A refused access is a 404 and an audit event.
    /// </summary>
    public async Task<Outcome<DossierChanged>> RunAsync(
        ClaimsPrincipal user, Guid dossierId, Guid? expectedVersion, IAuthorizationRequirement requirement, string auditAction, string section,
        Func<VictimDossier, Task<Outcome<DossierChanged>?>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await Db.VictimDossiers.SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken);
        if (dossier is null || !(await authorization.AuthorizeAsync(user, dossier, requirement)).Succeeded)
        {
            await audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Denied, VictimDossiersApi.AuditObject, dossier?.Reference ?? dossierId.ToString(), section), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome<DossierChanged>.NotFound();
        }

        if (expectedVersion is { } version && version != dossier.Version)
        {
            return Outcome<DossierChanged>.Conflict(T["Dossier_ChangedByOther", dossier.Reference]);
        }

        if (dossier.DeletionReceipt is not null)
        {
            return Outcome<DossierChanged>.Conflict(T["Dossier_Purged"]);
        }

        Db.Entry(dossier).Property(s => s.Version).OriginalValue = dossier.Version;
        if (await change(dossier) is { } stopped)
        {
            return stopped;
        }

        // Children are added through the context; touching the version marks the dossier itself as changed so that
        // a concurrent editor holding the old version is refused.
        dossier.Version = Guid.NewGuid();
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<DossierChanged>.Conflict(T["Dossier_ChangedByOther", dossier.Reference]);
        }

        await audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Success, VictimDossiersApi.AuditObject, dossier.Reference, section), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<DossierChanged>.Ok(new DossierChanged(dossier.Id, dossier.Reference, dossier.Version));
    }

    /// <summary>Changes other than notes are refused once the dossier is closed.</summary>
    public Outcome<DossierChanged>? RequireOpen(VictimDossier dossier) =>
        dossier.IsOpen ? null : Outcome<DossierChanged>.Conflict(T["Dossier_Closed"]);
}
