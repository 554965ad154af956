using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>ScheduleSignal from the signal's page: puts the signal on a meeting's agenda.</summary>
[Authorize(Policy = Policies.SpecialistOfficer)]
public sealed class ScheduleModel(MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, SignalChanges commands)
    : SignalStepPageModel(db, authorization, audit, commands)
{
    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        RunAsync(nameof(MeetingId), () => ScheduleSignal.HandleAsync(Commands, User, Id, new ScheduleSignalRequest { Version = Version, MeetingId = MeetingId }, ct), ct, prefix: "");
}
