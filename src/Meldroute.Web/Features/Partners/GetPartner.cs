using Meldroute.Web.Infrastructure.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Partners;

/// <summary>GetPartner: one partner, its row of Table 1, work processes, routes and contact persons; and, for its page, the list of changes.</summary>
public static class GetPartner
{
    public static async Task<PartnerView?> HandleAsync(MeldrouteDbContext db, int id, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().Include(p => p.Contacts).Include(p => p.WorkProcesses).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null)
        {
            return null;
        }

        var routes = await db.PartnerRoutes.AsNoTracking().Where(r => r.PartnerId == id).ToListAsync(cancellationToken);
        return PartnerView.From(partner, routes);
    }

    public static async Task<IReadOnlyList<PartnerChangeView>> ChangesAsync(MeldrouteDbContext db, int id, CancellationToken cancellationToken) =>
        [.. (await db.PartnerChanges.AsNoTracking().Where(c => c.PartnerId == id).OrderByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken))
            .Select(c => new PartnerChangeView(c.ChangedAt, c.ChangedByName, c.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries), Values(c)))];

    /// <summary>The old and new value of each field the change stored (changes from before values were kept have none).</summary>
    private static List<PartnerFieldChange> Values(PartnerChange c)
    {
        var before = Parse(c.Before);
        var after = Parse(c.After);
        return [.. after.Keys.Select(k => new PartnerFieldChange(k, before.GetValueOrDefault(k), after[k]))];

        static Dictionary<string, string> Parse(string? json) => json is null
            ? []
            : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(kv => kv.Key, kv => kv.Value.ValueKind == JsonValueKind.Array
                ? string.Join(", ", kv.Value.EnumerateArray().Select(e => e.ToString()))
                : kv.Value.ToString());
    }
}
