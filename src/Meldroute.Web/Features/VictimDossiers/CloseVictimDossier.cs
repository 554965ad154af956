using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.VictimDossiers;

public sealed class CloseDossierRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    public DossierClosureReason? Reason { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// CloseVictimDossier: the coordinator closes the dossier with a reason. Closing starts the retention term
/// (Retention:VictimDossierMonths) and ends every access grant.
/// </summary>
public static class CloseVictimDossier
{
    public static Task<Outcome<DossierChanged>> HandleAsync(DossierChanges c, ClaimsPrincipal user, Guid dossierId, CloseDossierRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, dossierId, r.Version, new ManageDossierRequirement(), "dossier.closed", "closure", async dossier =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (r.Reason is null || !Enum.IsDefined(r.Reason.Value))
            {
                errors[nameof(r.Reason)] = [c.T["Dossier_ClosureReasonRequired"]];
            }

            TextRules.Check(errors, nameof(r.Note), r.Note, 2_000, c.T, required: r.Reason == DossierClosureReason.Other);
            if (errors.Count > 0)
            {
                return Outcome<DossierChanged>.Invalid(errors);
            }

            if (c.RequireOpen(dossier) is { } closed)
            {
                return closed;
            }

            dossier.ClosedAt = c.Now;
            dossier.ClosureReason = r.Reason;
            dossier.ClosureNote = TextRules.Clean(r.Note);
            foreach (var grant in await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                         c.Db.DossierAccessGrants.Where(g => g.DossierId == dossier.Id && g.RevokedAt == null), cancellationToken))
            {
                grant.RevokedAt = c.Now;
            }

            return null;
        }, cancellationToken);
}
