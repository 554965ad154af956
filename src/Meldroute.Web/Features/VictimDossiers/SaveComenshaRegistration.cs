using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>
/// SaveComenshaRegistration: records (or corrects) what is registered with CoMensha for one possible victim of an open
/// dossier, with the dossier's version as last read (a concurrent change is a 409). The coordinator's only; checked by
/// <see cref="ComenshaRules.Check"/>; audited without its content.
/// </summary>
public static class SaveComenshaRegistration
{
    public static Task<Outcome<DossierChanged>> HandleAsync(
        DossierChanges c, ClaimsPrincipal user, Guid dossierId, Guid victimId, ComenshaRegistrationRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, dossierId, r.Version, new ManageDossierRequirement(), "dossier.comensha.saved", "comensha", async dossier =>
        {
            if (!await c.Db.Set<DossierVictim>().AnyAsync(v => v.Id == victimId && v.DossierId == dossier.Id, cancellationToken))
            {
                return Outcome<DossierChanged>.NotFound();
            }

            var errors = ComenshaRules.Check(r, c.Today);
            if (errors.Count > 0)
            {
                return Outcome<DossierChanged>.Invalid(errors.ToDictionary(e => e.Key, e => new[] { c.T[e.Value].Value }, StringComparer.Ordinal));
            }

            if (c.RequireOpen(dossier) is { } closed)
            {
                return closed;
            }

            var registration = await c.Db.ComenshaRegistrations.SingleOrDefaultAsync(x => x.VictimId == victimId, cancellationToken);
            if (registration is null)
            {
                registration = new ComenshaRegistration { DossierId = dossier.Id, VictimId = victimId, RecordedById = "" };
                c.Db.ComenshaRegistrations.Add(registration);
            }

            ComenshaRules.Apply(registration, r);
            registration.RecordedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            registration.RecordedAt = c.Now;
            return null;
        }, cancellationToken);
}
