using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.Admin.AccessReview;

/// <summary>That the yearly access review (BIO 5.18) was done: when, by whom, how many accounts, with a note.</summary>
public sealed class AccessReviewRecord
{
    public int Id { get; set; }

    public DateTimeOffset CompletedAt { get; set; }

    public required string CompletedById { get; set; }

    public int Accounts { get; set; }

    public string? Note { get; set; }
}

/// <summary>One account as the review lists it.</summary>
public sealed record ReviewedAccount(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactor, bool ExternalSignIn, DateTimeOffset? LastSignInAt, bool Blocked, bool Inactive);

public sealed record AccessReviewView(IReadOnlyList<ReviewedAccount> Accounts, DateTimeOffset? LastReviewAt, DateOnly DueOn, bool Overdue);

public sealed class RecordAccessReviewRequest
{
    public string? Note { get; set; }
}

/// <summary>
/// GetAccessReview, ExportAccessReview and RecordAccessReview: once a year the administrator goes through every
/// account with its roles and last sign-in, blocks or changes what is no longer needed, and records that the review was
/// done. Accounts without a sign-in for <see cref="InactiveAfterDays"/> days are marked. Viewing the list is not
/// audited (it is the administrator's own page); exporting and recording are.
/// </summary>
public static class AccessReviews
{
    public const int InactiveAfterDays = 90;

    public static async Task<AccessReviewView> GetAsync(MeldrouteDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        var external = (await db.UserLogins.Select(l => l.UserId).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var last = await db.AccessReviews.AsNoTracking().OrderByDescending(r => r.Id).Select(r => (DateTimeOffset?)r.CompletedAt).FirstOrDefaultAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = last is { } done ? DateOnly.FromDateTime(done.UtcDateTime).AddYears(1) : today;
        return new AccessReviewView(
            [.. accounts.Select(u => new ReviewedAccount(
                u.Id, u.Email ?? "", u.DisplayName, [.. roles[u.Id].Order(StringComparer.Ordinal)], u.TwoFactorEnabled, external.Contains(u.Id), u.LastSignInAt,
                u.LockoutEnd == DateTimeOffset.MaxValue,
                (u.LastSignInAt ?? DateTimeOffset.MinValue) < now.AddDays(-InactiveAfterDays)))],
            last, due, due <= today);
    }

    public static async Task<byte[]> ExportCsvAsync(MeldrouteDbContext db, AuditTrail audit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var view = await GetAsync(db, now, cancellationToken);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(';').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var a in view.Accounts)
            {
                using var row = writer.NewRow();
                row["email"].Set(a.Email);
                row["name"].Set(a.DisplayName);
                row["roles"].Set(string.Join('+', a.Roles));
                row["two_factor"].Set(a.TwoFactor ? "yes" : "no");
                row["identity_provider"].Set(a.ExternalSignIn ? "yes" : "no");
                row["last_sign_in_utc"].Set(a.LastSignInAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
                row["blocked"].Set(a.Blocked ? "yes" : "no");
                row["inactive_90_days"].Set(a.Inactive ? "yes" : "no");
            }
        }

        await audit.RecordAsync(new AuditEntry("access-review.exported", AuditOutcome.Success, "access-review", null, $"accounts={view.Accounts.Count}"), cancellationToken);
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static async Task<Outcome<AccessReviewRecord>> RecordAsync(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal admin, RecordAccessReviewRequest r, CancellationToken cancellationToken)
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

internal sealed class AccessReviewRecordConfiguration : IEntityTypeConfiguration<AccessReviewRecord>
{
    public void Configure(EntityTypeBuilder<AccessReviewRecord> builder)
    {
        builder.ToTable("AccessReviews");
        builder.Property(r => r.CompletedById).HasMaxLength(64);
        builder.Property(r => r.Note).HasMaxLength(2_000);
    }
}
