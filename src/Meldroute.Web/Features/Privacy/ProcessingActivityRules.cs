using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

/// <summary>AddProcessingActivity and UpdateProcessingActivity's body.</summary>
public sealed class ProcessingActivityRequest
{
    public Guid? Version { get; set; }

    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Purpose { get; set; }

    public string? LegalGround { get; set; }

    public string? DataCategories { get; set; }

    public string? DataSubjects { get; set; }

    public string? Recipients { get; set; }

    public string? Retention { get; set; }

    public string? Safeguards { get; set; }

    public string? EnforcedBy { get; set; }

    public static ProcessingActivityRequest From(ProcessingActivity a) => new()
    {
        Version = a.Version, Code = a.Code, Name = a.Name, Purpose = a.Purpose, LegalGround = a.LegalGround, DataCategories = a.DataCategories,
        DataSubjects = a.DataSubjects, Recipients = a.Recipients, Retention = a.Retention, Safeguards = a.Safeguards, EnforcedBy = a.EnforcedBy,
    };
}

/// <summary>
/// What AddProcessingActivity and UpdateProcessingActivity share: the validation of the body (with a code that no other
/// activity has) and writing it to the activity, saved with an audit record. A second editor holding an old version is refused.
/// </summary>
public static class ProcessingActivityRules
{
    public const int TextMax = 2_000;

    /// <summary>The body's field errors, empty when it is valid; <paramref name="id"/> is the activity itself (null when new).</summary>
    public static async Task<Dictionary<string, string[]>> ValidateAsync(
        MeldrouteDbContext db, IStringLocalizer t, int? id, ProcessingActivityRequest r, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Code), r.Code, 20, t, required: true);
        TextRules.Check(errors, nameof(r.Name), r.Name, 200, t, required: true);
        foreach (var (field, value) in new[]
                 {
                     (nameof(r.Purpose), r.Purpose), (nameof(r.LegalGround), r.LegalGround), (nameof(r.DataCategories), r.DataCategories),
                     (nameof(r.DataSubjects), r.DataSubjects), (nameof(r.Recipients), r.Recipients), (nameof(r.Retention), r.Retention), (nameof(r.Safeguards), r.Safeguards),
                 })
        {
            TextRules.Check(errors, field, value, TextMax, t, required: true);
        }

        TextRules.Check(errors, nameof(r.EnforcedBy), r.EnforcedBy, TextMax, t);
        var code = Code(r);
        if (code is not null && await db.ProcessingActivities.AnyAsync(a => a.Code == code && a.Id != id, cancellationToken))
        {
            errors[nameof(r.Code)] = [t["Register_CodeTaken"]];
        }

        return errors;
    }

    /// <summary>Writes a valid body to the activity, saves it and records <paramref name="action"/>, inside the caller's transaction.</summary>
    public static async Task<Outcome<ProcessingActivity>> SaveAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, IDbContextTransaction transaction,
        ProcessingActivity activity, ProcessingActivityRequest r, string action, CancellationToken cancellationToken)
    {
        activity.Code = Code(r)!;
        activity.Name = TextRules.Clean(r.Name)!;
        activity.Purpose = TextRules.Clean(r.Purpose)!;
        activity.LegalGround = TextRules.Clean(r.LegalGround)!;
        activity.DataCategories = TextRules.Clean(r.DataCategories)!;
        activity.DataSubjects = TextRules.Clean(r.DataSubjects)!;
        activity.Recipients = TextRules.Clean(r.Recipients)!;
        activity.Retention = TextRules.Clean(r.Retention)!;
        activity.Safeguards = TextRules.Clean(r.Safeguards)!;
        activity.EnforcedBy = TextRules.Clean(r.EnforcedBy);
        activity.UpdatedAt = clock.GetUtcNow();
        activity.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ProcessingActivity>.Conflict(t["Register_ChangedByOther", activity.Code]);
        }

        await audit.RecordAsync(new AuditEntry(action, AuditOutcome.Success, "processing-activity", activity.Code), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<ProcessingActivity>.Ok(activity);
    }

    private static string? Code(ProcessingActivityRequest r) => r.Code?.Trim().ToUpperInvariant();
}
