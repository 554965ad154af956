using Meldroute.Web.Features.Municipalities;
using System.Security.Claims;
using System.Text.Json;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Setup;

/// <summary>
/// One change of a department, an indicator or an entered count from before Meldroute: who, when, and the old and new value of each changed field (partners
/// keep theirs in <see cref="Partners.PartnerChange"/>). Reference data only, no personal data of the public.
/// </summary>
public sealed class ReferenceChange : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public const string Department = "department";
    public const string Indicator = "indicator";

    /// <summary>A count from before Meldroute (<see cref="Figures.BaselineCount"/>), keyed by year, form and source.</summary>
    public const string Baseline = "baseline";

    public long Id { get; set; }

    /// <summary><see cref="Department"/>, <see cref="Indicator"/> or <see cref="Baseline"/>.</summary>
    public required string Subject { get; set; }

    /// <summary>The department's id, the indicator's code or the entered count's year/form/source.</summary>
    public required string SubjectKey { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string? ChangedById { get; set; }

    public string? ChangedByName { get; set; }

    public required string Fields { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    /// <summary>
    /// Adds a change row when a field differs, or the item is new (<paramref name="before"/> null) or removed
    /// (<paramref name="after"/> null, only for what may be removed: entered counts).
    /// </summary>
    public static bool Record(
        MeldrouteDbContext db, string subject, string key, IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?>? after, ClaimsPrincipal? user, DateTimeOffset at)
    {
        if (before is null && after is null)
        {
            throw new ArgumentException("A change has a value before or after it.", nameof(after));
        }

        var changed = before is null ? ["Created"]
            : after is null ? ["Deleted"]
            : after.Keys.Where(k => JsonSerializer.Serialize(before[k]) != JsonSerializer.Serialize(after[k])).ToList();
        if (changed.Count == 0)
        {
            return false;
        }

        var keys = before is null ? [.. after!.Keys] : after is null ? [.. before.Keys] : changed;
        db.ReferenceChanges.Add(new ReferenceChange
        {
            Subject = subject, SubjectKey = key, ChangedAt = at, ChangedById = user?.FindFirstValue(ClaimTypes.NameIdentifier), ChangedByName = user?.Identity?.Name,
            Fields = string.Join(',', changed),
            Before = before is null ? null : JsonSerializer.Serialize(keys.ToDictionary(k => k, k => before[k])),
            After = after is null ? null : JsonSerializer.Serialize(keys.ToDictionary(k => k, k => after[k])),
        });
        return true;
    }
}

internal sealed class ReferenceChangeConfiguration : IEntityTypeConfiguration<ReferenceChange>
{
    public void Configure(EntityTypeBuilder<ReferenceChange> builder)
    {
        builder.Property(c => c.Subject).HasMaxLength(20);
        builder.Property(c => c.SubjectKey).HasMaxLength(40);
        builder.HasIndex(c => new { c.Subject, c.SubjectKey, c.ChangedAt });
        builder.Property(c => c.ChangedById).HasMaxLength(64);
        builder.Property(c => c.ChangedByName).HasMaxLength(256);
        builder.Property(c => c.Fields).HasMaxLength(200);
        builder.Property(c => c.Before).HasMaxLength(20_000);
        builder.Property(c => c.After).HasMaxLength(20_000);
    }
}
