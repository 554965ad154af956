using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.VictimDossiers;

public sealed class GrantRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    /// <summary>The account's e-mail address (its user name).</summary>
    public string? Email { get; set; }

    public int? PartnerId { get; set; }

    public string? Purpose { get; set; }

    public DateOnly? EndsOn { get; set; }
}

/// <summary>
/// GrantDossierAccess: the coordinator gives one account of a partner access to this one dossier, for a stated purpose,
/// until an end date at most a year away (need to know: access is reviewed at least yearly, BIO 5.18).
/// </summary>
public static class GrantDossierAccess
{
    public const int MaxMonths = 12;

    public static Task<Outcome<DossierChanged>> HandleAsync(DossierChanges c, UserManager<MeldrouteUser> users, ClaimsPrincipal user, Guid dossierId, GrantRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, dossierId, r.Version, new ManageDossierRequirement(), "dossier.access.granted", "access", async dossier =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var grantee = string.IsNullOrWhiteSpace(r.Email) ? null : await users.FindByEmailAsync(r.Email.Trim());
            if (grantee is null)
            {
                errors[nameof(r.Email)] = [c.T["Dossier_GranteeUnknown"]];
            }
            else if (await users.IsInRoleAsync(grantee, Roles.VictimCareCoordinator))
            {
                errors[nameof(r.Email)] = [c.T["Dossier_GranteeIsCoordinator"]];
            }

            if (r.PartnerId is null || !await c.Db.Partners.AnyAsync(p => p.Id == r.PartnerId, cancellationToken))
            {
                errors[nameof(r.PartnerId)] = [c.T["Dossier_PartnerRequired"]];
            }

            TextRules.Check(errors, nameof(r.Purpose), r.Purpose, 1_000, c.T, required: true);
            if (r.EndsOn is null || r.EndsOn < c.Today || r.EndsOn > c.Today.AddMonths(MaxMonths))
            {
                errors[nameof(r.EndsOn)] = [c.T["Dossier_GrantEndRange", MaxMonths]];
            }

            if (errors.Count > 0)
            {
                return Outcome<DossierChanged>.Invalid(errors);
            }

            if (c.RequireOpen(dossier) is { } closed)
            {
                return closed;
            }

            c.Db.DossierAccessGrants.Add(new DossierAccessGrant
            {
                DossierId = dossier.Id,
                UserId = grantee!.Id,
                PartnerId = r.PartnerId,
                Purpose = TextRules.Clean(r.Purpose),
                EndsOn = r.EndsOn!.Value,
                GrantedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
                GrantedAt = c.Now,
            });
            return null;
        }, cancellationToken);
}
