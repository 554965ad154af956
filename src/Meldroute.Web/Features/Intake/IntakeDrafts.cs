using Meldroute.Web.Features.Municipalities;
using System.Text.Json;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Intake;

/// <summary>
/// A report the reporter saved before sending it: only its author can see, continue or delete it. What was typed is
/// one value encrypted with the draft's own data key, which is destroyed when the draft is sent, deleted or, unsent,
/// purged after <see cref="IntakeDrafts.Lifetime"/> by the retention run.
/// </summary>
public sealed class IntakeDraft : IDataKeyOwner, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? DataKeyId { get; set; }

    /// <summary>The account that wrote it; no one else's requests find it.</summary>
    public required string AuthorId { get; set; }

    /// <summary>The form as typed (<see cref="SubmitSignalRequest"/> as JSON).</summary>
    [Encrypted]
    public required string Content { get; set; }

    /// <summary>The step the reporter was on, to continue there.</summary>
    public NewModel.IntakeStep Step { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class IntakeDraftConfiguration : IEntityTypeConfiguration<IntakeDraft>
{
    public void Configure(EntityTypeBuilder<IntakeDraft> builder)
    {
        builder.Property(d => d.AuthorId).HasMaxLength(450);
        builder.Property(d => d.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.AuthorId, d.SavedAt });
        builder.HasIndex(d => d.SavedAt);
    }
}

/// <summary>A draft in its author's list: no content, only when it was saved and when it will be deleted.</summary>
public sealed record IntakeDraftSummary(Guid Id, NewModel.IntakeStep Step, DateTimeOffset SavedAt, DateTimeOffset DeletedAfter, Guid Version);

/// <summary>A draft with what was typed, to continue it.</summary>
public sealed record IntakeDraftDetails(Guid Id, NewModel.IntakeStep Step, DateTimeOffset SavedAt, DateTimeOffset DeletedAfter, Guid Version, SubmitSignalRequest Content);

/// <summary>Saving a draft: what was typed, the step, and the version read (for a draft saved before).</summary>
public sealed record SaveIntakeDraftRequest(SubmitSignalRequest? Content, NewModel.IntakeStep? Step, Guid? Version);

/// <summary>SaveIntakeDraft, ListIntakeDrafts, GetIntakeDraft, DeleteIntakeDraft and the purge of old drafts.</summary>
public static class IntakeDrafts
{
    /// <summary>How long an unsent draft is kept (issue 19: purged after 7 days).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>More than any valid report takes (10,000 characters of description, 10 people); a bigger body is refused.</summary>
    public const int MaxContentLength = 64_000;

    public const string AuditObject = "intake-draft";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Outcome<IntakeDraftSummary>> SaveAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, string authorId, Guid? id, SaveIntakeDraftRequest request,
        Microsoft.Extensions.Localization.IStringLocalizer t, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return Outcome<IntakeDraftSummary>.Invalid(nameof(request.Content), t["Draft_ContentRequired"]);
        }

        var content = JsonSerializer.Serialize(request.Content, Json);
        if (content.Length > MaxContentLength)
        {
            return Outcome<IntakeDraftSummary>.Invalid(nameof(request.Content), t["Draft_TooLong"]);
        }

        IntakeDraft draft;
        if (id is { } existing)
        {
            if (await FindOwnAsync(db, authorId, existing, cancellationToken) is not { } found)
            {
                return Outcome<IntakeDraftSummary>.NotFound();
            }

            if (request.Version is not { } version)
            {
                return Outcome<IntakeDraftSummary>.Invalid(nameof(request.Version), t["Draft_VersionRequired"]);
            }

            if (found.Version != version)
            {
                return Outcome<IntakeDraftSummary>.Conflict(t["Draft_ChangedByOther"]);
            }

            draft = found;
            draft.Content = content;
            draft.Version = Guid.NewGuid();
        }
        else
        {
            draft = new IntakeDraft { AuthorId = authorId, Content = content };
            db.IntakeDrafts.Add(draft);
        }

        draft.Step = request.Step is { } step && step != NewModel.IntakeStep.Danger ? step : NewModel.IntakeStep.Details;
        draft.SavedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<IntakeDraftSummary>.Conflict(t["Draft_ChangedByOther"]);
        }

        await audit.RecordAsync(new AuditEntry("intake-draft.saved", AuditOutcome.Success, AuditObject, draft.Id.ToString()), cancellationToken);
        return Outcome<IntakeDraftSummary>.Ok(Summary(draft));
    }

    public static async Task<List<IntakeDraftSummary>> ListAsync(MeldrouteDbContext db, string authorId, CancellationToken cancellationToken) =>
        (await db.IntakeDrafts.AsNoTracking().Where(d => d.AuthorId == authorId)
            .Select(d => new { d.Id, d.Step, d.SavedAt, d.Version }).ToListAsync(cancellationToken))
        .OrderByDescending(d => d.SavedAt)
        .Select(d => new IntakeDraftSummary(d.Id, d.Step, d.SavedAt, d.SavedAt + Lifetime, d.Version)).ToList();

    /// <summary>The author's own draft with its content; null for another's, a missing or a purged one (never a 403 that tells it exists).</summary>
    public static async Task<IntakeDraftDetails?> GetAsync(MeldrouteDbContext db, AuditTrail audit, string authorId, Guid id, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(db, authorId, id, cancellationToken) is not { } draft)
        {
            await audit.RecordAsync(new AuditEntry("intake-draft.read", AuditOutcome.Denied, AuditObject, id.ToString(), "not-found-or-not-own"), cancellationToken);
            return null;
        }

        var content = JsonSerializer.Deserialize<SubmitSignalRequest>(draft.Content, Json) ?? new SubmitSignalRequest();
        return new IntakeDraftDetails(draft.Id, draft.Step, draft.SavedAt, draft.SavedAt + Lifetime, draft.Version, content);
    }

    /// <summary>Deletes the author's draft and destroys its key; false when there is none of theirs.</summary>
    public static async Task<bool> DeleteAsync(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, string authorId, Guid id, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FindOwnAsync(db, authorId, id, cancellationToken) is not { } draft)
        {
            return false;
        }

        await RemoveAsync(db, draft, clock.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(new AuditEntry("intake-draft.deleted", AuditOutcome.Success, AuditObject, id.ToString(), reason), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>Deletes every draft saved longer than <see cref="Lifetime"/> ago, each with its key (the retention run).</summary>
    public static async Task<int> PurgeExpiredAsync(MeldrouteDbContext db, AuditTrail audit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - Lifetime;
        // SavedAt is compared in memory: SQLite cannot compare DateTimeOffset values in SQL. Drafts are few.
        var ids = (await db.IntakeDrafts.AsNoTracking().Select(d => new { d.Id, d.SavedAt }).ToListAsync(cancellationToken))
            .Where(d => d.SavedAt < before).Select(d => d.Id).ToList();
        foreach (var id in ids)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.IntakeDrafts.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } draft)
            {
                await RemoveAsync(db, draft, now, cancellationToken);
                await audit.RecordAsync(new AuditEntry("intake-draft.purged", AuditOutcome.Success, AuditObject, id.ToString(), "retention:intake-draft-7-days"), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return ids.Count;
    }

    private static async Task RemoveAsync(MeldrouteDbContext db, IntakeDraft draft, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await DataKeyShredding.DestroyAsync(db, draft.DataKeyId, at, cancellationToken);
        db.IntakeDrafts.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<IntakeDraft?> FindOwnAsync(MeldrouteDbContext db, string authorId, Guid id, CancellationToken cancellationToken) =>
        await db.IntakeDrafts.SingleOrDefaultAsync(d => d.Id == id && d.AuthorId == authorId, cancellationToken);

    private static IntakeDraftSummary Summary(IntakeDraft d) => new(d.Id, d.Step, d.SavedAt, d.SavedAt + Lifetime, d.Version);
}
