using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

/// <summary>UpdateProcessingActivity: changes an activity of the register; a stale version is a conflict.</summary>
public static class UpdateProcessingActivity
{
    public static async Task<Outcome<ProcessingActivity>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, ProcessingActivityRequest r, CancellationToken cancellationToken)
    {
        if (await ProcessingActivityRules.ValidateAsync(db, t, id, r, cancellationToken) is { Count: > 0 } errors)
        {
            return Outcome<ProcessingActivity>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var activity = await db.ProcessingActivities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return Outcome<ProcessingActivity>.NotFound();
        }

        if (r.Version is { } version && version != activity.Version)
        {
            return Outcome<ProcessingActivity>.Conflict(t["Register_ChangedByOther", activity.Code]);
        }

        db.Entry(activity).Property(a => a.Version).OriginalValue = activity.Version;
        return await ProcessingActivityRules.SaveAsync(db, audit, clock, t, user, transaction, activity, r, "register.activity.updated", cancellationToken);
    }
}
