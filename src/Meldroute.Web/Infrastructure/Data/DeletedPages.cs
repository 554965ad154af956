using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Data;

/// <summary>
/// After a purge, the old pages must leave the database files, not only the rows. SQLite writes changes to the
/// write-ahead log first and keeps the previous page images there until a checkpoint; <c>secure_delete</c> only
/// zeroes what the main file frees. A TRUNCATE checkpoint copies the log into the main file (where secure_delete
/// overwrites the freed content) and empties the log file, so a crash or a disk snapshot taken afterwards holds
/// nothing of the purged values; the key file (attached as <c>keys</c>) is checkpointed with it, so a destroyed data
/// key leaves no page behind either. On PostgreSQL old row versions stay as dead tuples until VACUUM: for the values
/// that is harmless (their data key is destroyed in the same transaction), for the data keys themselves the retention
/// run rewrites the key table (<see cref="VacuumKeysAsync"/>).
/// </summary>
public static class DeletedPages
{
    /// <summary>Runs after the purge's transaction has committed; best effort: a reader still holding an old snapshot delays it to the next purge or retention run.</summary>
    public static async Task WipeAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // Without a schema name SQLite checkpoints every attached database: the main file and the key file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
    }

    /// <summary>
    /// PostgreSQL: VACUUM FULL writes the key table anew, without the dead versions of destroyed keys, and removes the
    /// old file. Plain VACUUM would only mark their space free, leaving the bytes. The table is small (one row of about
    /// a hundred bytes per signal and dossier), so the exclusive lock it takes lasts milliseconds.
    /// VACUUM FULL copies a dead version into the new file as long as a transaction that began before its deletion is
    /// still open ("recently dead": that transaction may still read it), so it first waits, up to
    /// <see cref="OlderTransactionsWait"/>, until every client transaction of this database that began before now has
    /// ended. Answers false when one was still open then: the key table was rewritten anyway, and a version that
    /// transaction kept leaves at the next run.
    /// </summary>
    public static async Task<bool> VacuumKeysAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return true;
        }

        var since = await db.Database.SqlQueryRaw<DateTimeOffset>("SELECT clock_timestamp() AS \"Value\"").SingleAsync(cancellationToken);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        bool older;
        while ((older = await OlderTransactionsAsync(db, since, cancellationToken)) && waited.Elapsed < OlderTransactionsWait)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("VACUUM (FULL) \"DataKeys\"", cancellationToken);
        return !older;
    }

    /// <summary>How long the key table's rewrite waits for transactions older than the purge (a nightly job can wait).</summary>
    public static readonly TimeSpan OlderTransactionsWait = TimeSpan.FromSeconds(30);

    // Autovacuum's own snapshot does not keep dead versions from another vacuum; only client transactions count.
    private static Task<bool> OlderTransactionsAsync(MeldrouteDbContext db, DateTimeOffset since, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                  AND backend_xmin IS NOT NULL AND xact_start < {since}) AS "Value"
            """).SingleAsync(cancellationToken);
}
