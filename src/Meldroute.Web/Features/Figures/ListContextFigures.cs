using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Figures;

/// <summary>ListContextFigures: the figures from outside Meldroute shown beside the municipality's own.</summary>
public static class ListContextFigures
{
    public static async Task<IReadOnlyList<ContextFigureView>> HandleAsync(MeldrouteDbContext db, CancellationToken cancellationToken) =>
        (await db.ContextFigures.AsNoTracking().OrderBy(f => f.Source).ThenBy(f => f.Area).ThenBy(f => f.Year).ThenBy(f => f.Form).ToListAsync(cancellationToken))
        .Select(f => new ContextFigureView(f.Source, f.Area, f.Year, f.Form, f.Measure, f.Value, f.Note)).ToList();
}
