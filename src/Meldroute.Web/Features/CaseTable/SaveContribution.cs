using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

public sealed class SaveContributionRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// SaveContribution: the author changes their own contribution, with the version they saw (another save in between is
/// a 409), while they are present in the open meeting and the signal awaits its decision. Anyone else's is a 404.
/// </summary>
public static class SaveContribution
{
    public static async Task<Outcome<ContributionView>> HandleAsync(
        AggregateChanges c, IAuthorizationService authorization, ClaimsPrincipal user, Guid meetingId, Guid contributionId, SaveContributionRequest r, CancellationToken cancellationToken)
    {
        await using var transaction = await c.Db.Database.BeginTransactionAsync(cancellationToken);
        var contribution = await c.Db.MeetingContributions.SingleOrDefaultAsync(x => x.Id == contributionId && x.MeetingId == meetingId, cancellationToken);
        var target = contribution is null ? null : await ListContributions.TargetAsync(c.Db, meetingId, contribution.SignalId, cancellationToken);
        // Only the author's own: another member's contribution is as unknown as a missing one.
        var own = contribution is not null && contribution.AuthorId == user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await ContributionRules.RefusedAsync(c, authorization, user, target, own, contribution?.SignalId ?? contributionId, "signal.contribution.saved", cancellationToken) is { } refused)
        {
            await transaction.CommitAsync(cancellationToken);
            return refused;
        }

        if (ContributionRules.Check(c, target!, r.Text) is { } invalid)
        {
            return invalid;
        }

        if (r.Version is { } version && version != contribution!.Version)
        {
            return Outcome<ContributionView>.Conflict(c.T["Contribution_ChangedByOther", target!.Reference]);
        }

        c.Db.Entry(contribution!).Property(x => x.Version).OriginalValue = contribution!.Version;
        contribution.Text = TextRules.Clean(r.Text)!;
        contribution.ChangedAt = c.Now;
        try
        {
            await c.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ContributionView>.Conflict(c.T["Contribution_ChangedByOther", target!.Reference]);
        }

        return await ContributionRules.SavedAsync(c, transaction, user, target!, contribution, "signal.contribution.saved", cancellationToken);
    }
}
