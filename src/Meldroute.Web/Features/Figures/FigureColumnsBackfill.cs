using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Figures;

/// <summary>Fills the anonymous figure columns of signals stored before they existed (every later save keeps them current).</summary>
public static class FigureColumnsBackfill
{
    public static async Task<int> RunAsync(MeldrouteDbContext db, CancellationToken cancellationToken = default)
    {
        var done = 0;
        while (true)
        {
            var batch = await db.Signals.Where(s => s.ReceivedMonth == 0).OrderBy(s => s.Id).Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            foreach (var signal in batch)
            {
                db.Entry(signal).Property(s => s.ReceivedMonth).IsModified = true;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Count;
        }
    }
}
