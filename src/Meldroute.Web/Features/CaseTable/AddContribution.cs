using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.CaseTable;

public sealed class AddContributionRequest
{
    public string? Text { get; set; }
}

/// <summary>
/// AddContribution: whoever is present in an open meeting (<see cref="ContributeToMeetingRequirement"/>) adds their
/// contribution to the weighing of a signal on its agenda, one per signal, until the chair records the decision.
/// Anyone else gets a 404, audited.
/// </summary>
public static class AddContribution
{
    public static async Task<Outcome<ContributionView>> HandleAsync(
        AggregateChanges c, IAuthorizationService authorization, ClaimsPrincipal user, Guid meetingId, Guid signalId, AddContributionRequest r, CancellationToken cancellationToken)
    {
        await using var transaction = await c.Db.Database.BeginTransactionAsync(cancellationToken);
        var target = await ListContributions.TargetAsync(c.Db, meetingId, signalId, cancellationToken);
        if (await ContributionRules.RefusedAsync(c, authorization, user, target, own: true, signalId, "signal.contribution.added", cancellationToken) is { } refused)
        {
            await transaction.CommitAsync(cancellationToken);
            return refused;
        }

        if (ContributionRules.Check(c, target!, r.Text) is { } invalid)
        {
            return invalid;
        }

        var authorId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (await c.Db.MeetingContributions.AnyAsync(x => x.MeetingId == meetingId && x.SignalId == signalId && x.AuthorId == authorId, cancellationToken))
        {
            return Outcome<ContributionView>.Conflict(c.T["Contribution_Exists", target!.Reference]);
        }

        var contribution = new MeetingContribution { MeetingId = meetingId, SignalId = signalId, AuthorId = authorId, Text = TextRules.Clean(r.Text)!, CreatedAt = c.Now, ChangedAt = c.Now };
        c.Db.MeetingContributions.Add(contribution);
        try
        {
            await c.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same author's second add at the same moment: the unique index refused it.
            return Outcome<ContributionView>.Conflict(c.T["Contribution_Exists", target!.Reference]);
        }

        return await ContributionRules.SavedAsync(c, transaction, user, target!, contribution, "signal.contribution.added", cancellationToken);
    }
}

/// <summary>What adding and changing a contribution share: who may, when, the text, the audit event.</summary>
internal static class ContributionRules
{
    /// <summary>
    /// A 404 (audited) unless the signal is on the meeting's agenda, the contribution is the user's own (<paramref name="own"/>)
    /// and the user is present in the meeting; null to go on.
    /// </summary>
    public static async Task<Outcome<ContributionView>?> RefusedAsync(
        AggregateChanges c, IAuthorizationService authorization, ClaimsPrincipal user, ContributionTarget? target, bool own, Guid signalId, string auditAction, CancellationToken cancellationToken)
    {
        if (target is not null && own && (await authorization.AuthorizeAsync(user, target.Meeting, new ContributeToMeetingRequirement())).Succeeded)
        {
            return null;
        }

        await c.Audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Denied, "signal", target?.Reference ?? signalId.ToString(), "contribution"), cancellationToken);
        return Outcome<ContributionView>.NotFound();
    }

    /// <summary>Refuses a contribution once the signal is decided, and an empty or too long text; null when it may be saved.</summary>
    public static Outcome<ContributionView>? Check(AggregateChanges c, ContributionTarget target, string? text)
    {
        if (target.Status != SignalStatus.OnAgenda)
        {
            return Outcome<ContributionView>.Conflict(c.T["Contribution_Decided", target.Reference]);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, "Text", text, SubmitLimits.ReasonMax, c.T, required: true);
        return errors.Count > 0 ? Outcome<ContributionView>.Invalid(errors) : null;
    }

    /// <summary>After the save: the audit event naming the signal, the commit, and the contribution as its author sees it.</summary>
    public static async Task<Outcome<ContributionView>> SavedAsync(
        AggregateChanges c, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, ClaimsPrincipal user, ContributionTarget target, MeetingContribution contribution, string auditAction, CancellationToken cancellationToken)
    {
        await c.Audit.RecordAsync(new AuditEntry(auditAction, AuditOutcome.Success, "signal", target.Reference, "contribution"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var name = await c.Db.Users.AsNoTracking().Where(u => u.Id == contribution.AuthorId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "—";
        return Outcome<ContributionView>.Ok(new ContributionView(contribution.Id, contribution.AuthorId, name, contribution.Text, contribution.ChangedAt, contribution.Version, Mine: true));
    }
}
