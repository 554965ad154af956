using System.Security.Claims;
using System.Text.Json;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Partners;

/// <summary>What of a partner its change list keeps: every field an administrator can change, as text.</summary>
public sealed record PartnerSnapshot(
    string Name, PartnerKind Kind, PartnerRoles Roles, ExploitationForms Forms,
    IReadOnlyList<string> Contacts, IReadOnlyList<string> WorkProcesses, IReadOnlyList<string> Routes, bool Archived)
{
    public static PartnerSnapshot Of(Partner p, IEnumerable<PartnerRoute> routes) => new(
        p.Name, p.Kind, p.Roles, p.Forms,
        [.. p.Contacts.OrderBy(c => c.SortOrder).Select(c => string.Join(" · ", new[] { c.Name, c.Function, c.Phone, c.Email, c.Availability }.Where(v => !string.IsNullOrEmpty(v))))],
        [.. p.WorkProcesses.OrderBy(w => w.SortOrder).Select(w => w.Description)],
        [.. routes.OrderBy(r => r.Route).Select(r => r.IsDefault ? $"{r.Route} (default)" : r.Route.ToString())],
        p.IsArchived);

    /// <summary>The fields by the codes of <see cref="PartnerChange.Fields"/>.</summary>
    public IReadOnlyDictionary<string, object> Fields => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["Name"] = Name, ["Kind"] = Kind.ToString(), ["Roles"] = Roles.ToString(), ["Forms"] = Forms.ToString(),
        ["Contacts"] = Contacts, ["WorkProcesses"] = WorkProcesses, ["Routes"] = Routes, ["Archived"] = Archived,
    };
}

/// <summary>
/// The versioned change list of partners: who changed what, when, and the old and new value of each changed field
/// (shown on the partner's page; the audit log records the same change without the values).
/// </summary>
public static class PartnerHistory
{
    /// <summary>Adds a change row when something changed (or the partner is new); returns the codes of what changed.</summary>
    public static IReadOnlyList<string> Record(MeldrouteDbContext db, int partnerId, PartnerSnapshot? before, PartnerSnapshot after, ClaimsPrincipal? user, DateTimeOffset at)
    {
        var afterFields = after.Fields;
        var changed = before is null
            ? ["Created"]
            : afterFields.Keys.Where(k => JsonSerializer.Serialize(before.Fields[k]) != JsonSerializer.Serialize(afterFields[k])).ToList();
        if (changed.Count == 0)
        {
            return changed;
        }

        var keys = before is null ? afterFields.Keys.ToList() : changed;
        db.PartnerChanges.Add(new PartnerChange
        {
            PartnerId = partnerId, ChangedAt = at, ChangedById = user?.FindFirstValue(ClaimTypes.NameIdentifier), ChangedByName = user?.Identity?.Name,
            Fields = string.Join(',', changed),
            Before = before is null ? null : JsonSerializer.Serialize(keys.ToDictionary(k => k, k => before.Fields[k])),
            After = JsonSerializer.Serialize(keys.ToDictionary(k => k, k => afterFields[k])),
        });
        return changed;
    }
}
