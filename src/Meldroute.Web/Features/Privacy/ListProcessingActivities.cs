using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Privacy;

/// <summary>ListProcessingActivities: the register of processing activities (AVG art. 30), by code.</summary>
public static class ListProcessingActivities
{
    public static async Task<IReadOnlyList<ProcessingActivity>> HandleAsync(MeldrouteDbContext db, CancellationToken cancellationToken) =>
        await db.ProcessingActivities.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken);
}
