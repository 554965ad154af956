using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Partners;

/// <summary>
/// CreatePartner: the administrator adds a partner to the network (Table 1's row, contacts, work processes), after
/// the existing ones. Which routes it takes is set apart (<see cref="SetPartnerRoutes"/>).
/// </summary>
public static class CreatePartner
{
    public static async Task<Outcome<PartnerView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, PartnerRequest r, CancellationToken cancellationToken)
    {
        var errors = await UpdatePartner.ValidateAsync(db, t, r, id: null, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome<PartnerView>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var partner = new Partner
        {
            Name = "", SortOrder = (await db.Partners.MaxAsync(p => (int?)p.SortOrder, cancellationToken) ?? 0) + 1,
            UpdatedAt = now, UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        UpdatePartner.Apply(db, partner, r);
        db.Partners.Add(partner);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator created a partner of that name at the same moment (the unique index refused it).
            return Outcome<PartnerView>.Invalid(nameof(r.Name), t["Partner_NameTaken"]);
        }

        PartnerHistory.Record(db, partner.Id, before: null, PartnerSnapshot.Of(partner, []), user, now);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("partner.created", AuditOutcome.Success, "partner", partner.Id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<PartnerView>.Ok((await GetPartner.HandleAsync(db, partner.Id, cancellationToken))!);
    }
}
