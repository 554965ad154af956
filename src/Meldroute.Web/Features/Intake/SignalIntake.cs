using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Notifications;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Intake;

/// <summary>
/// The one way a signal enters Meldroute: the guided form and the API validate here (the department included), and
/// their submissions are prepared while the request is current and queued for the group commit
/// (<see cref="IntakeWriter"/>); the reporting mailbox stores its messages here one by one.
/// </summary>
public sealed class SignalIntake(
    MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, IMemoryCache cache, IntakeWriter writer, SignalNotifications notifications)
{
    /// <summary>Every field error of a submission by <paramref name="user"/>; empty when it may be stored.</summary>
    public async Task<Dictionary<string, string[]>> ValidateAsync(SubmitSignalRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var codes = await ReferenceData.ActiveIndicatorCodesAsync(db, cache, cancellationToken);
        var errors = SubmitSignal.Validate(request, codes, user.IsInRole(Roles.SpecialistOfficer), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), t);
        if (request.DepartmentId is { } department && !await db.Departments.AnyAsync(d => d.Id == department, cancellationToken))
        {
            errors[nameof(request.DepartmentId)] = [t["Intake_DepartmentUnknown"]];
        }

        return errors;
    }

    /// <summary>
    /// Validates, prepares and queues a submission; answers the signal and whether it is new (a repeated
    /// Idempotency-Key answers the first signal), or the field errors.
    /// </summary>
    public async Task<Outcome<(SubmitSignalResponse Response, bool Created)>> SubmitAsync(
        SubmitSignalRequest request, ClaimsPrincipal user, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(request, user, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome<(SubmitSignalResponse, bool)>.Invalid(errors);
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        try
        {
            return Outcome<(SubmitSignalResponse, bool)>.Ok(await writer.SubmitAsync(SubmitSignal.Prepare(audit, clock, request, userId, idempotencyKey, []), cancellationToken));
        }
        catch (IdempotencyKeyReusedException)
        {
            return Outcome<(SubmitSignalResponse, bool)>.Conflict(t["Api_IdempotencyKeyReused"]);
        }
    }

    /// <summary>
    /// Stores a signal that came in without a user (the reporting mailbox, whose reader made the request valid) in a
    /// transaction of its own, with its attachments.
    /// </summary>
    public Task<(SubmitSignalResponse Response, bool Created)> StoreReceivedAsync(
        SubmitSignalRequest request, string submittedById, string? idempotencyKey, IReadOnlyList<SignalAttachment> attachments, CancellationToken cancellationToken) =>
        SubmitSignal.StoreAsync(db, audit, notifications, SubmitSignal.Prepare(audit, clock, request, submittedById, idempotencyKey, attachments), cancellationToken);
}
