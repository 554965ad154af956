using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

/// <summary>AddAgendaActivity: a new activity on the implementation agenda.</summary>
public static class AddAgendaActivity
{
    public static async Task<Outcome<AgendaActivityView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, AgendaActivityRequest r, CancellationToken cancellationToken)
    {
        var valid = AgendaActivityRules.Validate(r, t);
        if (valid.Kind != OutcomeKind.Ok)
        {
            return Outcome<AgendaActivityView>.Invalid(valid.Errors!);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var activity = new AgendaActivity { Title = "" };
        db.AgendaActivities.Add(activity);
        return await AgendaActivityRules.SaveAsync(db, audit, clock, t, user, transaction, activity, r, valid.Value!, "agenda.activity.added", cancellationToken);
    }
}
