using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Forwarding;

public sealed class BalancingRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    /// <summary>Who weighed (functions, not names), e.g. "aandachtsfunctionaris en zorgcoördinator".</summary>
    public string? WeighedBy { get; set; }

    public string? Purpose { get; set; }

    public string? Necessity { get; set; }

    public string? Proportionality { get; set; }

    public string? Subsidiarity { get; set; }

    public bool? SharingJustified { get; set; }

    public string? Outcome { get; set; }
}

/// <summary>
/// RecordBalancingOfInterests (AVG art. 6, plan section 11): before anything about a possible victim is shared, an
/// officer records who weighed purpose, necessity, proportionality and subsidiarity, and the outcome.
/// </summary>
public static class RecordBalancingOfInterests
{
    public static Task<Outcome<SignalChanged>> HandleAsync(SignalChanges c, ClaimsPrincipal user, Guid signalId, BalancingRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, signalId, r.Version, "signal.balancing.recorded", signal =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            TextRules.Check(errors, nameof(r.WeighedBy), r.WeighedBy, 500, c.T, required: true);
            TextRules.Check(errors, nameof(r.Purpose), r.Purpose, SubmitLimits.ReasonMax, c.T, required: true);
            TextRules.Check(errors, nameof(r.Necessity), r.Necessity, SubmitLimits.ReasonMax, c.T, required: true);
            TextRules.Check(errors, nameof(r.Proportionality), r.Proportionality, SubmitLimits.ReasonMax, c.T, required: true);
            TextRules.Check(errors, nameof(r.Subsidiarity), r.Subsidiarity, SubmitLimits.ReasonMax, c.T, required: true);
            TextRules.Check(errors, nameof(r.Outcome), r.Outcome, SubmitLimits.ReasonMax, c.T, required: true);
            if (r.SharingJustified is null)
            {
                errors[nameof(r.SharingJustified)] = [c.T["Balancing_JustifiedRequired"]];
            }

            if (errors.Count > 0)
            {
                return Task.FromResult<Outcome<SignalChanged>?>(Outcome<SignalChanged>.Invalid(errors));
            }

            if (!SignalStateMachine.IsOpen(signal.Status))
            {
                return Task.FromResult<Outcome<SignalChanged>?>(Outcome<SignalChanged>.Conflict(c.T["Balancing_NotNow"]));
            }

            c.Db.BalancingOfInterests.Add(new BalancingOfInterests
            {
                SignalId = signal.Id,
                RecordedAt = c.Now,
                RecordedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
                WeighedBy = TextRules.Clean(r.WeighedBy),
                Purpose = TextRules.Clean(r.Purpose),
                Necessity = TextRules.Clean(r.Necessity),
                Proportionality = TextRules.Clean(r.Proportionality),
                Subsidiarity = TextRules.Clean(r.Subsidiarity),
                SharingJustified = r.SharingJustified!.Value,
                Outcome = TextRules.Clean(r.Outcome),
            });
            return Task.FromResult<Outcome<SignalChanged>?>(null);
        }, cancellationToken);
}
