using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.VictimDossiers;

public sealed class DossierPartnerRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    public int? PartnerId { get; set; }

    /// <summary>The partner's part in the care, e.g. "opvang" or "juridische hulp".</summary>
    public string? Involvement { get; set; }

    public DateOnly? Since { get; set; }
}

/// <summary>AddDossierPartner: a partner from the registry becomes involved in the care.</summary>
public static class AddDossierPartner
{
    public static Task<Outcome<DossierChanged>> HandleAsync(DossierChanges c, ClaimsPrincipal user, Guid dossierId, DossierPartnerRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, dossierId, r.Version, new ManageDossierRequirement(), "dossier.partner.added", "partners", async dossier =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (r.PartnerId is null || !await c.Db.Partners.AnyAsync(p => p.Id == r.PartnerId, cancellationToken))
            {
                errors[nameof(r.PartnerId)] = [c.T["Dossier_PartnerRequired"]];
            }

            TextRules.Check(errors, nameof(r.Involvement), r.Involvement, 1_000, c.T, required: true);
            if (r.Since is null || r.Since > c.Today)
            {
                errors[nameof(r.Since)] = [c.T["Dossier_DateNotFuture"]];
            }

            if (errors.Count > 0)
            {
                return Outcome<DossierChanged>.Invalid(errors);
            }

            if (c.RequireOpen(dossier) is { } closed)
            {
                return closed;
            }

            c.Db.DossierPartners.Add(new DossierPartner { DossierId = dossier.Id, PartnerId = r.PartnerId!.Value, Involvement = TextRules.Clean(r.Involvement), Since = r.Since!.Value });
            return null;
        }, cancellationToken);
}
