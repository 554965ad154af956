using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Privacy;

/// <summary>
/// Gives names stored before the subject index existed their keyed hash (the save hook of
/// <see cref="MeldrouteDbContext"/> does it for every later write). Idempotent: only rows with a name and no hash.
/// </summary>
public static class SubjectIndexBackfill
{
    public static async Task<int> RunAsync(MeldrouteDbContext db, CancellationToken cancellationToken = default)
    {
        var people = await db.SignalPeople.Where(p => p.SubjectHash == null && p.NameOrDescription != null).ToListAsync(cancellationToken);
        var victims = await db.Set<Features.VictimDossiers.DossierVictim>().Where(v => v.SubjectHash == null && v.NameOrDescription != null).ToListAsync(cancellationToken);
        foreach (var entry in people.Cast<object>().Concat(victims).Select(db.Entry))
        {
            entry.State = EntityState.Modified;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return people.Count + victims.Count;
    }
}
