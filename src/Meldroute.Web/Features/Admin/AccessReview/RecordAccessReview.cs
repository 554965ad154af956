using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.AccessReview;

/// <summary>RecordAccessReview's body: what was reviewed and changed.</summary>
public sealed class RecordAccessReviewRequest
{
    public string? Note { get; set; }
}

/// <summary>RecordAccessReview's answer: the record, without who made it.</summary>
public sealed record RecordAccessReviewResponse(int Id, DateTimeOffset CompletedAt, int Accounts);

/// <summary>RecordAccessReview: records that the yearly access review (BIO 5.18) was done; audited.</summary>
public static class RecordAccessReview
{
    public static async Task<Outcome<AccessReviewRecord>> HandleAsync(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal admin, RecordAccessReviewRequest r, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Note), r.Note, 2_000, t, required: true);
        if (errors.Count > 0)
        {
            return Outcome<AccessReviewRecord>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = new AccessReviewRecord
        {
            CompletedAt = clock.GetUtcNow(),
            CompletedById = admin.FindFirstValue(ClaimTypes.NameIdentifier)!,
            Accounts = await db.Users.CountAsync(cancellationToken),
            Note = TextRules.Clean(r.Note),
        };
        db.AccessReviews.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("access-review.completed", AuditOutcome.Success, "access-review", record.Id.ToString(CultureInfo.InvariantCulture), $"accounts={record.Accounts}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<AccessReviewRecord>.Ok(record);
    }
}
