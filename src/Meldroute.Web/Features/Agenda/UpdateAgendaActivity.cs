using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

/// <summary>UpdateAgendaActivity: changes an activity of the implementation agenda; a stale version is a conflict.</summary>
public static class UpdateAgendaActivity
{
    public static async Task<Outcome<AgendaActivityView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, AgendaActivityRequest r, CancellationToken cancellationToken)
    {
        if (!await db.AgendaActivities.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return Outcome<AgendaActivityView>.NotFound();
        }

        var valid = AgendaActivityRules.Validate(r, t);
        if (valid.Kind != OutcomeKind.Ok)
        {
            return Outcome<AgendaActivityView>.Invalid(valid.Errors!);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var activity = await db.AgendaActivities.SingleAsync(a => a.Id == id, cancellationToken);
        if (r.Version is { } version && version != activity.Version)
        {
            return Outcome<AgendaActivityView>.Conflict(t["Agenda_ChangedByOther", activity.Title]);
        }

        db.Entry(activity).Property(a => a.Version).OriginalValue = activity.Version;
        return await AgendaActivityRules.SaveAsync(db, audit, clock, t, user, transaction, activity, r, valid.Value!, "agenda.activity.updated", cancellationToken);
    }
}
