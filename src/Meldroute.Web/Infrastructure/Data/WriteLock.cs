using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Data;

/// <summary>
/// Serialises writers of one kind across app instances for the rest of the current transaction: a PostgreSQL
/// transaction-scoped advisory lock. On SQLite the transaction's own write lock (BEGIN IMMEDIATE) already does this.
/// </summary>
public static class WriteLock
{
    public const long AuditChain = 0x4d52_4155_4449_54;
    public const long KeyRing = 0x4d52_4b45_5952_494e;

    /// <summary>Two instances starting on one new PostgreSQL database: the second waits for the first's script (NewDatabaseScript), then finds the tables.</summary>
    public const long NewDatabase = 0x4D52_4E45_5744_4231; // "MRNEWDB1"

    public static async Task AcquireAsync(MeldrouteDbContext db, long key, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A write lock lives only inside a transaction.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [key], cancellationToken);
        }
    }
}
