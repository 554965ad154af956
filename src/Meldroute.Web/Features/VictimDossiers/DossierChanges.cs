using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>The answer to a change: the dossier's new version (for the next change).</summary>
public sealed record DossierChanged(Guid Id, string Reference, Guid Version);

/// <summary>
/// Every change to a victim dossier runs here: through <see cref="AggregateChanges"/> with the requirement the change
/// names, its audit events naming the section changed; a purged dossier takes no change.
/// </summary>
public sealed class DossierChanges(AggregateChanges changes)
{
    public MeldrouteDbContext Db => changes.Db;

    public IStringLocalizer<SharedResource> T => changes.T;

    public DateTimeOffset Now => changes.Now;

    public DateOnly Today => changes.Today;

    public Task<Outcome<DossierChanged>> RunAsync(
        ClaimsPrincipal user, Guid dossierId, Guid? expectedVersion, IAuthorizationRequirement requirement, string auditAction, string section,
        Func<VictimDossier, Task<Outcome<DossierChanged>?>> change, CancellationToken cancellationToken) =>
        changes.RunAsync(VictimDossier.Kind, user, dossierId, expectedVersion, requirement, auditAction, section,
            dossier => dossier.DeletionReceipt is not null ? Task.FromResult<Outcome<DossierChanged>?>(Outcome<DossierChanged>.Conflict(T["Dossier_Purged"])) : change(dossier),
            dossier => new DossierChanged(dossier.Id, dossier.Reference, dossier.Version),
            cancellationToken);

    /// <summary>Changes other than notes are refused once the dossier is closed.</summary>
    public Outcome<DossierChanged>? RequireOpen(VictimDossier dossier) =>
        dossier.IsOpen ? null : Outcome<DossierChanged>.Conflict(T["Dossier_Closed"]);
}
