using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Region;

/// <summary>A municipality of a region: its id, name and CBS code.</summary>
public sealed record RegionMember(int Id, string Name, string? Code);

/// <summary>
/// The region of the signed-in account's municipality: every municipality with the same Region value (a municipality
/// without a region is a region of its own), ordered by name. What a regional analyst reads across (the regional
/// figures, the case export); the Municipalities table is the installation's, not filtered.
/// </summary>
public sealed record RegionOfAccount(int OwnId, string Name, IReadOnlyList<RegionMember> Members)
{
    public IReadOnlyList<int> Ids => [.. Members.Select(m => m.Id)];

    public static async Task<RegionOfAccount> ReadAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var own = await db.Municipalities.AsNoTracking().Where(m => m.Id == db.CurrentMunicipalityId)
            .Select(m => new { m.Id, m.Name, m.Region }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("A regional analyst's account belongs to a municipality.");
        var members = await db.Municipalities.AsNoTracking()
            .Where(m => own.Region == null ? m.Id == own.Id : m.Region == own.Region)
            .Select(m => new RegionMember(m.Id, m.Name, m.Code)).ToListAsync(cancellationToken);
        return new RegionOfAccount(own.Id, own.Region ?? own.Name, [.. members.OrderBy(m => m.Name, StringComparer.CurrentCulture)]);
    }
}
