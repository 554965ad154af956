using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Data;

/// <summary>
/// After a purge, the old pages must leave the database files, not only the rows. SQLite writes changes to the
/// write-ahead log first and keeps the previous page images there until a checkpoint; <c>secure_delete</c> only
/// zeroes what the main file frees. A TRUNCATE checkpoint copies the log into the main file (where secure_delete
/// overwrites the freed content) and empties the log file, so a crash or a disk snapshot taken afterwards holds
/// nothing of the purged values. On PostgreSQL the rows are updated in place; its dead tuples and WAL are issue 17's
/// per-signal keys, not this.
/// </summary>
public static class DeletedPages
{
    /// <summary>Runs after the purge's transaction has committed; best effort: a reader still holding an old snapshot delays it to the next purge or retention run.</summary>
    public static async Task WipeAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
    }
}
