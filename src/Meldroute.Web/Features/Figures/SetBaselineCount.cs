using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Figures;

/// <summary>SetBaselineCount's body: the entry's year, form and source, its count and note, and the version the user saw (none for a new entry).</summary>
public sealed class BaselineCountRequest
{
    public int? Year { get; set; }

    public FormCategory? Form { get; set; }

    public SignalSource? Source { get; set; }

    public int? Count { get; set; }

    public string? Note { get; set; }

    /// <summary>The version of the entry as the user saw it; empty when they are adding one that did not exist (then 409 if it does).</summary>
    [NullWhenNew]
    public Guid? Version { get; set; }
}

/// <summary>The limits of an entered count, shared by the API and the page.</summary>
public static class BaselineRules
{
    public const int FirstYear = 2000;
    public const int CountMax = 1_000_000;
    public const int NoteMax = 500;

    public static IReadOnlyDictionary<string, object?> Fields(BaselineCount b) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["Count"] = b.Count, ["Note"] = b.Note,
    };
}

/// <summary>
/// SetBaselineCount: the policy advisor enters or corrects the count of one year, form and source from before
/// Meldroute. The version says what the user saw: none means "there was no entry" (someone else's entry for the same
/// cell in between is a conflict, not silently overwritten), a version must still be the stored one. Every change is
/// audited and kept with old and new values (<see cref="ReferenceChange"/>, subject "baseline").
/// </summary>
public static class SetBaselineCount
{
    public static async Task<Outcome<BaselineCountView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, BaselineCountRequest r, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = Validate(t, r, now.Year);
        if (errors.Count > 0)
        {
            return Outcome<BaselineCountView>.Invalid(errors);
        }

        var (year, form, source) = (r.Year!.Value, r.Form!.Value, r.Source!.Value);
        var key = BaselineCount.KeyOf(year, form, source);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = await db.BaselineCounts.SingleOrDefaultAsync(b => b.Year == year && b.Form == form && b.Source == source, cancellationToken);
        if ((entry is null && r.Version is not null) || (entry is not null && r.Version != entry.Version))
        {
            return Outcome<BaselineCountView>.Conflict(t["Baseline_ChangedByOther", year, t["FormCategory_" + form], t["Source_" + source]]);
        }

        var before = entry is null ? null : BaselineRules.Fields(entry);
        if (entry is null)
        {
            entry = new BaselineCount { Year = year, Form = form, Source = source };
            db.BaselineCounts.Add(entry);
        }
        else
        {
            db.Entry(entry).Property(b => b.Version).OriginalValue = entry.Version;
        }

        entry.Count = r.Count!.Value;
        entry.Note = TextRules.Clean(r.Note);
        if (!ReferenceChange.Record(db, ReferenceChange.Baseline, key, before, BaselineRules.Fields(entry), user, now))
        {
            return Outcome<BaselineCountView>.Ok(BaselineCountView.From(entry));
        }

        entry.EnteredAt = now;
        entry.EnteredById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        entry.EnteredByName = user.Identity?.Name;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another advisor saved the same cell at the same moment (the unique index or the version).
            return Outcome<BaselineCountView>.Conflict(t["Baseline_ChangedByOther", year, t["FormCategory_" + form], t["Source_" + source]]);
        }

        await audit.RecordAsync(new AuditEntry(before is null ? "baseline.entered" : "baseline.changed", AuditOutcome.Success, "baseline", key), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<BaselineCountView>.Ok(BaselineCountView.From(entry));
    }

    private static Dictionary<string, string[]> Validate(IStringLocalizer t, BaselineCountRequest r, int thisYear)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (r.Year is not { } year || year < BaselineRules.FirstYear || year > thisYear)
        {
            errors[nameof(r.Year)] = [t["Baseline_YearRange", BaselineRules.FirstYear, thisYear]];
        }

        if (r.Form is not { } form || !Enum.IsDefined(form))
        {
            errors[nameof(r.Form)] = [t["Baseline_FormRequired"]];
        }

        if (r.Source is not { } source || !Enum.IsDefined(source))
        {
            errors[nameof(r.Source)] = [t["Baseline_SourceRequired"]];
        }

        if (r.Count is not (>= 0 and <= BaselineRules.CountMax))
        {
            errors[nameof(r.Count)] = [t["Baseline_CountRange", BaselineRules.CountMax]];
        }

        TextRules.Check(errors, nameof(r.Note), r.Note, BaselineRules.NoteMax, t);
        return errors;
    }
}
