using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Figures;

/// <summary>ListBaselineCounts: the counts from before Meldroute, by year, form and source.</summary>
public static class ListBaselineCounts
{
    public static async Task<IReadOnlyList<BaselineCountView>> HandleAsync(MeldrouteDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.BaselineCounts.AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(b => b.Year).ThenBy(b => b.Form).ThenBy(b => b.Source).Select(BaselineCountView.From)];
}
