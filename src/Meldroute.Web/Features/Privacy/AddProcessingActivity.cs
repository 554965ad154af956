using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

/// <summary>AddProcessingActivity: a new activity in the register of processing activities (AVG art. 30).</summary>
public static class AddProcessingActivity
{
    public static async Task<Outcome<ProcessingActivity>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, ProcessingActivityRequest r, CancellationToken cancellationToken)
    {
        if (await ProcessingActivityRules.ValidateAsync(db, t, null, r, cancellationToken) is { Count: > 0 } errors)
        {
            return Outcome<ProcessingActivity>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var activity = new ProcessingActivity { Code = "", Name = "", Purpose = "", LegalGround = "", DataCategories = "", DataSubjects = "", Recipients = "", Retention = "", Safeguards = "" };
        db.ProcessingActivities.Add(activity);
        return await ProcessingActivityRules.SaveAsync(db, audit, clock, t, user, transaction, activity, r, "register.activity.added", cancellationToken);
    }
}
